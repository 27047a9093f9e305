import { parseInput } from '../../contract/common.js';
import { DemoInput, type DemoSummary } from '../../contract/workspace.js';
import type { Rapport } from '../core/context.js';
import { demoOrganisation } from './demo/organisation.js';
import { loadCompany } from './demo-company.js';
import { interactionRow, personFieldsOf, requireEmpty, summaryOf, writeInitiatives } from './demo-writes.js';

export const DEMO_SEED = 20261123;
export type { DemoSummary };

/**
 * Fills an empty workspace with the demo organisation, in one transaction: the sample of about
 * 150 people, or with a size a whole company with its declared ties. A workspace that already
 * holds people is refused rather than mixed with invented ones.
 */
export async function loadDemo(r: Rapport, raw?: DemoInput): Promise<DemoSummary> {
  const { seed, size } = parseInput(DemoInput, raw);
  if (size !== undefined) return loadCompany(r, seed ?? DEMO_SEED, size);
  const org = demoOrganisation(seed ?? DEMO_SEED, r.now());
  return r.store.transaction(async (store) => {
    await requireEmpty(store, r.ws);
    const nowIso = r.now().toISOString();
    const ids = new Map<number, number>();
    for (const p of org.people) {
      const manager = p.managerKey === null ? null : ids.get(p.managerKey)!;
      ids.set(p.key, await store.people.insert(r.ws, personFieldsOf(p), manager, nowIso));
    }
    const idOf = (key: number) => ids.get(key)!;
    const initiativeIds = await writeInitiatives(store, r.ws, org, idOf, nowIso);
    for (const it of org.interactions)
      await store.interactions.insert(r.ws, interactionRow(it, initiativeIds, idOf), nowIso);
    return summaryOf(org, idOf, initiativeIds);
  });
}
