import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const ORG = `Employee ID,Name,Email,Manager ID,Location,Hire Date
E1,Ada Lovelace,ada@example.com,,London,2015-06-01
E1023,Grace Hopper,grace@example.com,E1,New York,2019-03-15
E77,Alan Turing,alan@example.com,E1023,Manchester,2021-03-15
`;
const LINKEDIN = `First Name,Last Name,URL,Email Address,Company,Position,Connected On
Vint,Cerf,https://www.linkedin.com/in/vintcerf,,Google,Chief Internet Evangelist,03 Jan 2023
`;

interface Shown {
  id: number;
  name: string;
  emails: string[];
  location: string | null;
  hireDate: string | null;
}

async function workspace() {
  const dir = tempDir();
  const db = join(dir, 'rapport.db');
  const run = (d: string, ...args: string[]) => rapport(['--db', d, ...args]);
  expect((await run(db, 'init')).code).toBe(0);
  writeFileSync(join(dir, 'org.csv'), ORG);
  writeFileSync(join(dir, 'Connections.csv'), LINKEDIN);
  expect((await run(db, 'import', join(dir, 'org.csv'))).code).toBe(0);
  expect((await run(db, 'import', join(dir, 'Connections.csv'))).code).toBe(0);
  return { dir, db, run };
}

const TIES = 'From,To,Type\nE77,E1023,advice\nhttps://www.linkedin.com/in/vintcerf,E1,trust\n';

describe('backups and exports carry employee ids, LinkedIn URLs, location and hire date (issue 9 §7)', () => {
  it('a restored backup keeps them: a ties file still names people by employee id and LinkedIn URL', async () => {
    const { dir, db, run } = await workspace();
    const backup = join(dir, 'backup.json');
    expect((await run(db, 'export', '--output', backup)).code).toBe(0);
    const text = readFileSync(backup, 'utf8');
    expect(text).toContain('"value": "E1023"');
    expect(text).toContain('"value": "https://www.linkedin.com/in/vintcerf"');
    const fresh = join(dir, 'fresh.db');
    await run(fresh, 'init');
    const restored = await run(fresh, 'import', backup);
    expect(restored.code, restored.stderr).toBe(0);
    expect(await rapportJson<Shown>(['--db', fresh, 'person', 'show', 'Grace Hopper'])).toMatchObject({
      location: 'New York',
      hireDate: '2019-03-15',
    });
    // Exporting the restored workspace gives the backup it came from.
    expect(await run(fresh, 'export').then((r) => r.stdout)).toBe(text);
    writeFileSync(join(dir, 'ties.csv'), TIES);
    const ties = await run(fresh, 'import', join(dir, 'ties.csv'));
    expect(ties.code, ties.stderr).toBe(0);
    expect(ties.stdout).toContain('Ties: 2 declared');
  });

  it('the people CSV export carries them and imports back into them', async () => {
    const { dir, db, run } = await workspace();
    const csv = join(dir, 'people.csv');
    expect((await run(db, 'export', '--format', 'csv', '--what', 'people', '--output', csv)).code).toBe(0);
    const lines = readFileSync(csv, 'utf8').split(/\r?\n/);
    expect(lines[0]).toContain('Location,Hire Date,Employee Id,LinkedIn URL');
    expect(lines.find((l) => l.includes('Grace Hopper'))).toContain('New York,2019-03-15,E1023,');
    const fresh = join(dir, 'fresh.db');
    await run(fresh, 'init');
    const back = await run(fresh, 'import', csv);
    expect(back.code, back.stderr).toBe(0);
    expect(await rapportJson<Shown>(['--db', fresh, 'person', 'show', 'Alan Turing'])).toMatchObject({
      location: 'Manchester',
      hireDate: '2021-03-15',
    });
    writeFileSync(join(dir, 'ties.csv'), TIES);
    expect((await run(fresh, 'import', join(dir, 'ties.csv'))).stdout).toContain('Ties: 2 declared');
  });

  it('a later org chart matches people by employee id first, whatever their name or email became', async () => {
    const { dir, db } = await workspace();
    const renamed = join(dir, 'org-2027.csv');
    writeFileSync(
      renamed,
      'Employee ID,Name,Email,Manager ID,Location\nE1023,Grace Brewster Hopper,grace.hopper@example.com,E1,Arlington\n',
    );
    const r = await rapportJson<{ people: { created: number; updated: number } }>([
      '--db',
      db,
      'import',
      renamed,
    ]);
    expect(r.people).toEqual({ created: 0, updated: 1, unchanged: 0 });
    const people = await rapportJson<Shown[]>(['--db', db, 'people']);
    expect(people.map((p) => p.name).sort()).toEqual([
      'Ada Lovelace',
      'Alan Turing',
      'Grace Hopper',
      'Vint Cerf',
    ]);
    expect(people.find((p) => p.name === 'Grace Hopper')).toMatchObject({
      emails: ['grace@example.com', 'grace.hopper@example.com'],
      location: 'Arlington',
    });
  });
});
