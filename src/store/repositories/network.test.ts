import { afterEach, beforeEach, expect, it } from 'vitest';
import { TIE_KINDS } from '../../domain/influence.js';
import { newPersonFields } from '../../domain/person.js';
import type { Store } from '../index.js';
import { describeEachDialect } from '../test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

describeEachDialect('network repository', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  let ann: number;
  let bob: number;
  let cy: number;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
    const add = (name: string, level: number) =>
      store.people.insert(ws, newPersonFields({ name, level }), null, NOW);
    ann = await add('Ann', 1);
    bob = await add('Bob', 3);
    cy = await add('Cy', 4);
  });
  afterEach(() => cleanup());

  it('reads every kind of tie back as typed arrays, each with its own ends and weight', async () => {
    for (const [i, kind] of TIE_KINDS.entries()) {
      await store.network.upsertTie(ws, i % 2 ? bob : cy, i % 2 ? ann : bob, kind, i + 1, NOW);
    }
    // Outside a read, and inside one (SQLite's packed read runs only there).
    for (const arrays of [
      await store.network.tieArrays(ws),
      await store.read((s) => s.network.tieArrays(ws)),
    ]) {
      const got = [...arrays.kind].map((k, i) => [
        TIE_KINDS[k],
        arrays.from[i] === bob ? 'Bob' : 'Cy',
        arrays.to[i] === ann ? 'Ann' : 'Bob',
        arrays.weight[i],
      ]);
      expect(got.sort()).toEqual(
        TIE_KINDS.map((kind, i) => [kind, i % 2 ? 'Bob' : 'Cy', i % 2 ? 'Ann' : 'Bob', i + 1]).sort(),
      );
    }
    const other = await store.workspaces.ensure('other', NOW);
    expect((await store.read((s) => s.network.tieArrays(other))).from).toHaveLength(0);
  });

  it('reads every person’s id and manager in id order, inside a read and outside one', async () => {
    const dee = await store.people.insert(ws, newPersonFields({ name: 'Dee', level: 5 }), cy, NOW);
    const eve = await store.people.insert(ws, newPersonFields({ name: 'Eve', level: 5 }), ann, NOW);
    const expected = { id: [ann, bob, cy, dee, eve], managerId: [-1, -1, -1, cy, ann] };
    const plain = (k: { id: Int32Array; managerId: Int32Array }) => ({
      id: [...k.id],
      managerId: [...k.managerId],
    });
    expect(plain(await store.network.personKeys(ws))).toEqual(expected);
    expect(plain(await store.read((s) => s.network.personKeys(ws)))).toEqual(expected);
    const people = await store.read((s) => s.network.people(ws));
    // SQLite's read inside a read (one JSON value) gives what the query builder's does.
    expect(people).toEqual(await store.network.people(ws));
    expect(people[3]).toEqual({
      id: dee,
      name: 'Dee',
      title: null,
      department: null,
      level: 5,
      managerId: cy,
    });
    expect(people.map((p) => [p.id, p.managerId ?? -1])).toEqual(
      expected.id.map((id, i) => [id, expected.managerId[i]]),
    );
  });

  it('declares, re-weights, lists and removes ties, changing the version each time', async () => {
    const v0 = await store.network.version(ws);
    expect(await store.network.upsertTie(ws, bob, ann, 'advice', 4, NOW)).toBe('created');
    const v1 = await store.network.version(ws);
    expect(await store.network.upsertTie(ws, bob, ann, 'advice', 5, NOW)).toBe('updated');
    const v2 = await store.network.version(ws);
    expect(await store.network.upsertTie(ws, bob, ann, 'advice', 5, NOW)).toBe('unchanged');
    expect(await store.network.version(ws)).toBe(v2);
    await store.network.upsertTie(ws, bob, ann, 'trust', 2, NOW);
    await store.network.upsertTie(ws, cy, bob, 'friction', 1, NOW);
    expect(new Set([v0, v1, v2]).size).toBe(3);

    const ties = await store.network.listTies(ws);
    expect(ties.map((t) => [t.fromName, t.toName, t.kind, t.weight])).toEqual([
      ['Bob', 'Ann', 'advice', 5],
      ['Bob', 'Ann', 'trust', 2],
      ['Cy', 'Bob', 'friction', 1],
    ]);

    const arrays = await store.network.tieArrays(ws);
    expect([...arrays.from].sort()).toEqual([bob, bob, cy].sort());
    expect([...arrays.kind].map((k) => TIE_KINDS[k]).sort()).toEqual(['advice', 'friction', 'trust']);
    expect([...arrays.weight].sort()).toEqual([1, 2, 5]);

    const before = await store.network.version(ws);
    expect(await store.network.removeTies(ws, bob, ann, 'trust')).toBe(1);
    expect(await store.network.removeTies(ws, bob, ann)).toBe(1);
    expect(await store.network.removeTies(ws, bob, ann)).toBe(0);
    expect(await store.network.version(ws)).not.toBe(before);
    expect((await store.network.listTies(ws)).length).toBe(1);
  });

  it('drops a person’s ties with the person', async () => {
    await store.network.upsertTie(ws, bob, ann, 'advice', 4, NOW);
    await store.people.remove(ws, ann);
    expect(await store.network.listTies(ws)).toEqual([]);
  });

  it('refuses ties naming someone who is not there, writing none of the batch', async () => {
    const batch = (to: number[]) => ({
      from: Int32Array.from(to, () => bob),
      to: Int32Array.from(to),
      weight: Float64Array.from(to, () => 2),
      kind: Uint8Array.from(to, () => 0),
    });
    const none = batch([]);
    await expect(
      store.transaction((tx) => tx.imports.writeTies(ws, batch([ann, cy, 987_654]), none, NOW)),
    ).rejects.toThrow(/refers to .*does not exist/);
    await expect(store.network.upsertTie(ws, 987_654, ann, 'advice', 1, NOW)).rejects.toThrow(
      /does not exist/,
    );
    expect((await store.network.tieArrays(ws)).from).toHaveLength(0);
  });

  it('a person removed while a file declares ties to them goes once those ties are in, taking them along', async () => {
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let written!: () => void;
    const wrote = new Promise<void>((r) => {
      written = r;
    });
    const importing = store.transaction(async (tx) => {
      const tie = {
        from: Int32Array.of(bob),
        to: Int32Array.of(ann),
        weight: Float64Array.of(3),
        kind: Uint8Array.of(0),
      };
      const none = {
        from: new Int32Array(),
        to: new Int32Array(),
        weight: new Float64Array(),
        kind: new Uint8Array(),
      };
      await tx.imports.writeTies(ws, tie, none, NOW);
      written();
      await held;
    });
    await wrote;
    let removed = false;
    const removal = store.people.remove(ws, ann).then(() => {
      removed = true;
    });
    await new Promise((r) => setTimeout(r, 300));
    // Her removal waits for the writer (writers take turns on the workspace's version, and the
    // tie's people stay locked until it commits), then takes the new tie along: none is left
    // pointing at nobody.
    expect(removed).toBe(false);
    release();
    await importing;
    await removal;
    expect((await store.network.tieArrays(ws)).from).toHaveLength(0);
  });

  it('caches a payload per key and answers only for the same version', async () => {
    await store.network.cache(ws, 'influence', 'v1', '{"a":1}', NOW);
    expect(await store.network.cached(ws, 'influence', 'v1')).toBe('{"a":1}');
    expect(await store.network.cached(ws, 'influence', 'v2')).toBeUndefined();
    await store.network.cache(ws, 'influence', 'v2', '{"a":2}', NOW);
    expect(await store.network.cached(ws, 'influence', 'v2')).toBe('{"a":2}');
  });

  it('lists the people of the network and who took part in which interaction', async () => {
    await store.interactions.insert(
      ws,
      {
        occurredAt: NOW,
        kind: 'meeting',
        capital: 0,
        note: null,
        initiativeId: null,
        source: null,
        personIds: [bob, cy],
      },
      NOW,
    );
    const people = await store.network.people(ws);
    expect(people.map((p) => [p.name, p.level])).toEqual([
      ['Ann', 1],
      ['Bob', 3],
      ['Cy', 4],
    ]);
    const part = await store.network.participation(ws);
    expect([...part.personId]).toEqual([bob, cy]);
    expect(part.interactionId[0]).toBe(part.interactionId[1]);
  });
});
