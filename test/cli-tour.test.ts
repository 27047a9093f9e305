import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface PersonJson {
  id: number;
  name: string;
  title: string | null;
  team: string | null;
  category: string;
  tier: string;
  manager: { id: number; name: string } | null;
  reports: { id: number; name: string }[];
  interactions: { count: number; lastAt: string | null };
  assessments: { initiative: string; influence: number; stance: number; note: string | null }[];
}

describe('the README tour, run on the real binary', () => {
  const dir = tempDir();
  const db = join(dir, 'team.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args]);

  beforeAll(async () => {
    for (const args of [
      ['person', 'add', 'Dana Lee', '--title', 'VP Sales', '--category', 'stakeholder', '--tier', 'partner'],
      [
        'person',
        'add',
        'Sam Ortiz',
        '--manager',
        'Dana Lee',
        '--title',
        'Sales Ops',
        '--tier',
        'acquaintance',
      ],
      ['person', 'add', 'Alex Kim', '--email', 'alex@northwind.example'],
      ['me', 'Alex Kim'],
      ['initiative', 'add', 'Q3 launch'],
      [
        'assess',
        'Dana Lee',
        '--initiative',
        'Q3 launch',
        '--influence',
        '85',
        '--stance',
        '-40',
        '--note',
        'worried about timeline',
      ],
      ['log', 'Dana Lee', '--kind', 'help-given', '--note', 'covered her customer call'],
      ['log', 'Sam Ortiz', '--kind', 'ask', '--note', 'asked for pipeline data'],
    ]) {
      const r = await run(...args);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
  });

  it('shows a person with manager, reports, ledger and current assessment', async () => {
    const dana = await rapportJson<PersonJson>(['--db', db, 'person', 'show', 'Dana Lee']);
    expect(dana).toMatchObject({
      name: 'Dana Lee',
      title: 'VP Sales',
      category: 'stakeholder',
      tier: 'partner',
      manager: null,
    });
    expect(dana.reports.map((r) => r.name)).toEqual(['Sam Ortiz']);
    expect(dana.interactions.count).toBe(1);
    expect(dana.assessments).toEqual([
      expect.objectContaining({
        initiative: expect.objectContaining({ name: 'Q3 launch' }),
        influence: 85,
        stance: -40,
        note: 'worried about timeline',
      }),
    ]);
    const sam = await rapportJson<PersonJson>(['--db', db, 'person', 'show', 'Sam Ortiz']);
    expect(sam.manager).toEqual({ id: dana.id, name: 'Dana Lee' });
  });

  it('keeps a ledger with default capital per kind: a deposit and a withdrawal', async () => {
    const dana = await rapportJson<{ entries: { kind: string; capital: number }[]; totals: { net: number } }>(
      ['--db', db, 'ledger', 'Dana Lee'],
    );
    expect(dana.entries).toEqual([expect.objectContaining({ kind: 'help-given', capital: 3 })]);
    const sam = await rapportJson<{ totals: { deposits: number; withdrawals: number; net: number } }>([
      '--db',
      db,
      'ledger',
      'Sam Ortiz',
    ]);
    expect(sam.totals).toMatchObject({ deposits: 0, withdrawals: 2, net: -2 });
  });

  it('finds people by email and by id, and says who "me" is', async () => {
    const byEmail = await rapportJson<PersonJson>(['--db', db, 'person', 'show', 'ALEX@northwind.example']);
    expect(byEmail.name).toBe('Alex Kim');
    const byId = await rapportJson<PersonJson>(['--db', db, 'person', 'show', String(byEmail.id)]);
    expect(byId.name).toBe('Alex Kim');
    const me = await rapportJson<{ name: string }>(['--db', db, 'me']);
    expect(me.name).toBe('Alex Kim');
  });

  it('prints readable text without --json', async () => {
    const r = await run('person', 'show', 'Dana Lee');
    expect(r.stdout).toContain('VP Sales');
    expect(r.stdout).toMatch(/Q3 launch\s+85\s+-40/);
    const people = await run('people');
    expect(people.stdout).toMatch(/3 people/);
  });

  it('keeps every assessment: a re-assessment reports the movement', async () => {
    const r = await rapportJson<{ previous: { stance: number } | null; stance: number }>([
      '--db',
      db,
      'assess',
      'Dana Lee',
      '--initiative',
      'Q3 launch',
      '--influence',
      '80',
      '--stance',
      '10',
    ]);
    expect(r.previous?.stance).toBe(-40);
    const show = await rapportJson<{ assessments: { history: number; stance: number }[] }>([
      '--db',
      db,
      'initiative',
      'show',
      'Q3 launch',
    ]);
    expect(show.assessments).toEqual([expect.objectContaining({ stance: 10, history: 2 })]);
  });

  it('edits and removes people', async () => {
    await run('person', 'add', 'Temp Person');
    const edited = await rapportJson<PersonJson & { interests: string[] }>([
      '--db',
      db,
      'person',
      'edit',
      'Temp Person',
      '--interests',
      'jazz, chess',
      '--tier',
      'friend',
    ]);
    expect(edited).toMatchObject({ tier: 'friend', interests: ['jazz', 'chess'] });
    expect((await run('person', 'remove', 'Temp Person')).code).toBe(0);
    expect((await run('person', 'show', 'Temp Person')).code).toBe(1);
  });

  it('uses $RAPPORT_DB when --db is not given', async () => {
    const r = await rapport(['people', '--json'], { RAPPORT_DB: db });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBeGreaterThanOrEqual(3);
  });
});
