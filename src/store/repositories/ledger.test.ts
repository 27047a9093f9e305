import { afterEach, beforeEach, expect, it } from 'vitest';
import { newPersonFields } from '../../domain/person.js';
import type { Store } from '../index.js';
import { describeEachDialect } from '../test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';

describeEachDialect('initiatives, assessments, interactions and settings', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  let dana: number;
  let sam: number;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
    dana = await store.people.insert(ws, newPersonFields({ name: 'Dana Lee' }), null, NOW);
    sam = await store.people.insert(ws, newPersonFields({ name: 'Sam Ortiz' }), dana, NOW);
  });
  afterEach(() => cleanup());

  it('keeps the whole assessment history in time order', async () => {
    const q3 = await store.initiatives.insert(ws, 'Q3 launch', null, NOW);
    const f = { interconnectedness: 3, note: null };
    await store.assessments.insert(
      ws,
      q3,
      dana,
      { influence: 80, stance: 10, ...f },
      '2026-11-01T00:00:00.000Z',
    );
    await store.assessments.insert(
      ws,
      q3,
      dana,
      { influence: 85, stance: -40, ...f },
      '2026-09-01T00:00:00.000Z',
    );
    const history = await store.assessments.forInitiative(ws, q3);
    expect(history.map((a) => a.stance)).toEqual([-40, 10]);
    expect((await store.initiatives.byName(ws, 'q3 LAUNCH'))?.id).toBe(q3);
  });

  it('archived initiatives leave the active list', async () => {
    const a = await store.initiatives.insert(ws, 'A', null, NOW);
    await store.initiatives.insert(ws, 'B', null, NOW);
    await store.initiatives.archive(ws, a, NOW);
    expect((await store.initiatives.list(ws)).map((i) => i.name)).toEqual(['B']);
    expect((await store.initiatives.list(ws, { includeArchived: true })).map((i) => i.status)).toEqual([
      'archived',
      'active',
    ]);
  });

  it("reads a person's ledger newest first with the others in each entry", async () => {
    await store.interactions.insert(
      ws,
      {
        occurredAt: '2026-11-01T09:00:00.000Z',
        kind: 'meeting',
        capital: 0,
        note: 'sync',
        initiativeId: null,
        personIds: [dana, sam],
        source: null,
      },
      NOW,
    );
    await store.interactions.insert(
      ws,
      {
        occurredAt: '2026-11-10T09:00:00.000Z',
        kind: 'help-given',
        capital: 3,
        note: 'deck',
        initiativeId: null,
        personIds: [dana],
        source: null,
      },
      NOW,
    );
    const ledger = await store.interactions.ledger(ws, dana);
    expect(ledger.map((e) => [e.kind, e.capital, e.withPersonIds])).toEqual([
      ['help-given', 3, []],
      ['meeting', 0, [sam]],
    ]);
    expect(await store.interactions.countForPerson(ws, sam)).toEqual({
      count: 1,
      last: '2026-11-01T09:00:00.000Z',
    });
    expect(await store.interactions.ledger(ws, dana, { limit: 1 })).toHaveLength(1);
  });

  it('stores settings as JSON values per workspace', async () => {
    await store.settings.set(ws, 'halfLifeDays', 90);
    await store.settings.set(ws, 'halfLifeDays', 120);
    await store.settings.set(ws, 'thresholds', { influence: 60 });
    expect(await store.settings.all(ws)).toEqual({ halfLifeDays: 120, thresholds: { influence: 60 } });
    const other = await store.workspaces.ensure('other', NOW);
    expect(await store.settings.all(other)).toEqual({});
  });

  it('refuses a row that points at a missing person (foreign keys are on)', async () => {
    await expect(
      store.interactions.insert(
        ws,
        {
          occurredAt: NOW,
          kind: 'call',
          capital: 0,
          note: null,
          initiativeId: null,
          personIds: [9999],
          source: null,
        },
        NOW,
      ),
    ).rejects.toThrow();
  });
});
