import { afterEach, beforeEach, expect, it } from 'vitest';
import { newPersonFields } from '../domain/person.js';
import type { Store } from './index.js';
import { describeEachDialect } from './test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A promise with its resolve exposed, to hold a transaction open at a chosen point. */
function gate(): { open(): void; wait: Promise<void> } {
  let open!: () => void;
  const wait = new Promise<void>((r) => {
    open = r;
  });
  return { open, wait };
}

// Issue 8: a server runs use cases concurrently on one Store. A read (including SQLite's raw
// fast path, which bypasses the query builder) must never see another request's uncommitted
// rows, and the two must never wait on each other forever.
describeEachDialect('two use cases interleaved on one Store', ({ fresh, dialect }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
  });
  afterEach(() => cleanup());

  const addDana = (s: Store) =>
    s.people.insert(ws, newPersonFields({ name: 'Dana Lee', emails: ['dana@acme.example'] }), null, NOW);

  it('a read during a long write transaction sees none of its rows, and both finish', async () => {
    const inserted = gate();
    const release = gate();
    const writer = store
      .transaction(async (tx) => {
        await addDana(tx);
        inserted.open();
        await release.wait;
        throw new Error('changed my mind');
      })
      .catch((e: Error) => e.message);
    await inserted.wait;
    // Raw fast path (inside a read) and a plain query, started while the writer holds its rows.
    const fastRead = store.read((tx) => tx.imports.idsByEmails(ws, ['dana@acme.example']));
    const plainRead = store.people.list(ws);
    await settle(100);
    release.open();
    expect(await writer).toBe('changed my mind');
    expect([...(await fastRead)]).toEqual([]);
    expect(await plainRead).toEqual([]);
  });

  it('a read after the writer commits sees its rows; writes queued behind it land in order', async () => {
    const inserted = gate();
    const release = gate();
    const writer = store.transaction(async (tx) => {
      const id = await addDana(tx);
      inserted.open();
      await release.wait;
      return id;
    });
    await inserted.wait;
    const second = store.transaction((tx) =>
      tx.people.insert(ws, newPersonFields({ name: 'Sam Ortiz' }), null, NOW),
    );
    const during = store.read((tx) => tx.imports.idsByEmails(ws, ['dana@acme.example']));
    await settle(100);
    release.open();
    const danaId = await writer;
    const samId = await second;
    expect(samId).toBeGreaterThan(danaId);
    // On SQLite the read waited for the connection (so it ran after the commit); on PostgreSQL it
    // ran beside the writer on its own snapshot. Either way it saw only committed rows.
    const seen = [...(await during)];
    if (dialect === 'sqlite') expect(seen).toEqual([['dana@acme.example', danaId]]);
    else expect(seen.length === 0 || seen[0]![1] === danaId).toBe(true);
    expect(
      (await store.read((tx) => tx.imports.idsByEmails(ws, ['dana@acme.example']))).get('dana@acme.example'),
    ).toBe(danaId);
  });
});
