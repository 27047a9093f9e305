import { type Assessment, byAssessedAt } from './assessment.js';
import { toDay } from './dates.js';
import { type Explanation, explain, signed } from './explanation.js';
import type { RelationshipSettings } from './settings.js';

export const QUADRANTS = ['champion', 'convert', 'ally', 'monitor', 'neutral'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Record<Quadrant, string> = {
  champion: 'champions (high influence, supporters)',
  convert: 'to convert (high influence, detractors)',
  ally: 'allies (lower influence, supporters)',
  monitor: 'to monitor (lower influence, detractors)',
  neutral: 'neutral',
};

/** Where an influence/stance pair falls. The edges belong to the stronger side: 50 is high, ±20 takes a side. */
export function quadrantOf(influence: number, stance: number, t: RelationshipSettings['map']): Quadrant {
  if (Math.abs(stance) < t.stance) return 'neutral';
  const high = influence >= t.influence;
  if (stance > 0) return high ? 'champion' : 'ally';
  return high ? 'convert' : 'monitor';
}

export interface MapEntry {
  id: number;
  name: string;
  influence: number;
  stance: number;
  assessedAt: string;
  /** Movement since the person's previous assessment on this initiative, or null for a first one. */
  /** The change since the previous assessment, and that assessment's day. */
  trend: { influence: number; stance: number; since: string } | null;
  trendNote: Explanation<TrendCode>;
}

export type TrendCode = 'first-assessment' | 'unchanged' | 'moved';

/** The move since the previous assessment, dated by it; null for a first assessment. */
export function trendOf(
  current: Pick<Assessment, 'influence' | 'stance'>,
  previous: Pick<Assessment, 'influence' | 'stance' | 'assessedAt'> | null | undefined,
): MapEntry['trend'] {
  return previous
    ? {
        influence: current.influence - previous.influence,
        stance: current.stance - previous.stance,
        since: toDay(previous.assessedAt),
      }
    : null;
}

/** A change in points: "+5", "-10", and "±0" for none (a bare 0 reads as a value, issue 9 §6). */
const moved = (x: number): string => (x === 0 ? '±0' : signed(x));

/** The movement of a map entry in words, with the numbers it quotes. */
export function trendNote(personId: number, trend: MapEntry['trend']): Explanation<TrendCode> {
  if (trend === null) return explain('first-assessment', { personId }, 'first assessment');
  if (trend.influence === 0 && trend.stance === 0)
    return explain('unchanged', { personId, since: trend.since }, `unchanged since ${trend.since}`);
  return explain(
    'moved',
    { personId, influence: trend.influence, stance: trend.stance, since: trend.since },
    `influence ${moved(trend.influence)}, stance ${moved(trend.stance)} since ${trend.since}`,
  );
}

export type StakeholderMap = Record<Quadrant, MapEntry[]>;

/** Current and previous assessment per person, as they stood at `at` (an ISO instant) if given. */
export function currentAndPrevious(
  assessments: readonly Assessment[],
  at?: string,
): Map<number, { current: Assessment; previous: Assessment | null }> {
  const out = new Map<number, { current: Assessment; previous: Assessment | null }>();
  for (const a of [...assessments].sort(byAssessedAt)) {
    if (at !== undefined && a.assessedAt > at) continue;
    const seen = out.get(a.personId);
    out.set(a.personId, { current: a, previous: seen?.current ?? null });
  }
  return out;
}

/**
 * The map of one initiative: every person's current assessment in its quadrant. Entries are
 * ordered by influence, then strength of stance, then name, so the same assessments give the
 * same map whatever order they were stored in.
 */
export function stakeholderMap(
  assessments: readonly Assessment[],
  nameOf: (personId: number) => string,
  thresholds: RelationshipSettings['map'],
  at?: string,
): StakeholderMap {
  const map: StakeholderMap = { champion: [], convert: [], ally: [], monitor: [], neutral: [] };
  for (const [personId, { current, previous }] of currentAndPrevious(assessments, at)) {
    const trend = trendOf(current, previous);
    map[quadrantOf(current.influence, current.stance, thresholds)].push({
      id: personId,
      name: nameOf(personId),
      influence: current.influence,
      stance: current.stance,
      assessedAt: current.assessedAt,
      trend,
      trendNote: trendNote(personId, trend),
    });
  }
  for (const q of QUADRANTS) map[q].sort(byProminence);
  return map;
}

const byProminence = (a: MapEntry, b: MapEntry): number =>
  b.influence - a.influence ||
  Math.abs(b.stance) - Math.abs(a.stance) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
  a.id - b.id;
