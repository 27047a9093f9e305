import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, rapport, rapportJson, tempDir } from './cli.js';

// The first hour of a new PM (issue 9), as one script: Priya Shah joined Acme Analytics on
// 2 November. She imports the Workday worker export, her LinkedIn connections, a ties sheet that
// names people by employee id and her Google calendar, maps her initiative, and asks the weekly
// questions. Every answer asserted is one she would check.
const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00Z' };
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/hour-of-use/${name}`, import.meta.url));
const INITIATIVE = 'Self-serve onboarding';

interface Person {
  id: number;
  name: string;
  category: string;
  location: string | null;
  hireDate: string | null;
}

describe('the first hour of a new PM, scripted (issue 9)', () => {
  const db = join(tempDir(), 'rapport.db');
  const run = (...args: string[]): Promise<CliResult> => rapport(['--db', db, ...args], NOW);
  const json = <T>(...args: string[]) => rapportJson<T>(['--db', db, ...args], NOW);
  const ok = async (...args: string[]): Promise<string> => {
    const r = await run(...args);
    expect(r.code, `rapport ${args.join(' ')}: ${r.stderr}`).toBe(0);
    expect(r.stderr, `rapport ${args.join(' ')}`).not.toMatch(/at .*\.c?js/);
    return r.stdout;
  };
  const people = async () => new Map((await json<Person[]>('people')).map((p) => [p.name, p]));
  const imports: Record<string, string> = {};

  beforeAll(async () => {
    await ok('init');
    imports.org = await ok('import', fixture('workers.csv'));
    await ok('me', 'Priya Shah');
    await ok('person', 'edit', 'Priya Shah', '--company', 'Acme Analytics');
    await ok('settings', 'import.clients', 'Globex');
    await ok('settings', 'import.providers', 'Pixel & Co');
    imports.linkedin = await ok('import', fixture('Connections.csv'));
    imports.ties = await ok('import', fixture('ties.csv'));
    imports.calendar = await ok('import', fixture('calendar.ics'), '--since', '2026-10-01');
    for (const [name, tier] of [
      ['Dana Whitfield', 'partner'],
      ['Helen Park', 'partner'],
      ['Mei Chen', 'friend'],
      ['Omar Haddad', 'acquaintance'],
      ['Victor Alvarez', 'acquaintance'],
    ])
      await ok('person', 'edit', name!, '--tier', tier!);
    await ok('person', 'edit', 'Omar Haddad', '--communication', 'a written one-pager before any meeting');
    await ok('initiative', 'add', INITIATIVE);
    for (const [name, influence, stance, date, note] of [
      ['Dana Whitfield', '90', '70', '2026-11-06'],
      ['Omar Haddad', '85', '-20', '2026-11-06'],
      ['Omar Haddad', '85', '-55', '2026-11-20', 'worried about on-call load'],
      ['Victor Alvarez', '70', '-30', '2026-10-01'],
      ['Mei Chen', '60', '50', '2026-11-06'],
      ['Sam Okafor', '40', '60', '2026-11-06'],
      ['Gwen Ito', '30', '-25', '2026-11-18'],
    ]) {
      const args = [
        '--initiative',
        INITIATIVE,
        '--influence',
        influence!,
        '--stance',
        stance!,
        '--date',
        date!,
      ];
      await ok('assess', name!, ...args, ...(note ? ['--note', note] : []));
    }
    await ok(
      'log',
      'Mei Chen',
      '--kind',
      'help-received',
      '--date',
      '2026-11-10',
      '--note',
      'lent Sam for the prototype',
    );
    await ok('log', 'Helen Park', '--kind', 'coffee', '--date', '2026-10-20', '--note', 'welcome coffee');
    await ok(
      'plan',
      'Omar Haddad',
      '--strategy',
      'communicate',
      '--step',
      'Send the on-call analysis as a one-pager',
      '--due',
      '2026-11-20',
    );
    await ok(
      'plan',
      'Omar Haddad',
      '--strategy',
      'proactive',
      '--step',
      'Ask for two engineers for the pilot',
      '--due',
      '2026-11-30',
    );
  }, 120_000);

  it('the org chart brings everyone with location and hire date; a date it cannot be sure of is named by line', async () => {
    expect(imports.org).toContain('People: 11 created');
    expect(imports.org).toContain('workers.csv, line 10, field "Hire Date"');
    expect(imports.org).toContain('got "03/04/2022". The date is left out.');
    const all = await people();
    expect(all.get('Sam Okafor')).toMatchObject({ location: 'London', hireDate: '2016-02-29' });
    expect(all.get('Gwen Ito')).toMatchObject({ location: 'New York', hireDate: '2019-11-11' });
    expect(all.get('Nina Petrova')).toMatchObject({ location: 'Remote', hireDate: null });
    expect(await ok('person', 'show', 'Sam Okafor')).toMatch(/manager: +Mei Chen/);
  });

  it('LinkedIn adds the outside contacts filed by company, matches Dana, and counts the hidden rows', async () => {
    expect(imports.linkedin).toContain('People: 3 created, 1 updated');
    expect(imports.linkedin).toContain('2 hidden connections skipped');
    expect(imports.linkedin).toContain(
      '1 client (company in import.clients), 1 provider (company in import.providers), 1 stakeholder (default)',
    );
    const all = await people();
    expect([...all.keys()].filter((n) => n.startsWith('Dana'))).toEqual(['Dana Whitfield']);
    expect(all.get('Tobias Kron')?.category).toBe('client');
    expect(all.get('Lena Varga')?.category).toBe('provider');
    expect(all.get('Marco Bellini')?.category).toBe('stakeholder');
  });

  it('ties by employee id and LinkedIn URL resolve, and a second import changes nothing', async () => {
    expect(imports.ties).toContain('Ties: 7 declared');
    const again = await json<{ ties: { created: number; unchanged: number } }>('import', fixture('ties.csv'));
    expect(again.ties).toEqual({ created: 0, unchanged: 7 });
  });

  it('the calendar logs the meetings that happened with the people who came', async () => {
    expect(imports.calendar).toContain('Meetings: 6 logged');
    expect(imports.calendar).toContain('tobias.kron@globex.example');
    // Three Monday one-to-ones before today's; Omar declined the pricing review.
    const dana = await json<{ entries: { kind: string }[] }>('ledger', 'Dana Whitfield');
    expect(dana.entries).toHaveLength(3);
    const omar = await json<{ entries: { note: string | null }[] }>('ledger', 'Omar Haddad');
    expect(omar.entries.map((e) => e.note)).toEqual(['Self-serve onboarding kickoff']);
  });

  it('focus puts the late step for the influential detractor first, then the overdue partner and the favour owed', async () => {
    const out = await ok('focus');
    const lines = out.split('\n').filter((l) => /^\d+\. /.test(l));
    expect(lines[0]).toContain('Send the on-call analysis as a one-pager (plan for Omar Haddad');
    expect(out).toContain('worried about on-call load');
    expect(lines.some((l) => l.includes('Helen Park'))).toBe(true);
    expect(lines.some((l) => l.includes('Mei Chen'))).toBe(true);
  });

  it('nurture names the trusted partner left untouched', async () => {
    const rows = await json<{ person: { name: string }; overdueDays: number }[]>('nurture');
    expect(rows).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ name: 'Helen Park' }), overdueDays: 20 }),
    ]);
  });

  it('ask says the large ask of Omar is not worth it, and what to build first if it is critical', async () => {
    const plain = await json<{ verdict: string; stance: number; influence: number }>(
      'ask',
      'Omar Haddad',
      '--size',
      'large',
    );
    expect(plain).toMatchObject({ verdict: 'not-worth-it', stance: -55, influence: 85 });
    const critical = await ok('ask', 'Omar Haddad', '--size', 'large', '--critical');
    expect(critical).toContain('verdict:   build-first');
    expect(critical).toContain('deposits to make (Engineering)');
  });

  it('review flags the stale assessment and the fallen stance; the map puts Omar and Victor to convert', async () => {
    const review = await ok('review');
    expect(review).toContain('stale: Victor Alvarez, assessed 2026-10-01 (53 days ago)');
    expect(review).toContain('stance fell: Omar Haddad, -20 → -55 on 2026-11-20');
    const map = await ok('map', '--initiative', INITIATIVE);
    const convert = map.slice(map.indexOf('to convert'), map.indexOf('allies'));
    expect(convert).toContain('Omar Haddad — influence 85, stance -55');
    expect(convert).toContain('Victor Alvarez');
  });

  it('influence finds the staff engineer everyone goes to for advice', async () => {
    const out = await ok('influence', '--top', '5');
    const sam = out.split('\n').find((l) => l.includes('Sam Okafor'));
    expect(sam).toContain('sought in 4 ties');
  });

  it('prep before meeting Omar: his move on the map, how he likes to be addressed, the late step and the planned ask', async () => {
    const out = await ok('prep', 'Omar Haddad');
    expect(out).toContain('influence ±0, stance -35 since 2026-11-06');
    expect(out).toContain('communicates: a written one-pager before any meeting');
    expect(out).toContain('last contact: 2026-11-05; last one-to-one never');
    expect(out).toMatch(/DUE #\d+ 2026-11-20 improve communication: Send the on-call analysis/);
    expect(out).toMatch(/Ask check, medium \(planned in step #\d+\): not-worth-it/);
  });

  it('a backup restores with the employee ids: the ties file still names everyone', async () => {
    const dir = tempDir();
    const backup = join(dir, 'backup.json');
    await ok('export', '--output', backup);
    const fresh = join(dir, 'fresh.db');
    expect((await rapport(['--db', fresh, 'init'], NOW)).code).toBe(0);
    expect((await rapport(['--db', fresh, 'import', backup], NOW)).code).toBe(0);
    const ties = await rapportJson<{ ties: { created: number; unchanged: number } }>(
      ['--db', fresh, 'import', fixture('ties.csv')],
      NOW,
    );
    expect(ties.ties).toEqual({ created: 0, unchanged: 7 });
  });
});
