import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { changesState, transactionEdge } from './state-writes.js';
import { describeEachDialect } from './test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

describeEachDialect('state version', ({ fresh }) => {
  let store: Store;
  let other: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const f = await fresh();
    ({ store, cleanup } = f);
    other = await openStore(f.location);
    ws = await store.workspaces.ensure('default', NOW);
  });
  afterEach(async () => {
    await other.close();
    await cleanup();
  });

  /** Whether `write` moved the version, as this handle and a second one (another process) read it. */
  const moves = async (write: () => Promise<unknown>): Promise<boolean> => {
    const before = await store.workspaces.stateVersion(ws);
    expect(await other.workspaces.stateVersion(ws)).toBe(before);
    await write();
    const after = await store.workspaces.stateVersion(ws);
    expect(await other.workspaces.stateVersion(ws)).toBe(after);
    return after !== before;
  };

  it('moves with a write outside a transaction, a write transaction, and a write by another handle', async () => {
    expect(await moves(() => store.settings.set(ws, 'focus.maxItems', 3))).toBe(true);
    expect(await moves(() => store.transaction((tx) => tx.settings.remove(ws, 'focus.maxItems')))).toBe(true);
    expect(
      await moves(() =>
        other.transaction((tx) => tx.settings.set(ws, 'focus.maxItems', 4), { workspace: ws }),
      ),
    ).toBe(true);
    expect(await moves(() => other.workspaces.setMe(ws, null))).toBe(true);
  });

  it('stays with reads, derived rollups, sign-in bookkeeping and a transaction that rolls back', async () => {
    expect(await moves(() => store.settings.all(ws))).toBe(false);
    expect(await moves(() => store.read((tx) => tx.settings.all(ws)))).toBe(false);
    expect(await moves(() => store.transaction(async () => {}, { derived: true }))).toBe(false);
    expect(await moves(() => store.accounts.recordLoginFailure('address:192.0.2.1', NOW))).toBe(false);
    expect(
      await moves(() =>
        store
          .transaction(async (tx) => {
            await tx.settings.set(ws, 'focus.maxItems', 5);
            throw new Error('changed my mind');
          })
          .catch(() => {}),
      ),
    ).toBe(false);
  });
});

describe('which statements change state', () => {
  it('reads writes of any table but the bookkeeping ones, as Kysely writes them on both dialects', () => {
    expect(changesState('insert into "people" ("name") values (?)')).toBe(true);
    expect(changesState('update "settings" set "value" = $1')).toBe(true);
    expect(changesState('delete from "interactions" where "id" = ?')).toBe(true);
    expect(changesState('insert or ignore into capital_dirty (workspace_id) values (1)')).toBe(false);
    expect(changesState('insert into "sessions" ("id") values ($1)')).toBe(false);
    expect(changesState('update "api_tokens" set "last_used_at" = ?')).toBe(false);
    expect(changesState('with moved as (delete from "x" returning *) select 1')).toBe(true);
    expect(changesState('select * from "people" where "name" = \'update people\'')).toBe(false);
    expect(transactionEdge('begin immediate')).toBe('begin');
    expect(transactionEdge('start transaction isolation level repeatable read read only')).toBe('begin');
    expect(transactionEdge('commit')).toBe('end');
    expect(transactionEdge('rollback')).toBe('end');
    expect(transactionEdge('rollback to savepoint a')).toBe(null);
  });

  it('never takes a read for a write', () => {
    fc.assert(
      fc.property(fc.string(), (rest) => {
        expect(changesState(`select ${rest}`)).toBe(false);
      }),
    );
  });
});
