import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, tempDir } from './cli.js';
import { snapshot } from './snapshot.js';

describe('bad input: one clear line on stderr, non-zero exit, database unchanged', () => {
  const dir = tempDir();
  const db = join(dir, 'errors.db');

  beforeAll(async () => {
    for (const args of [
      ['person', 'add', 'Dana Lee', '--email', 'dana@acme.example'],
      ['person', 'add', 'Chris Park', '--title', 'Designer', '--email', 'chris.p@acme.example'],
      // Two people of one name on purpose (a second is refused unless asked for, since issue 9).
      [
        'person',
        'add',
        'Chris Park',
        '--title',
        'Accountant',
        '--email',
        'chris.park@acme.example',
        '--allow-duplicate',
      ],
      ['initiative', 'add', 'Q3 launch'],
    ]) {
      expect((await rapport(['--db', db, ...args])).code).toBe(0);
    }
  });

  const cases: { name: string; args: string[]; code: number; message: RegExp }[] = [
    {
      name: 'unknown person',
      args: ['log', 'Nobody Here', '--kind', 'coffee'],
      code: 1,
      message: /No person matches "Nobody Here"/,
    },
    {
      name: 'ambiguous name lists the candidates',
      args: ['log', 'Chris Park', '--kind', 'coffee'],
      code: 1,
      message:
        /"Chris Park" matches 2 people: #\d+ Chris Park \(Designer, chris\.p@acme\.example\); #\d+ Chris Park \(Accountant/,
    },
    {
      name: 'influence out of range',
      args: ['assess', 'Dana Lee', '--initiative', 'Q3 launch', '--influence', '140', '--stance', '10'],
      code: 1,
      message: /influence must be from 0 to 100; got 140/,
    },
    {
      name: 'stance that is not a number',
      args: ['assess', 'Dana Lee', '--initiative', 'Q3 launch', '--influence', '50', '--stance', 'high'],
      code: 1,
      message: /stance must be a whole number from -100 to 100; got "high"/,
    },
    {
      name: 'missing --initiative',
      args: ['assess', 'Dana Lee', '--influence', '50', '--stance', '10'],
      code: 2,
      message: /assess needs --initiative/,
    },
    {
      name: 'a date in the future',
      args: ['log', 'Dana Lee', '--kind', 'coffee', '--date', '2999-01-01'],
      code: 1,
      message: /date 2999-01-01 is in the future/,
    },
    {
      name: 'an impossible date',
      args: ['log', 'Dana Lee', '--date', '2026-02-30'],
      code: 1,
      message: /not a real calendar day/,
    },
    {
      name: 'unknown kind',
      args: ['log', 'Dana Lee', '--kind', 'bribe'],
      code: 1,
      message: /kind must be one of help-given/,
    },
    {
      name: 'unknown tier',
      args: ['person', 'add', 'X Y', '--tier', 'bestie'],
      code: 1,
      message: /tier must be one of partner/,
    },
    {
      name: 'duplicate email',
      args: ['person', 'add', 'Other', '--email', 'DANA@acme.example'],
      code: 1,
      message: /already belongs to Dana Lee/,
    },
    {
      name: 'unknown initiative',
      args: ['assess', 'Dana Lee', '--initiative', 'Nope', '--influence', '1', '--stance', '1'],
      code: 1,
      message: /No initiative matches "Nope"/,
    },
    { name: 'unknown command', args: ['frobnicate'], code: 2, message: /unknown command 'frobnicate'/ },
    { name: 'unknown flag', args: ['people', '--colour'], code: 2, message: /unknown option '--colour'/ },
    {
      name: 'reporting loop',
      args: ['person', 'edit', 'Dana Lee', '--manager', 'Dana Lee'],
      code: 1,
      message: /reporting loop/,
    },
  ];

  for (const c of cases) {
    it(c.name, async () => {
      const before = snapshot(db);
      const r = await rapport(['--db', db, ...c.args]);
      expect(r.code).toBe(c.code);
      expect(r.stderr).toMatch(c.message);
      expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^rapport: /);
      expect(snapshot(db)).toEqual(before);
    });
  }

  it('a --db path in a folder that does not exist', async () => {
    const missing = join(dir, 'no', 'such', 'folder', 'x.db');
    const r = await rapport(['--db', missing, 'people']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/the folder .*no\/such\/folder does not exist/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a PostgreSQL URL nobody answers at', async () => {
    const r = await rapport(['--db', 'postgres://postgres@127.0.0.1:1/nowhere', 'people']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^rapport: Cannot reach the database server at postgres:\/\/postgres@127\.0\.0\.1:1\/nowhere/,
    );
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a database file that is not SQLite is refused and left alone', async () => {
    const notDb = join(dir, 'notes.txt');
    writeFileSync(notDb, 'shopping list: milk, eggs\n');
    const r = await rapport(['--db', notDb, 'people']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/notes\.txt is not a Rapport database \(not an SQLite file\)/);
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(notDb, 'utf8')).toBe('shopping list: milk, eggs\n');
  });

  it('every command has --help with examples', async () => {
    for (const args of [
      ['person', 'add'],
      ['person', 'list'],
      ['person', 'show'],
      ['person', 'edit'],
      ['person', 'remove'],
      ['people'],
      ['me'],
      ['initiative', 'add'],
      ['initiative', 'list'],
      ['initiative', 'show'],
      ['initiative', 'archive'],
      ['assess'],
      ['log'],
      ['ledger'],
      ['demo'],
      ['start'],
    ]) {
      const r = await rapport([...args, '--help']);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout, args.join(' ')).toMatch(/Examples:\n {2}\$ (rapport|npm)/);
    }
  });
});
