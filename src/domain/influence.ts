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
 * Percentile ranks (0–100, mid-rank for ties) of values where higher is better; NaN marks an
 * unknown value, which is not counted and gets NaN. Typed in and out: a hundred thousand people
 * cost one native sort and two binary searches each, no object per person.
 */
export function percentileRanks(values: ArrayLike<number>): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) n++;
  const sorted = new Float64Array(n);
  for (let i = 0, k = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) sorted[k++] = values[i]!;
  sorted.sort();
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      out[i] = Number.NaN;
      continue;
    }
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < v) lo = mid + 1;
      else hi = mid;
    }
    const below = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = (100 * (below + (lo - below) / 2)) / n;
  }
  return out;
}

/** Percentile ranks as percentileRanks, with null for unknown values. */
export function percentiles(values: readonly (number | null)[]): (number | null)[] {
  const ranks = percentileRanks(Float64Array.from(values, (v) => v ?? Number.NaN));
  return Array.from(ranks, (r) => (Number.isNaN(r) ? null : r));
}

/** Seniority percentile ranks (NaN: no level); level 1 is the top, so a smaller level is more senior. */
export const seniorityRanks = (levels: readonly (number | null)[]): Float64Array =>
  percentileRanks(Float64Array.from(levels, (l) => (l === null ? Number.NaN : -l)));

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
 * percentile by at least the margin (and is high in itself). People without a level (seniority
 * NaN) are not judged: there is nothing to compare with.
 */
export const isHiddenInfluencer = (
  influencePct: number,
  seniorityPct: number,
  s: InfluenceSettings,
): boolean =>
  !Number.isNaN(seniorityPct) &&
  !Number.isNaN(influencePct) &&
  influencePct >= s.hiddenMinPercentile &&
  influencePct - seniorityPct >= s.hiddenMargin;

/** Why a hidden influencer is one (see isHiddenInfluencer). */
export const hiddenInfluencerReason = (
  id: number,
  level: number | null,
  inf: number,
  sen: number,
): Explanation<'hidden-influencer'> =>
  explain(
    'hidden-influencer',
    { personId: id, influencePercentile: Math.round(inf), level, seniorityPercentile: Math.round(sen) },
    `hidden influencer: influence at the ${ordinal(inf)} percentile, formal level ${level} only at the ${ordinal(sen)} percentile of seniority`,
  );

/** The hidden influencers among people, with their reasons. */
export function hiddenInfluencers(people: readonly RankedPerson[], s: InfluenceSettings): RoleFinding[] {
  const influencePct = percentileRanks(Float64Array.from(people, (p) => p.influence));
  const seniorityPct = seniorityRanks(people.map((p) => p.level));
  const out: RoleFinding[] = [];
  people.forEach((p, i) => {
    const [inf, sen] = [influencePct[i]!, seniorityPct[i]!];
    if (isHiddenInfluencer(inf, sen, s))
      out.push({ id: p.id, reason: hiddenInfluencerReason(p.id, p.level, inf, sen) });
  });
  return out;
}

export interface StrongTie {
  from: number;
  to: number;
  weight: number;
}

/** The top influencers and who holds strong ties to them: what gatekeepers are judged on. */
export interface GatekeeperCandidates {
  /** The top influencers, most influential first. */
  top: readonly { id: number; name: string }[];
  /** Per person outside the top, the ids of the top influencers they hold a strong tie with (either direction). */
  linked: ReadonlyMap<number, ReadonlySet<number>>;
  /** A person's seniority percentile (NaN: no level). */
  seniority: (id: number) => number;
}

/**
 * Gatekeepers: people who are not senior but hold strong ties (either direction) to several of
 * the top-influence people, like assistants and chiefs of staff. The top people themselves are
 * not gatekeepers of each other. In person-id order.
 */
export function gatekeepersAmong(c: GatekeeperCandidates, s: InfluenceSettings): RoleFinding[] {
  const names = new Map(c.top.map((p) => [p.id, p.name]));
  const out: RoleFinding[] = [];
  for (const id of [...c.linked.keys()].sort((a, b) => a - b)) {
    const toTop = c.linked.get(id)!;
    if (toTop.size < s.gatekeeperMinTies) continue;
    const sen = c.seniority(id);
    if (!Number.isNaN(sen) && sen >= s.seniorPercentile) continue;
    const who = [...toTop]
      .map((t) => ({ id: t, name: names.get(t) ?? `#${t}` }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id));
    out.push({
      id,
      reason: explain(
        'gatekeeper',
        { personId: id, personIds: who.map((w) => w.id), ties: toTop.size, top: c.top.length },
        `gatekeeper: strong ties to ${toTop.size} of the top ${c.top.length} influencers (${who.map((w) => w.name).join(', ')})`,
      ),
    });
  }
  return out;
}

/** Gatekeepers among people, from a list of ties (see gatekeepersAmong). */
export function gatekeepers(
  people: readonly RankedPerson[],
  ties: readonly StrongTie[],
  s: InfluenceSettings,
): RoleFinding[] {
  const seniority = seniorityRanks(people.map((p) => p.level));
  const at = new Map(people.map((p, i) => [p.id, i]));
  const top = [...people].sort((a, b) => b.influence - a.influence || a.id - b.id).slice(0, s.topInfluencers);
  const topIds = new Set(top.map((p) => p.id));
  const linked = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    if (!topIds.has(b) || topIds.has(a) || !at.has(a)) return;
    const set = linked.get(a) ?? new Set<number>();
    set.add(b);
    linked.set(a, set);
  };
  for (const t of ties) {
    if (t.weight < s.strongTieWeight || t.from === t.to) continue;
    link(t.from, t.to);
    link(t.to, t.from);
  }
  return gatekeepersAmong({ top, linked, seniority: (id) => seniority[at.get(id)!]! }, s);
}
