import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { rapport, tempDir } from './cli.js';

const WRITER = new URL('./fixtures/writer.mjs', import.meta.url).pathname;

function runWriter(db: string, tag: string, n: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [WRITER, db, tag, String(n)]);
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('two processes on one SQLite file', () => {
  it('both create the schema on a new file and then interleave writes without losing any', async () => {
    const db = join(tempDir(), 'shared.db');
    const n = 150;
    const results = await Promise.all([runWriter(db, 'a', n), runWriter(db, 'b', n)]);
    for (const r of results) expect(r).toEqual({ code: 0, stderr: '' });

    const sqlite = new Database(db, { readonly: true });
    const notes = sqlite.prepare('select note from interactions order by note').all() as { note: string }[];
    const people = sqlite.prepare('select count(*) as n from people').get() as { n: number };
    const integrity = sqlite.pragma('integrity_check', { simple: true });
    sqlite.close();
    expect(integrity).toBe('ok');
    expect(people.n).toBe(2);
    expect(notes).toHaveLength(2 * n);
    const expected = ['a', 'b'].flatMap((t) => Array.from({ length: n }, (_, i) => `${t}-${i}`)).sort();
    expect(notes.map((x) => x.note)).toEqual(expected);
  });

  it('two CLI processes adding people at the same moment both succeed', async () => {
    const db = join(tempDir(), 'cli.db');
    const adds = await Promise.all(
      Array.from({ length: 6 }, (_, i) => rapport(['--db', db, 'person', 'add', `Person ${i}`])),
    );
    for (const r of adds) expect(r.stderr).toBe('');
    const list = await rapport(['--db', db, 'people', '--json']);
    expect((JSON.parse(list.stdout) as unknown[]).length).toBe(6);
  });
});
