import { afterEach, beforeEach, expect, it } from 'vitest';
import { newPersonFields } from '../domain/person.js';
import type { Store } from './index.js';
import { describeEachDialect } from './test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';
const NOBODY = 987_654;

// The keys a big import writes most (people's workspace and manager, their employee ids, ties):
// foreign keys, except ties' on PostgreSQL, checked per statement (migration 0791). Either way a
// row naming nobody is refused with nothing written, and removing someone takes along what was
// theirs.
describeEachDialect('keys of people, employee ids and ties', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
  });
  afterEach(() => cleanup());

  const add = (name: string, manager: number | null = null, s: Store = store) =>
    s.people.insert(ws, newPersonFields({ name }), manager, NOW);

  it('a person under a manager who is not there, or an employee id of nobody, is refused with nothing written', async () => {
    const ada = await add('Ada');
    await expect(
      store.transaction(async (tx) => {
        await add('Bea', ada, tx);
        await add('Cy', NOBODY, tx);
      }),
    ).rejects.toThrow(/does not exist/);
    expect((await store.people.list(ws)).map((p) => p.name)).toEqual(['Ada']);
    await expect(
      store.transaction((tx) =>
        tx.imports.addExternalIds(ws, [
          [ada, 'employee', 'E1'],
          [NOBODY, 'employee', 'E2'],
        ]),
      ),
    ).rejects.toThrow(/does not exist/);
    expect((await store.imports.personKeys(ws)).external).toEqual([]);
  });

  it('removing someone takes their employee ids and ties along', async () => {
    const ada = await add('Ada');
    const bea = await add('Bea', ada);
    await store.transaction((tx) =>
      tx.imports.addExternalIds(ws, [
        [ada, 'employee', 'E1'],
        [bea, 'employee', 'E2'],
      ]),
    );
    await store.network.upsertTie(ws, bea, ada, 'advice', 3, NOW);
    await store.people.remove(ws, ada);
    expect((await store.imports.personKeys(ws)).external).toEqual([['E2', bea]]);
    expect((await store.network.tieArrays(ws)).from).toHaveLength(0);
    expect((await store.people.get(ws, bea))?.managerId).toBeNull();
  });
});
