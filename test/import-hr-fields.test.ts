import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

// A Workday-style worker export: the columns a PM gets from HR, office and start date included.
const WORKERS = `Employee ID,Legal Name,Business Title,Supervisory Organization,Work Email,Manager ID,Location,Hire Date
E1,Ada Lovelace,Chief Product Officer,Product,ada@example.com,,London,2015-06-01
E1023,Grace Hopper,Director of Engineering,Engineering,grace@example.com,E1,New York,2019-03-15T00:00:00.000-08:00
E77,Alan Turing,Staff Engineer,Engineering,alan@example.com,E1023,Manchester,03/04/2019
E78,Joan Clarke,Engineer,Engineering,joan@example.com,E1023,Remote,2026-02-30
`;

interface Shown {
  name: string;
  location: string | null;
  hireDate: string | null;
}

describe('location and hire date from an HR file are kept (issue 9 §7)', () => {
  it('imports them, reports the dates it cannot read by line, shows and edits them', async () => {
    const dir = tempDir();
    const db = join(dir, 'rapport.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    expect((await run('init')).code).toBe(0);
    const file = join(dir, 'workers.csv');
    writeFileSync(file, WORKERS);

    const r = await run('import', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('People: 4 created');
    expect(r.stdout).toContain('Warnings (2):');
    expect(r.stdout).toContain('workers.csv, line 4, field "Hire Date": expected a date as YYYY-MM-DD');
    expect(r.stdout).toContain('got "03/04/2019". The date is left out.');
    expect(r.stdout).toContain('workers.csv, line 5, field "Hire Date"');

    const grace = await run('person', 'show', 'Grace Hopper');
    expect(grace.stdout).toMatch(/location: +New York/);
    expect(grace.stdout).toMatch(/hired: +2019-03-15/);
    const alan = await rapportJson<Shown>(['--db', db, 'person', 'show', 'Alan Turing']);
    expect(alan).toMatchObject({ location: 'Manchester', hireDate: null });

    const edit = await run(
      'person',
      'edit',
      'Alan Turing',
      '--hire-date',
      '2019-04-03',
      '--location',
      'Bletchley',
    );
    expect(edit.code, edit.stderr).toBe(0);
    expect(await rapportJson<Shown>(['--db', db, 'person', 'show', 'Alan Turing'])).toMatchObject({
      location: 'Bletchley',
      hireDate: '2019-04-03',
    });
    const bad = await run('person', 'edit', 'Alan Turing', '--hire-date', '03/04/2019');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--hire-date');
    expect(bad.stderr).not.toMatch(/at .*\.c?js/);
    const cleared = await run('person', 'edit', 'Alan Turing', '--hire-date', '', '--location', '');
    expect(cleared.code, cleared.stderr).toBe(0);
    expect(await rapportJson<Shown>(['--db', db, 'person', 'show', 'Alan Turing'])).toMatchObject({
      location: null,
      hireDate: null,
    });

    // All or nothing: --strict refuses the file at the first date it cannot read, writing nothing.
    const strictDb = join(dir, 'strict.db');
    await rapport(['--db', strictDb, 'init']);
    const strict = await rapport(['--db', strictDb, 'import', file, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toContain('line 4');
    expect(strict.stderr).not.toContain('left out');
    expect(await rapportJson<unknown[]>(['--db', strictDb, 'people'])).toEqual([]);
  });
});
