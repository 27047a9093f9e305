import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/index.js';
import { BIN, rapport, rapportJson, tempDir } from './cli.js';

// The CLI works as one member: the local member before any account, the owner once the CLI's
// workspace is theirs, or the member named by --as. Tiers, cadences and "me" are each member's.
describe('the CLI as one member of the workspace (--as)', () => {
  const db = join(tempDir(), 'team.db');
  const env = { RAPPORT_DB: db, RAPPORT_NOW: '2026-12-04T10:00:00.000Z' };
  const run = (...args: string[]) => rapport(args, env);
  const json = <T>(...args: string[]) => rapportJson<T>(args, env);
  const userAdd = (email: string, owner: boolean) =>
    execFileSync(
      process.execPath,
      [BIN, 'user', 'add', email, ...(owner ? ['--owner'] : []), '--password-stdin'],
      {
        env: { ...process.env, ...env },
        input: 'a long passphrase here\n',
      },
    );
  const tierOf = async (name: string, ...as: string[]) =>
    (await json<{ tier: string; cadenceDays: number | null }>('person', 'show', name, ...as)).tier;

  beforeAll(async () => {
    expect((await run('init')).code).toBe(0);
    expect((await run('person', 'add', 'Ada Lane', '--tier', 'partner', '--cadence', '21')).code).toBe(0);
    expect((await run('person', 'add', 'Mo Self')).code).toBe(0);
    expect((await run('me', 'Mo Self')).code).toBe(0);
    const logged = await run('log', 'Ada Lane', '--kind', 'help-given', '--note', 'before accounts');
    expect(logged.code).toBe(0);
  });
  afterAll(() => undefined);

  it('the owner account adopts what the CLI kept before any account existed', async () => {
    userAdd('olivia@example.com', true);
    const ada = await json<{ tier: string; cadenceDays: number | null }>('person', 'show', 'Ada Lane');
    expect([ada.tier, ada.cadenceDays]).toEqual(['partner', 21]);
    expect(await tierOf('Ada Lane', '--as', 'olivia@example.com')).toBe('partner');
    expect((await json<{ name: string }>('me')).name).toBe('Mo Self');
    const ledger = await json<{ entries: { note: string }[] }>(
      'ledger',
      'Ada Lane',
      '--as',
      'olivia@example.com',
    );
    expect(ledger.entries.map((e) => e.note)).toEqual(['before accounts']);
  });

  it('an unknown email or a non-member is refused with exit 1, and nothing is written', async () => {
    userAdd('stranger@example.com', false);
    for (const email of ['nobody@example.com', 'stranger@example.com']) {
      const r = await run('person', 'edit', 'Ada Lane', '--tier', 'friend', '--as', email);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`No member matches "${email}"`);
      expect(r.stderr).not.toContain('    at ');
    }
    expect(await tierOf('Ada Lane')).toBe('partner');
  });

  it('a teammate keeps their own tier and "me"; the owner\'s stay as they were', async () => {
    userAdd('teo@example.com', false);
    const store = await openStore(db);
    try {
      const teo = (await store.accounts.userByEmail('teo@example.com'))!.id;
      await store.accounts.addMember(await store.workspaces.ensure('default', ''), teo, 'editor', '');
    } finally {
      await store.close();
    }
    const as = ['--as', 'teo@example.com'];
    expect(await tierOf('Ada Lane', ...as)).toBe('none');
    expect((await run('person', 'edit', 'Ada Lane', '--tier', 'acquaintance', ...as)).code).toBe(0);
    expect((await run('me', 'Ada Lane', ...as)).code).toBe(0);
    expect(await tierOf('Ada Lane', ...as)).toBe('acquaintance');
    expect((await json<{ name: string }>('me', ...as)).name).toBe('Ada Lane');
    expect(await tierOf('Ada Lane')).toBe('partner');
    expect((await json<{ name: string }>('me')).name).toBe('Mo Self');
    const tiered = await json<{ items?: { name: string }[] } | { name: string }[]>(
      'people',
      '--tier',
      'partner',
      ...as,
    );
    expect(JSON.stringify(tiered)).not.toContain('Ada Lane');
  });

  it("a teammate's ledger is their own; what the owner shares shows on it, marked, outside their totals", async () => {
    const as = ['--as', 'teo@example.com'];
    const shared = await run('log', 'Ada Lane', '--note', 'team sync', '--shared');
    expect(shared.code).toBe(0);
    expect(shared.stdout).toContain('shared with the workspace');
    const theirs = await run('ledger', 'Ada Lane', ...as);
    expect(theirs.code).toBe(0);
    expect(theirs.stdout).toContain('team sync');
    expect(theirs.stdout).toMatch(/\(shared\)/);
    expect(theirs.stdout).not.toContain('before accounts');
    expect(theirs.stdout).toContain('Ada Lane: 0 entries');
    const balance = await json<{ balance: number; deposits: number }>('balance', 'Ada Lane', ...as);
    expect([balance.balance, balance.deposits]).toEqual([0, 0]);
    const mine = await json<{ deposits: number }>('balance', 'Ada Lane');
    expect(mine.deposits).toBeGreaterThan(0);
    // The teammate cannot change the owner's shared entry: it is the owner's.
    const id = String(
      (await json<{ entries: { id: number; note: string }[] }>('ledger', 'Ada Lane')).entries[0]!.id,
    );
    const edit = await run('ledger', 'edit', id, '--note', 'mine now', ...as);
    expect(edit.code).toBe(1);
    expect(edit.stderr).toContain('only its author');
  });
});
