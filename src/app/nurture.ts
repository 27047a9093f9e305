import { type NurtureEntry, nurtureList } from '../domain/nurture.js';
import type { Rapport } from './context.js';
import { loadPortfolio, type Portfolio } from './relationship-data.js';

export function nurtureFrom(p: Portfolio, now: Date): NurtureEntry[] {
  return nurtureList(
    p.people
      .filter((x) => x.id !== p.me)
      .map((x) => ({
        id: x.id,
        name: x.name,
        tier: x.tier,
        cadenceDays: x.cadenceDays,
        createdAt: x.createdAt,
        lastInteractionAt: p.balances.get(x.id)?.lastInteractionAt ?? null,
        importance: p.importance.get(x.id)?.score ?? 0,
      })),
    now,
    p.settings.cadence,
  );
}

/** Relationships past their care cadence, most pressing first (DESIGN.md idea 4). */
export async function nurture(r: Rapport): Promise<NurtureEntry[]> {
  return nurtureFrom(await loadPortfolio(r), r.now());
}
