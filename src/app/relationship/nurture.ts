import type { NurtureEntry as NurtureView } from '../../contract/relationship.js';
import { cadenceOf, type NurtureCandidate, type NurtureEntry, nurtureList } from '../../domain/nurture.js';
import type { Rapport } from '../core/context.js';
import { byState } from '../core/state-cache.js';
import { type CapitalRead, lastContactsOfMine } from './capital.js';
import { type Base, importanceFor, loadBase } from './relationship-data.js';

/**
 * The nurture list in two passes: who is overdue needs only last contacts (from the ledger
 * rollup); importance, which orders them, is then read for the overdue people alone.
 */
export async function nurtureFrom(r: Rapport, base: Base, read: CapitalRead = {}): Promise<NurtureEntry[]> {
  const { settings, me, people } = base;
  const now = r.now();
  const tiered = people.filter(
    (p) => p.id !== me && cadenceOf(p.tier, p.cadenceDays, settings.cadence) !== null,
  );
  // A tier or cadence is the member's relationship row: the last contacts of all those rows are
  // one join, where the thousands of tiered ids would be listed.
  const balances = await lastContactsOfMine(r, settings, read);
  const candidates: NurtureCandidate[] = tiered.map((p) => ({
    id: p.id,
    name: p.name,
    tier: p.tier,
    cadenceDays: p.cadenceDays,
    createdAt: p.createdAt,
    lastInteractionAt: balances.get(p.id)?.lastInteractionAt ?? null,
    lastOneToOneAt: balances.get(p.id)?.lastOneToOneAt ?? null,
    lastGroupAt: balances.get(p.id)?.lastGroupAt ?? null,
    importance: 0,
  }));
  const overdue = new Set(nurtureList(candidates, now, settings).map((e) => e.id));
  const scores = await importanceFor(r, settings, [...overdue]);
  return nurtureList(
    candidates
      .filter((c) => overdue.has(c.id))
      .map((c) => ({ ...c, importance: scores.get(c.id)?.score ?? 0 })),
    now,
    settings,
  );
}

/**
 * Relationships past their care cadence, most pressing first; kept per workspace state, day and
 * member (core/state-cache) like focus: overdue days and balances move only by the day.
 */
export const nurture = (r: Rapport): Promise<NurtureView[]> =>
  byState(r, 'nurture', () => nurtureUncached(r));

async function nurtureUncached(r: Rapport): Promise<NurtureView[]> {
  const list = await nurtureFrom(r, await loadBase(r));
  return list.map(({ id, name, ...rest }) => ({ person: { id, name }, ...rest }));
}
