import { type CareClock, careClock } from './care.js';
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
  /** The last contact of any kind, large meetings included: shown, not what the cadence counts. */
  lastInteractionAt: string | null;
  lastOneToOneAt: string | null;
  /** The last small meeting (three people or more, up to the large-meeting size). */
  lastGroupAt: string | null;
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
  lastOneToOneAt: string | null;
  /** What last restarted the cadence: a one-to-one, a small meeting, or their being added. */
  countedFrom: CareClock['by'];
  /** overdueDays × importance: the order of the list. */
  priority: number;
  reason: Explanation<'overdue' | 'never-contacted'>;
}

/** Why a relationship is on the nurture list, with the days it quotes. */
function overdueReason(p: NurtureCandidate, clock: CareClock, cadenceDays: number): NurtureEntry['reason'] {
  const { daysSince, overdueDays, credit, by } = clock;
  const params = { personId: p.id, daysSince, cadenceDays, overdueDays, countedFrom: by, credit };
  const past = `${overdueDays} days past the ${cadenceDays}-day cadence`;
  if (by === 'one-to-one')
    return explain('overdue', params, `last one-to-one ${daysSince} days ago, ${past}`);
  if (by === 'group')
    return explain(
      'overdue',
      params,
      `last seen in a small meeting ${daysSince} days ago, which counts for ${credit} of the ${cadenceDays} days: ${overdueDays} days past`,
    );
  const only =
    p.lastInteractionAt === null
      ? 'no interaction logged'
      : `only large meetings (the last on ${p.lastInteractionAt.slice(0, 10)})`;
  return explain(
    'never-contacted',
    params,
    `${only} in the ${daysSince} days since they were added, ${past}`,
  );
}

/**
 * Relationships not cared for within their cadence, most pressing first. A person is overdue
 * once more whole days than the cadence have passed: on the cadence day itself they are due,
 * not late. What counts as care is domain/care.ts: a one-to-one fully, a small meeting partly,
 * a large meeting not at all; people never met so count from when they were added.
 */
export function nurtureList(
  people: readonly NurtureCandidate[],
  now: Date,
  settings: Pick<RelationshipSettings, 'cadence' | 'contact'>,
): NurtureEntry[] {
  const out: NurtureEntry[] = [];
  for (const p of people) {
    const days = cadenceOf(p.tier, p.cadenceDays, settings.cadence);
    if (days === null) continue;
    const clock = careClock(p, days, settings.contact.groupShare, now);
    if (clock.overdueDays <= 0) continue;
    out.push({
      id: p.id,
      name: p.name,
      tier: p.tier,
      cadenceDays: days,
      daysSince: clock.daysSince,
      overdueDays: clock.overdueDays,
      importance: p.importance,
      lastInteractionAt: p.lastInteractionAt,
      lastOneToOneAt: p.lastOneToOneAt,
      countedFrom: clock.by,
      priority: Math.round(clock.overdueDays * p.importance * 10) / 10,
      reason: overdueReason(p, clock, days),
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
