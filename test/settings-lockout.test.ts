import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

// Issue 10 item 11: a bad stored setting (from an older restore or a hand edit) used to stop
// focus, nurture, map, review and even `settings --reset` with an error.
const env = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };

function storeSettings(db: string, values: Record<string, unknown>): void {
  const sqlite = new Database(db);
  try {
    const ws = (sqlite.prepare("select id from workspaces where name = 'default'").get() as { id: number })
      .id;
    const put = sqlite.prepare(
      'insert into settings (workspace_id, key, value) values (?, ?, ?) on conflict (workspace_id, key) do update set value = excluded.value',
    );
    for (const [k, v] of Object.entries(values)) put.run(ws, k, JSON.stringify(v));
  } finally {
    sqlite.close();
  }
}

describe('bad stored settings never lock the user out', () => {
  const dir = tempDir();
  const db = join(dir, 'r.db');
  let initiative = '';

  beforeAll(async () => {
    expect((await rapport(['--db', db, 'demo'], env)).code).toBe(0);
    const list = await rapportJson<{ name: string }[]>(['--db', db, 'initiative', 'list'], env);
    initiative = list[0]!.name;
    storeSettings(db, {
      'balance.halfLifeDays': 0,
      influence: { pivots: 'many', hiddenMargin: 12 },
      'ask.small': -50,
      exploded: true,
    });
  });

  it('every command runs on defaults and warns on stderr, naming the key and the fix', async () => {
    for (const args of [
      ['focus'],
      ['nurture'],
      ['map', '--initiative', initiative],
      ['review'],
      ['settings'],
    ]) {
      const r = await rapport(['--db', db, ...args, '--json'], env);
      expect([args, r.code]).toEqual([args, 0]);
      JSON.parse(r.stdout);
      expect(r.stderr).toContain(
        'rapport: warning: Setting balance.halfLifeDays (days after which a deposit or withdrawal counts half) must be a whole number from 1 to 3650; got 0. The stored value is not used: the default 180 applies until the setting is set again or reset. Fix it with `rapport settings balance.halfLifeDays VALUE` or `rapport settings balance.halfLifeDays --reset`.',
      );
      expect(r.stderr).toContain('Setting influence.pivots');
      expect(r.stderr).toContain('Stored setting "exploded" is not a setting Rapport knows');
      expect(r.stderr).toContain('Ask sizes must grow');
      expect(r.stderr).not.toContain('unexpected error');
    }
    const list = await rapportJson<{ key: string; value: unknown; problem: string | null }[]>(
      ['--db', db, 'settings'],
      env,
    );
    expect(list.find((s) => s.key === 'balance.halfLifeDays')).toMatchObject({ value: 180 });
    expect(list.find((s) => s.key === 'influence.hiddenMargin')).toMatchObject({ value: 12, problem: null });
  });

  it('`settings KEY VALUE` works whatever else is stored, and `settings --reset` clears it all', async () => {
    const set = await rapport(['--db', db, 'settings', 'balance.halfLifeDays', '90'], env);
    expect(set.code).toBe(0);
    expect(set.stderr).not.toContain('balance.halfLifeDays');
    expect(set.stderr).toContain('influence.pivots');
    const reset = await rapport(['--db', db, 'settings', '--reset', '--json'], env);
    expect([reset.code, reset.stderr]).toEqual([0, '']);
    const after = JSON.parse(reset.stdout) as { key: string; overridden: boolean }[];
    expect(after.every((s) => !s.overridden)).toBe(true);
    const focus = await rapport(['--db', db, 'focus'], env);
    expect([focus.code, focus.stderr]).toEqual([0, '']);
  });

  it('a backup carrying such a setting is refused naming it, and nothing is written', async () => {
    const file = join(dir, 'backup.json');
    expect((await rapport(['--db', db, 'export', '--format', 'json', '--output', file], env)).code).toBe(0);
    const backup = JSON.parse(readFileSync(file, 'utf8')) as { settings: Record<string, unknown> };
    backup.settings = { 'balance.halfLifeDays': 0 };
    writeFileSync(file, JSON.stringify(backup));
    const fresh = join(dir, 'fresh.db');
    const r = await rapport(['--db', fresh, 'import', file], env);
    expect([r.code, r.stderr]).toEqual([
      1,
      'rapport: backup.json, field "settings.balance.halfLifeDays": Setting balance.halfLifeDays (days after which a deposit or withdrawal counts half) must be a whole number from 1 to 3650; got 0.\n',
    ]);
    const people = await rapportJson<unknown[]>(['--db', fresh, 'people'], env);
    expect(people).toEqual([]);
  });
});
