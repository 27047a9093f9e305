import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

interface Ledger {
  entries: { id: number; kind: string; capital: number; note: string | null }[];
  totals: { entries: number };
}
interface Balance {
  balance: number;
}

describe('a mistake can be taken back (issue 9 §2)', () => {
  it('ledger shows ids; an entry is corrected or removed and the balance follows', async () => {
    const db = join(tempDir(), 'rapport.db');
    const run = (...args: string[]) =>
      rapport(['--db', db, ...args], { RAPPORT_NOW: '2026-12-03T12:00:00Z' });
    expect((await run('person', 'add', 'Dana Lee')).code).toBe(0);
    expect((await run('log', 'Dana Lee', '--kind', 'ask', '--note', 'typo')).code).toBe(0);
    const text = await run('ledger', 'Dana Lee');
    expect(text.stdout.split('\n')[0]).toMatch(/^id\s+date/);
    const ledger = await rapportJson<Ledger>(['--db', db, 'ledger', 'Dana Lee']);
    const id = ledger.entries[0]!.id;
    const before = await rapportJson<Balance>(['--db', db, 'balance', 'Dana Lee']);
    expect(before.balance).toBeLessThan(0);

    const edit = await run(
      'ledger',
      'edit',
      String(id),
      '--kind',
      'help-given',
      '--note',
      'covered her call',
    );
    expect(edit.code, edit.stderr).toBe(0);
    expect(edit.stdout).toMatch(new RegExp(`Changed #${id}: help-given \\(\\+3\\)`));
    const after = await rapportJson<Balance>(['--db', db, 'balance', 'Dana Lee']);
    expect(after.balance).toBeGreaterThan(0);
    expect((await rapportJson<Ledger>(['--db', db, 'ledger', 'Dana Lee'])).entries[0]).toMatchObject({
      id,
      kind: 'help-given',
      note: 'covered her call',
    });

    expect((await run('ledger', 'remove', String(id))).code).toBe(0);
    expect((await rapportJson<Ledger>(['--db', db, 'ledger', 'Dana Lee'])).totals.entries).toBe(0);
    expect((await rapportJson<Balance>(['--db', db, 'balance', 'Dana Lee'])).balance).toBe(0);
    const again = await run('ledger', 'remove', String(id));
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(new RegExp(`No ledger entry matches "#${id}"`));

    // Changed their mind: the entry comes back, and the balance with it.
    const restored = await run('ledger', 'restore', String(id));
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/^Restored #\d+: help-given \(\+3\) with Dana Lee/);
    expect((await rapportJson<Balance>(['--db', db, 'balance', 'Dana Lee'])).balance).toBe(after.balance);
    expect((await run('ledger', 'restore', String(id))).code).toBe(1);
  });

  it('assess undo takes back the latest assessment and the map shows the one before', async () => {
    const db = join(tempDir(), 'rapport.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    await run('person', 'add', 'Dana Lee');
    await run('initiative', 'add', 'Q3 launch');
    await run(
      'assess',
      'Dana Lee',
      '--initiative',
      'Q3 launch',
      '--influence',
      '80',
      '--stance',
      '-40',
      '--date',
      '2026-10-01',
    );
    await run('assess', 'Dana Lee', '--initiative', 'Q3 launch', '--influence', '80', '--stance', '+90');
    const list = await run('assessments', 'Dana Lee');
    expect(list.stdout).toMatch(/Q3 launch\s+80\s+\+90/);
    const undo = await run('assess', 'undo', 'Dana Lee', '--initiative', 'Q3 launch');
    expect(undo.code, undo.stderr).toBe(0);
    const map = await rapportJson<{ quadrants: { convert: { name: string; stance: number }[] } }>([
      '--db',
      db,
      'map',
      '--initiative',
      'Q3 launch',
    ]);
    expect(map.quadrants.convert).toEqual([
      expect.objectContaining({ person: expect.objectContaining({ name: 'Dana Lee' }), stance: -40 }),
    ]);
    const missing = await run('assess', 'undo', 'Dana Lee');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/needs --initiative/);
  });

  it('person remove shows what would go and needs --yes; reports move up to the manager', async () => {
    const db = join(tempDir(), 'rapport.db');
    const run = (...args: string[]) => rapport(['--db', db, ...args]);
    await run('person', 'add', 'Uma Reyes');
    await run('person', 'add', 'Keiko Zhang', '--manager', 'Uma Reyes');
    await run('person', 'add', 'Sam Ortiz', '--manager', 'Keiko Zhang');
    await run('log', 'Keiko Zhang', '--kind', 'coffee');
    const preview = await run('person', 'remove', 'Keiko Zhang');
    expect(preview.code).toBe(1);
    expect(preview.stdout).toMatch(
      /Keiko Zhang \(#\d+\) has 1 ledger entry, 0 assessments, 0 plans, 0 ties\. 1 report \(Sam Ortiz\) would report to Uma Reyes\./,
    );
    expect(preview.stderr).toMatch(/Nothing was removed: run again with --yes/);
    expect((await run('person', 'show', 'Keiko Zhang')).code).toBe(0);
    const done = await run('person', 'remove', 'Keiko Zhang', '--yes');
    expect(done.code, done.stderr).toBe(0);
    expect(done.stdout).toMatch(/now report to Uma Reyes/);
    const sam = await rapportJson<{ manager: { id: number } }>(['--db', db, 'person', 'show', 'Sam Ortiz']);
    const uma = await rapportJson<{ id: number }>(['--db', db, 'person', 'show', 'Uma Reyes']);
    expect(sam.manager.id).toBe(uma.id);
  });
});
