import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { modulesFor } from '../src/cli/commands/index.js';
import { JSON_SHAPES } from '../src/cli/json-shapes.js';
import { jsonShapesDoc } from '../src/cli/json-shapes-doc.js';
import { BIN, tempDir } from './cli.js';

const NOW = { RAPPORT_NOW: '2026-11-23T12:00:00Z' };
const covered = new Set<string>();

function run(args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args, '--json'],
      { env: { ...process.env, RAPPORT_DB: '', ...NOW }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(stdin ?? '');
  });
}

/** Runs a command with --json and checks its answer against the command's schema, exactly. */
async function shaped<T = Record<string, unknown>>(key: string, args: string[], stdin?: string): Promise<T> {
  const schema = JSON_SHAPES[key];
  expect(schema, `no JSON shape for "${key}"`).toBeDefined();
  const r = await run(args, stdin);
  expect(r.code, `rapport ${args.join(' ')}: ${r.stderr}`).toBe(0);
  const out = JSON.parse(r.stdout) as unknown;
  const parsed = schema!.safeParse(out);
  expect(parsed.error?.issues ?? [], `rapport ${args.join(' ')}`).toEqual([]);
  // Parsing drops keys the schema does not name: equal means nothing undocumented was printed.
  expect(parsed.data, `rapport ${args.join(' ')} prints keys its schema does not name`).toEqual(out);
  covered.add(key);
  return out as T;
}

interface Ref {
  id: number;
  name: string;
}

describe('every --json answer is the documented shape (issue 9 §8)', () => {
  const dir = tempDir();
  const db = join(dir, 'rapport.db');
  const on = (...args: string[]) => ['--db', db, ...args];

  afterAll(() => {
    // The last test checks coverage; this keeps a partial run from passing silently.
    expect(covered.size).toBeGreaterThan(0);
  });

  it('answers every read command on the demo organisation with its schema', async () => {
    const demo = await shaped<{ me: Ref; initiatives: Ref[] }>('demo', on('demo'));
    await shaped('init', on('init'));
    await shaped('start', ['--db', join(dir, 'started.db'), 'start']);
    const people = await shaped<(Ref & { manager: Ref | null })[]>('people', on('people'));
    await shaped('people --sort importance', on('people', '--sort', 'importance'));
    await shaped('person list', on('person', 'list', '--tier', 'partner'));
    await shaped('me', on('me'));
    const someone = people.find((p) => p.manager !== null && p.id !== demo.me.id)!;
    const initiative = demo.initiatives[0]!;
    await shaped('person show', on('person', 'show', someone.name));
    await shaped('initiative list', on('initiative', 'list'));
    await shaped('initiative show', on('initiative', 'show', initiative.name));
    await shaped('map', on('map', '--initiative', initiative.name));
    await shaped('balance', on('balance', someone.name));
    await shaped('balances', on('balances'));
    await shaped('ledger', on('ledger', someone.name));
    await shaped('nurture', on('nurture'));
    await shaped('coverage', on('coverage'));
    await shaped('onboard', on('onboard'));
    const focus = await shaped<{ person: Ref | null }[]>('focus', on('focus'));
    const target = focus.find((f) => f.person !== null)!.person!;
    await shaped('ask', on('ask', target.name, '--size', 'large'));
    await shaped('prep', on('prep', target.name));
    await shaped('review', on('review'));
    await shaped('plans', on('plans'));
    await shaped('thanks', on('thanks'));
    await shaped('attention', on('attention'));
    await shaped('deposits', on('deposits'));
    await shaped('settings', on('settings'));
    await shaped('ties', on('ties'));
    await shaped('influence', on('influence', '--top', '5'));
    await shaped('path', on('path', 'me', target.name));
    await shaped('coalition', on('coalition', '--initiative', initiative.name));
    await shaped('reminders', on('reminders'));
  }, 120_000);

  it('answers every write command with its schema', async () => {
    const added = await shaped<Ref>('person add', on('person', 'add', 'Zed Quill', '--level', '4'));
    await shaped('person edit', on('person', 'edit', 'Zed Quill', '--title', 'Analyst'));
    await shaped('initiative add', on('initiative', 'add', 'Shapes check'));
    await shaped(
      'assess',
      on('assess', 'Zed Quill', '--initiative', 'Shapes check', '--influence', '60', '--stance', '10'),
    );
    await shaped(
      'assess',
      on('assess', 'Zed Quill', '--initiative', 'Shapes check', '--influence', '70', '--stance', '20'),
    );
    const list = await shaped<{ id: number }[]>('assessments', on('assessments', 'Zed Quill'));
    await shaped('assess undo', on('assess', 'undo', 'Zed Quill', '--initiative', 'Shapes check'));
    await shaped('assess remove', on('assess', 'remove', String(list[0]!.id)));
    const logged = await shaped<{ id: number }>(
      'log',
      on('log', 'Zed Quill', '--kind', 'coffee', '--initiative', 'Shapes check'),
    );
    const id = String(logged.id);
    await shaped('ledger edit', on('ledger', 'edit', id, '--note', 'talked pricing'));
    await shaped('ledger remove', on('ledger', 'remove', id));
    await shaped('ledger restore', on('ledger', 'restore', id));
    await shaped(
      'plan',
      on('plan', 'Zed Quill', '--strategy', 'connect', '--step', 'Coffee', '--due', '2026-12-01'),
    );
    await shaped('tie', on('tie', 'Zed Quill', 'me', '--kind', 'advice', '--weight', '4'));
    await shaped('ties remove', on('ties', 'remove', 'Zed Quill', 'me'));
    const one = await shaped<{ key: string }[]>('settings', on('settings', 'cadence.partner', '10'));
    expect(one.map((s) => s.key)).toEqual(['cadence.partner']);
    await shaped('initiative archive', on('initiative', 'archive', 'Shapes check'));
    const csv = join(dir, 'people.csv');
    writeFileSync(csv, 'name,title,email\nYara Stone,Engineer,yara@example.com\n');
    await shaped('import', on('import', csv));
    await shaped('person add', on('person', 'add', 'Z. Quill', '--allow-duplicate'));
    await shaped('people merge', on('people', 'merge', 'Zed Quill', 'Z. Quill'));
    await shaped('person remove', on('person', 'remove', String(added.id), '--yes'));
    await shaped(
      'user add',
      on('user', 'add', 'ada@example.com', '--owner', '--password-stdin'),
      'a long passphrase here\n',
    );
    await shaped('token create', on('token', 'create', 'nightly sync'));
    await shaped(
      'user add',
      on('user', 'add', 'bo@example.com', '--password-stdin'),
      'another long passphrase\n',
    );
    await shaped('member add', on('member', 'add', 'bo@example.com', '--role', 'viewer'));
    const members = await shaped<{ email: string; role: string }[]>('member list', on('member', 'list'));
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['ada@example.com', 'owner'],
      ['bo@example.com', 'viewer'],
    ]);
    await shaped('member remove', on('member', 'remove', 'bo@example.com'));
  }, 120_000);

  it('names a shape for every command that takes --json, and runs each', async () => {
    const program = new Command('rapport');
    for (const m of await modulesFor(undefined)) m.register(program);
    const withJson: string[] = [];
    const walk = (c: Command, path: string[]) => {
      for (const s of c.commands) {
        const p = [...path, s.name()];
        if (s.options.some((o) => o.long === '--json')) withJson.push(p.join(' '));
        walk(s, p);
      }
    };
    walk(program, []);
    expect(withJson.filter((k) => !(k in JSON_SHAPES))).toEqual([]);
    expect(Object.keys(JSON_SHAPES).filter((k) => !covered.has(k))).toEqual([]);
  });

  it('documents every shape in docs/json.md as it is', () => {
    const file = new URL('../docs/json.md', import.meta.url);
    // UPDATE_JSON_DOCS=1 rewrites the page from the schemas.
    if (process.env.UPDATE_JSON_DOCS === '1') writeFileSync(file, jsonShapesDoc());
    expect(readFileSync(file, 'utf8')).toBe(jsonShapesDoc());
  });
});
