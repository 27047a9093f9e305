import type { DemoSummary } from '../../contract/workspace.js';
import { insertInteractions, insertPeople } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { demoCompany } from './demo/company.js';
import { interactionRow, personFieldsOf, requireEmpty, summaryOf, writeInitiatives } from './demo-writes.js';

/**
 * A whole company of `size` people, its ties and my six months with it, written in one
 * transaction through the importers' batched statements: people a level at a time (so every
 * manager has an id before their reports), then the ties, the network's version bumped once.
 */
export async function loadCompany(r: Rapport, seed: number, size: number): Promise<DemoSummary> {
  const nowIso = r.now().toISOString();
  return r.store.transaction(async (store) => {
    await requireEmpty(store, r.ws);
    const org = demoCompany(seed, r.now(), size);
    store.imports.bulkMode();
    const byLevel = new Map<number, number[]>();
    for (const p of org.people) {
      const list = byLevel.get(p.level ?? 0) ?? [];
      list.push(p.key);
      byLevel.set(p.level ?? 0, list);
    }
    const ids = new Int32Array(org.people.length);
    for (const level of [...byLevel.keys()].sort((a, b) => a - b)) {
      const keys = byLevel.get(level)!;
      const got = await insertPeople(
        store,
        r.ws,
        keys.map((k) => {
          const p = org.people[k]!;
          return {
            fields: personFieldsOf(p),
            managerId: p.managerKey === null ? null : ids[p.managerKey]!,
          };
        }),
        nowIso,
      );
      keys.forEach((k, i) => {
        ids[k] = got[i]!;
      });
    }
    const idOf = (key: number) => ids[key]!;
    const initiativeIds = await writeInitiatives(store, r.ws, org, idOf, nowIso);
    const rows = org.interactions.map((it) => interactionRow(it, initiativeIds, idOf));
    await insertInteractions(store, r.ws, rows, nowIso);
    const { ties } = org;
    const none = {
      from: new Int32Array(),
      to: new Int32Array(),
      weight: new Float64Array(),
      kind: new Uint8Array(),
    };
    await store.imports.writeTies(
      r.ws,
      {
        from: ties.from.map((k) => ids[k]!),
        to: ties.to.map((k) => ids[k]!),
        weight: ties.weight,
        kind: ties.kind,
      },
      none,
      nowIso,
    );
    await store.network.bumpVersion(r.ws);
    return { ...summaryOf(org, idOf, initiativeIds), ties: ties.from.length };
  });
}
