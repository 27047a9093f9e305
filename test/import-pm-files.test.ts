import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

async function emptyDb(): Promise<{ dir: string; db: string }> {
  const dir = tempDir();
  const db = join(dir, 'rapport.db');
  expect((await rapport(['--db', db, 'init'])).code).toBe(0);
  return { dir, db };
}

const LINKEDIN = `Notes:
"When exporting your connection data, you may notice that some of the email addresses are missing."

First Name,Last Name,URL,Email Address,Company,Position,Connected On
Tim,Berners-Lee,https://www.linkedin.com/in/timbl,,W3C,Director,12 Mar 2024
,,,,,,04 Feb 2024
Vint,Cerf,https://www.linkedin.com/in/vintcerf,vint@example.com,Google,Chief Internet Evangelist,03 Jan 2023
,,,,,,05 Feb 2024
`;

interface Report {
  people: { created: number };
  ties: { created: number; unchanged: number };
  counts: { records: number; skipped: number; hidden: number };
}

describe('imports a PM actually has (issue 9 §7)', () => {
  it('a LinkedIn export with hidden members imports the rest and says how many were hidden', async () => {
    const { dir, db } = await emptyDb();
    const file = join(dir, 'Connections.csv');
    writeFileSync(file, LINKEDIN);
    const r = await rapport(['--db', db, 'import', file]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('2 hidden connections skipped');
    expect(r.stdout).toContain('People: 2 created');
    const json = await rapportJson<Report>(['--db', db, 'import', file, '--dry-run']);
    expect(json.counts.hidden).toBe(2);
    expect(json.counts.skipped).toBe(0);
  });

  it('a ties CSV names people by the org chart employee ids, by email or by name', async () => {
    const { dir, db } = await emptyDb();
    const org = join(dir, 'org.csv');
    writeFileSync(
      org,
      'Employee ID,Name,Email,Manager ID\nE1,Ada Lovelace,ada@example.com,\nE1023,Grace Hopper,grace@example.com,E1\nE77,Alan Turing,alan@example.com,E1\n',
    );
    expect((await rapport(['--db', db, 'import', org])).code).toBe(0);
    const ties = join(dir, 'ties.csv');
    writeFileSync(ties, 'From,To,Type\nE1023,E77,advice\nalan@example.com,Ada Lovelace,trust\n');
    const r = await rapport(['--db', db, 'import', ties]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Ties: 2 declared');
    const again = await rapportJson<Report>(['--db', db, 'import', ties]);
    expect(again.ties).toEqual({ created: 0, unchanged: 2 });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'From,To\nE1023,E9999\n');
    const b = await rapport(['--db', db, 'import', bad]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('line 2');
    expect(b.stderr).toContain('E9999');
    expect(b.stderr).not.toMatch(/at .*\.js/);
  });

  it('reminders without --format prints the agenda of the next 14 days; --format ics stays a feed', async () => {
    const { db } = await emptyDb();
    const NOW = { RAPPORT_NOW: '2026-11-23T10:00:00Z' };
    const run = (...args: string[]) => rapport(['--db', db, ...args], NOW);
    await run('person', 'add', 'Grace Hopper', '--tier', 'partner');
    await run('person', 'add', 'Alan Turing', '--tier', 'acquaintance');
    await run('log', 'Grace Hopper', '--kind', 'coffee', '--date', '2026-11-20');
    const r = await run('reminders');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Due from 2026-11-23 to 2026-12-07');
    expect(r.stdout).toContain('2026-12-04');
    expect(r.stdout).toContain('Touch base with Grace Hopper');
    // Alan's 90-day cadence runs out in February: not in the next two weeks.
    expect(r.stdout).not.toContain('Alan Turing');
    expect(r.stdout).not.toContain('BEGIN:VCALENDAR');
    const ics = await run('reminders', '--format', 'ics');
    expect(ics.stdout).toContain('BEGIN:VCALENDAR');
    expect(ics.stdout).toContain('Alan Turing');
  });
});
