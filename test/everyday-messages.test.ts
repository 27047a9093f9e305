import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

async function small(): Promise<string> {
  const db = join(tempDir(), 'rapport.db');
  const run = async (...args: string[]) => {
    const r = await rapport(['--db', db, ...args]);
    expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  await run('person', 'add', 'Alex Kim');
  await run('me', 'Alex Kim');
  await run('person', 'add', 'Dana Lee');
  await run('person', 'add', 'Sam Ortiz');
  await run('initiative', 'add', 'Old launch');
  await run('initiative', 'archive', 'Old launch');
  for (const [kind, date] of [
    ['help-given', '2026-11-01'],
    ['help-given', '2026-11-02'],
    ['ask', '2026-11-03'],
    ['coffee', '2026-11-04'],
  ])
    await run('log', 'Dana Lee', '--kind', kind!, '--date', date!);
  return db;
}

describe('everyday messages and numbers (issue 9 §6)', () => {
  it('refuses logging an interaction with myself, or tagged with an archived initiative, writing nothing', async () => {
    const db = await small();
    const self = await rapport(['--db', db, 'log', 'Alex Kim', '--kind', 'coffee']);
    expect(self.code).toBe(1);
    expect(self.stderr).toMatch(/"Alex Kim" is you/);
    const archived = await rapport(['--db', db, 'log', 'Sam Ortiz', '--initiative', 'Old launch']);
    expect(archived.code).toBe(1);
    expect(archived.stderr).toMatch(/"Old launch" is archived/);
    const ledger = await rapportJson<{ totals: { entries: number } }>(['--db', db, 'ledger', 'Sam Ortiz']);
    expect(ledger.totals.entries).toBe(0);
  });

  it('ledger --limit lists the newest entries but totals the whole ledger, and says so', async () => {
    const db = await small();
    const r = await rapport(['--db', db, 'ledger', 'Dana Lee', '--limit', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/4 entries \(showing the newest 1\)/);
    const json = await rapportJson<{
      entries: unknown[];
      totals: { entries: number; deposits: number; withdrawals: number };
    }>(['--db', db, 'ledger', 'Dana Lee', '--limit', '1']);
    expect(json.entries).toHaveLength(1);
    expect(json.totals.entries).toBe(4);
    expect(json.totals.deposits).toBeGreaterThan(0);
    expect(json.totals.withdrawals).toBeGreaterThan(0);
    const noWithdrawals = await rapport(['--db', db, 'ledger', 'Sam Ortiz']);
    expect(noWithdrawals.stdout).not.toMatch(/-0\b/);
  });

  it('balances print one number format: two decimals, a sign, never -0', async () => {
    const db = await small();
    await rapport(['--db', db, 'log', 'Sam Ortiz', '--kind', 'meeting']);
    const r = await rapport(['--db', db, 'balances'], { RAPPORT_NOW: '2026-12-03T12:00:00Z' });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .split('\n')
      .slice(2)
      .filter((l) => /^\d/.test(l));
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/\s([+-]\d+\.\d\d|0\.00)\s/);
    expect(r.stdout).not.toMatch(/\s-0(\.0+)?\s/);
  });
});
