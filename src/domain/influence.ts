import { type Explanation, explain } from './explanation.js';

/**
 * Declared ties. "A → B, advice" means A goes to B for advice; "influence" that B influences A;
 * in both, influence rank flows from A to B. Trust counts the same way; friction is recorded
 * and exported but carries no influence.
 */
export const TIE_KINDS = ['advice', 'influence', 'trust', 'friction'] as const;
export type TieKind = (typeof TIE_KINDS)[number];
export const INFLUENCE_KINDS: readonly TieKind[] = ['advice', 'influence', 'trust'];

/** Where a tie of the network comes from; an influence report may use some of them. */
export const TIE_SOURCES = ['declared', 'reporting', 'meetings', 'mine'] as const;
export type TieSource = (typeof TIE_SOURCES)[number];

export const MIN_TIE_WEIGHT = 1;
export const MAX_TIE_WEIGHT = 5;

/** Settings of the influence rules (stored per workspace, these are the defaults). */
export interface InfluenceSettings {
  /** Weight of the tie from a report to their manager (1–5). */
  reportingWeight: number;
  /** Half-life, in days, of a shared meeting's contribution to a tie. */
  meetingHalfLifeDays: number;
  /** A hidden influencer's influence percentile exceeds their seniority percentile by this much. */
  hiddenMargin: number;
  /** ...and is at least this high. */
  hiddenMinPercentile: number;
  /** "Senior" means a seniority percentile at or above this. */
  seniorPercentile: number;
  /** The top-influence people gatekeepers are measured against. */
  topInfluencers: number;
  /** Strong tie: weight at or above this. */
  strongTieWeight: number;
  /** A gatekeeper has strong ties to at least this many top-influence people. */
  gatekeeperMinTies: number;
  /** Betweenness is exact up to this many people, sampled above. */
  exactBetweennessUpTo: number;
  pivots: number;
  seed: number;
}

export const DEFAULT_INFLUENCE_SETTINGS: InfluenceSettings = {
  reportingWeight: 3,
  meetingHalfLifeDays: 180,
  hiddenMargin: 30,
  hiddenMinPercentile: 80,
  seniorPercentile: 80,
  topInfluencers: 10,
  strongTieWeight: 4,
  gatekeeperMinTies: 2,
  exactBetweennessUpTo: 5000,
  pivots: 256,
  seed: 1,
};

/**
 * Percentile ranks (0–100, mid-rank for ties) of values where higher is better; null values get
 * null and are not counted.
 */
export function percentiles(values: readonly (number | null)[]): (number | null)[] {
  const known = values
    .map((v, i) => [v, i] as const)
    .filter((x): x is readonly [number, number] => x[0] !== null);
  // A typed array sorts numbers natively, several times faster than a comparator over 100k.
  const sorted = Float64Array.from(known, (x) => x[0]).sort();
  const n = sorted.length;
  const below = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const above = (v: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return values.map((v) =>
    v === null || n === 0 ? null : (100 * (below(v) + (above(v) - below(v)) / 2)) / n,
  );
}

/** Seniority percentiles: level 1 is the top, so a smaller level is more senior. */
export const seniorityPercentiles = (levels: readonly (number | null)[]): (number | null)[] =>
  percentiles(levels.map((l) => (l === null ? null : -l)));

export interface RankedPerson {
  id: number;
  name: string;
  level: number | null;
  influence: number;
}

export interface RoleFinding {
  id: number;
  reason: Explanation<'hidden-influencer' | 'gatekeeper'>;
}

const ordinal = (p: number) =>
  `${Math.round(p)}${['th', 'st', 'nd', 'rd'][Math.round(p) % 10 > 3 || Math.floor(Math.round(p) / 10) === 1 ? 0 : Math.round(p) % 10]}`;

/**
 * Hidden influencers: people whose influence percentile exceeds their formal seniority
 * percentile by at least the margin (and is high in itself). People without a level are not
 * judged: there is nothing to compare with.
 */
export function hiddenInfluencers(people: readonly RankedPerson[], s: InfluenceSettings): RoleFinding[] {
  const influencePct = percentiles(people.map((p) => p.influence));
  const seniorityPct = seniorityPercentiles(people.map((p) => p.level));
  const out: RoleFinding[] = [];
  people.forEach((p, i) => {
    const inf = influencePct[i]!;
    const sen = seniorityPct[i];
    if (sen === null || sen === undefined || inf === null) return;
    if (inf >= s.hiddenMinPercentile && inf - sen >= s.hiddenMargin) {
      out.push({
        id: p.id,
        reason: explain(
          'hidden-influencer',
          {
            personId: p.id,
            influencePercentile: Math.round(inf),
            level: p.level,
            seniorityPercentile: Math.round(sen),
          },
          `hidden influencer: influence at the ${ordinal(inf)} percentile, formal level ${p.level} only at the ${ordinal(sen)} percentile of seniority`,
        ),
      });
    }
  });
  return out;
}

export interface StrongTie {
  from: number;
  to: number;
  weight: number;
}

/**
 * Gatekeepers: people who are not senior but hold strong ties (either direction) to several of
 * the top-influence people, like assistants and chiefs of staff. The top people themselves are
 * not gatekeepers of each other.
 */
export function gatekeepers(
  people: readonly RankedPerson[],
  ties: readonly StrongTie[],
  s: InfluenceSettings,
): RoleFinding[] {
  const seniority = seniorityPercentiles(people.map((p) => p.level));
  const top = [...people].sort((a, b) => b.influence - a.influence || a.id - b.id).slice(0, s.topInfluencers);
  const topIds = new Set(top.map((p) => p.id));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const linked = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (!topIds.has(b) || topIds.has(a)) return;
    const set = linked.get(a) ?? new Set<number>();
    set.add(b);
    linked.set(a, set);
  };
  for (const t of ties) {
    if (t.weight < s.strongTieWeight || t.from === t.to) continue;
    link(t.from, t.to);
    link(t.to, t.from);
  }
  const out: RoleFinding[] = [];
  people.forEach((p, i) => {
    const toTop = linked.get(p.id);
    if (!toTop || toTop.size < s.gatekeeperMinTies) return;
    const sen = seniority[i];
    if (sen !== null && sen !== undefined && sen >= s.seniorPercentile) return;
    const who = [...toTop]
      .map((id) => ({ id, name: names.get(id) ?? `#${id}` }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    out.push({
      id: p.id,
      reason: explain(
        'gatekeeper',
        { personId: p.id, personIds: who.map((w) => w.id), ties: toTop.size, top: top.length },
        `gatekeeper: strong ties to ${toTop.size} of the top ${top.length} influencers (${who.map((w) => w.name).join(', ')})`,
      ),
    });
  });
  return out;
}
