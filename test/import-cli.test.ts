import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const fixture = (name: string) => fileURLToPath(new URL(`../src/formats/fixtures/${name}`, import.meta.url));
const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };

describe('rapport import / export / reminders / people merge, on the real binary', () => {
  const dir = tempDir();
  const db = join(dir, 'team.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], NOW);

  it('imports an org chart, says so, and a second import changes nothing', async () => {
    const first = await run('import', fixture('org-chart-workday.csv'));
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('People: 6 created, 0 updated, 0 matched unchanged.');
    expect(first.stdout).toContain('org-chart-workday.csv, line 6: José Martí → 1009');
    const again = await run('import', fixture('org-chart-workday.csv'));
    expect(again.stdout).toContain('Nothing changed: everything in the file was already here.');
  });

  it('--dry-run prints the counts and writes nothing', async () => {
    const r = await rapportJson<{ people: { created: number }; dryRun: boolean }>(
      ['--db', db, 'import', fixture('google-contacts.csv'), '--dry-run'],
      NOW,
    );
    expect(r).toMatchObject({ dryRun: true, people: { created: 4 } });
    const people = await rapportJson<unknown[]>(['--db', db, 'people'], NOW);
    expect(people).toHaveLength(6);
  });

  it('a bad record fails with the file, line, field and expectation, exit 1, no stack trace, nothing written', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Name,Email\nNew One,new@example.com\nBroken,broken@\n');
    const r = await run('import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'rapport: bad.csv, line 3, field "Email": expected an email address like ada@example.com, got "broken@".\n',
    );
    expect(await rapportJson<unknown[]>(['--db', db, 'people'], NOW)).toHaveLength(6);
    const skipped = await run('import', bad, '--skip-invalid');
    expect(skipped.stdout).toContain('Skipped 1 record:\n  bad.csv, line 3: ');
  });

  it('an unknown file or a missing one is a clear error', async () => {
    const txt = join(dir, 'notes.txt');
    writeFileSync(txt, 'hello\n');
    expect((await run('import', txt)).stderr).toMatch(
      /^rapport: notes\.txt: cannot tell what kind of file this is\..*--format/,
    );
    const missing = await run('import', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect((await run('import', txt, '--format', 'xml')).code).toBe(2);
  });

  it('a JSON export restored into an empty database exports to the same bytes', async () => {
    await run('import', fixture('calendar-google.ics'), '--since', '2026-09-01');
    const backup = join(dir, 'backup.json');
    expect((await run('export', '--output', backup)).code).toBe(0);
    const fresh = join(dir, 'fresh.db');
    const restored = await rapport(['--db', fresh, 'import', backup], NOW);
    expect(restored.stdout).toContain('Interactions: 6 logged');
    const again = await rapport(['--db', fresh, 'export'], NOW);
    expect(again.stdout).toBe(readFileSync(backup, 'utf8'));
  });

  it('vCard 3.0 export reads back as the same people', async () => {
    const vcf = join(dir, 'team.vcf');
    await run('export', '--format', 'vcard', '--vcard-version', '3', '--output', vcf);
    const text = readFileSync(vcf, 'utf8');
    expect(text.match(/VERSION:3\.0/g)).toHaveLength(7);
    const other = join(dir, 'other.db');
    const r = await rapportJson<{ people: { created: number } }>(['--db', other, 'import', vcf], NOW);
    expect(r.people.created).toBe(7);
  });

  it('reminders: a partner due 14 days after the last contact, as an all-day event ical.js reads', async () => {
    await run('person', 'edit', 'Grace Hopper', '--tier', 'partner');
    await run('log', 'Grace Hopper', '--kind', 'coffee', '--date', '2026-11-20');
    const r = await run('reminders', '--format', 'ics');
    const cal = new ICAL.Component(ICAL.parse(r.stdout));
    const events = cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const grace = events.find((e) => e.summary === 'Touch base with Grace Hopper');
    expect(grace?.startDate.toString()).toBe('2026-12-04');
    expect(grace?.startDate.isDate).toBe(true);
  });

  it('people merge moves the duplicate onto the survivor', async () => {
    await run('person', 'add', 'G. Hopper', '--email', 'grace@navy.example');
    const r = await rapportJson<{ survivor: { name: string }; emails: string[] }>(
      ['--db', db, 'people', 'merge', 'Grace Hopper', 'G. Hopper'],
      NOW,
    );
    expect(r).toMatchObject({
      survivor: { name: 'Grace Hopper' },
      emails: ['grace.hopper@example.com', 'grace@navy.example'],
    });
    const people = await rapportJson<{ name: string }[]>(['--db', db, 'people'], NOW);
    expect(people.map((p) => p.name)).not.toContain('G. Hopper');
  });
});
