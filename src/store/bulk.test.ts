import { afterEach, beforeEach, expect, it } from 'vitest';
import { newPersonFields } from '../domain/person.js';
import { insertInteractions, insertPeople, type Store } from './index.js';
import { describeEachDialect } from './test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

describeEachDialect('bulk inserts', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
  });
  afterEach(() => cleanup());

  it('insert people and interactions that read back like single inserts, across chunk boundaries', async () => {
    const n = 2_500;
    const [boss] = await store.transaction((tx) =>
      insertPeople(
        tx,
        ws,
        [{ fields: newPersonFields({ name: 'Boss', emails: ['boss@x.example'] }), managerId: null }],
        NOW,
      ),
    );
    const ids = await store.transaction((tx) =>
      insertPeople(
        tx,
        ws,
        Array.from({ length: n }, (_, i) => ({
          fields: newPersonFields({ name: `P ${i}`, emails: [`p${i}@x.example`], level: 3 }),
          managerId: boss!,
        })),
        NOW,
      ),
    );
    expect(ids).toHaveLength(n);
    expect(new Set(ids).size).toBe(n);
    expect(await store.people.idByEmail(ws, 'p1234@x.example')).toBe(ids[1234]);
    expect((await store.people.get(ws, ids[2499]!))?.managerId).toBe(boss);

    await store.transaction((tx) =>
      insertInteractions(
        tx,
        ws,
        ids.map((id, i) => ({
          occurredAt: `2026-10-${String((i % 28) + 1).padStart(2, '0')}T09:00:00.000Z`,
          kind: 'help-given' as const,
          capital: 3,
          note: null,
          initiativeId: null,
          personIds: [id, boss!],
          source: 'bench',
        })),
        NOW,
      ),
    );
    expect(await store.interactions.count(ws)).toBe(n);
    expect((await store.interactions.countForPerson(ws, boss!)).count).toBe(n);
    expect(await store.interactions.ledger(ws, ids[7]!)).toEqual([
      expect.objectContaining({ kind: 'help-given', capital: 3, withPersonIds: [boss] }),
    ]);
  });
});
