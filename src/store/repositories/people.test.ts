import { afterEach, beforeEach, expect, it } from 'vitest';
import { newPersonFields } from '../../domain/person.js';
import type { Store } from '../index.js';
import { describeEachDialect } from '../test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

describeEachDialect('people repository', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
  });
  afterEach(() => cleanup());

  it('stores a person with emails and interests and reads them back', async () => {
    const id = await store.people.insert(
      ws,
      newPersonFields({
        name: 'Dana Lee',
        emails: ['Dana@Acme.example', 'dl@acme.example'],
        interests: ['jazz'],
        level: 2,
      }),
      null,
      NOW,
    );
    const p = await store.people.get(ws, id);
    expect(p).toMatchObject({
      name: 'Dana Lee',
      emails: ['dana@acme.example', 'dl@acme.example'],
      interests: ['jazz'],
      level: 2,
    });
    expect(await store.people.idByEmail(ws, 'DANA@acme.example')).toBe(id);
    expect((await store.people.idsByName(ws, 'dana lee')).map((r) => r.id)).toEqual([id]);
  });

  it('keeps workspaces apart', async () => {
    const other = await store.workspaces.ensure('other', NOW);
    await store.people.insert(ws, newPersonFields({ name: 'Dana Lee' }), null, NOW);
    expect(await store.people.count(other)).toBe(0);
    expect(await store.people.idsByName(other, 'Dana Lee')).toEqual([]);
  });

  it('removing a manager leaves their reports without one', async () => {
    const boss = await store.people.insert(ws, newPersonFields({ name: 'Boss' }), null, NOW);
    const report = await store.people.insert(ws, newPersonFields({ name: 'Report' }), boss, NOW);
    await store.people.remove(ws, boss);
    expect((await store.people.get(ws, report))?.managerId).toBeNull();
    expect(await store.people.get(ws, boss)).toBeUndefined();
  });

  it('rolls back every write of a failed transaction', async () => {
    await expect(
      store.transaction(async (tx) => {
        await tx.people.insert(ws, newPersonFields({ name: 'Temp' }), null, NOW);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.people.count(ws)).toBe(0);
  });
});

describeEachDialect('people repository: partial updates', ({ fresh }) => {
  it('an update writes only the fields given, so a change made meanwhile to another field survives', async () => {
    const { store, cleanup } = await fresh();
    try {
      const ws = await store.workspaces.ensure('default', NOW);
      const id = await store.people.insert(
        ws,
        newPersonFields({
          name: 'Dana Lee',
          team: 'Sales',
          emails: ['dana@acme.example'],
          interests: ['jazz'],
        }),
        null,
        NOW,
      );
      // Someone else changes the team after this editor read the record…
      await store.people.update(ws, id, { team: 'Revenue' }, NOW);
      // …and this editor writes only the title it changed.
      await store.people.update(ws, id, { title: 'VP Sales', interests: ['jazz', 'sailing'] }, NOW);
      expect(await store.people.get(ws, id)).toMatchObject({
        name: 'Dana Lee',
        team: 'Revenue',
        title: 'VP Sales',
        emails: ['dana@acme.example'],
        interests: ['jazz', 'sailing'],
      });
      await store.people.update(ws, id, { name: 'Dana Li' }, NOW);
      expect((await store.people.idsByName(ws, 'dana li')).map((r) => r.id)).toEqual([id]);
    } finally {
      await cleanup();
    }
  });
});
