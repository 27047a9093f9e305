import { ageInDays } from './balance.js';
import { type Explanation, explain } from './explanation.js';
import type { Tier } from './person.js';
import type { RelationshipSettings } from './settings.js';

/** The care cadence of a person: their own override, else their tier's; null when untiered. */
export function cadenceOf(
  tier: Tier,
  override: number | null,
  cadence: RelationshipSettings['cadence'],
): number | null {
  if (override !== null) return override;
  return tier === 'none' ? null : cadence[tier];
}

export interface NurtureCandidate {
  id: number;
  name: string;
  tier: Tier;
  cadenceDays: number | null;
  createdAt: string;
  lastInteractionAt: string | null;
  /** Importance score, 0–100. */
  importance: number;
}

export interface NurtureEntry {
  id: number;
  name: string;
  tier: Tier;
  cadenceDays: number;
  daysSince: number;
  overdueDays: number;
  importance: number;
  lastInteractionAt: string | null;
  /** overdueDays × importance: the order of the list. */
  priority: number;
  reason: Explanation<'overdue' | 'never-contacted'>;
}

/** Why a relationship is on the nurture list, with the days it quotes. */
function overdueReason(
  p: { id: number; lastInteractionAt: string | null },
  daysSince: number,
  cadenceDays: number,
  overdueDays: number,
): NurtureEntry['reason'] {
  const params = { personId: p.id, daysSince, cadenceDays, overdueDays };
  return p.lastInteractionAt === null
    ? explain(
        'never-contacted',
        params,
        `no interaction logged in the ${daysSince} days since they were added, ${overdueDays} days past the ${cadenceDays}-day cadence`,
      )
    : explain(
        'overdue',
        params,
        `last contact ${daysSince} days ago, ${overdueDays} days past the ${cadenceDays}-day cadence`,
      );
}

/**
 * Relationships not touched within their cadence, most pressing first. A person is overdue
 * once more whole days than the cadence have passed: on the cadence day itself they are due,
 * not late. Never-contacted people count from when they were added.
 */
export function nurtureList(
  people: readonly NurtureCandidate[],
  now: Date,
  cadence: RelationshipSettings['cadence'],
): NurtureEntry[] {
  const out: NurtureEntry[] = [];
  for (const p of people) {
    const days = cadenceOf(p.tier, p.cadenceDays, cadence);
    if (days === null) continue;
    const daysSince = ageInDays(p.lastInteractionAt ?? p.createdAt, now);
    const overdueDays = daysSince - days;
    if (overdueDays <= 0) continue;
    out.push({
      id: p.id,
      name: p.name,
      tier: p.tier,
      cadenceDays: days,
      daysSince,
      overdueDays,
      importance: p.importance,
      lastInteractionAt: p.lastInteractionAt,
      priority: Math.round(overdueDays * p.importance * 10) / 10,
      reason: overdueReason(p, daysSince, days, overdueDays),
    });
  }
  // Ties (e.g. nobody has an importance yet) fall back to the longest overdue.
  return out.sort(
    (a, b) =>
      b.priority - a.priority ||
      b.overdueDays - a.overdueDays ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
      a.id - b.id,
  );
}
