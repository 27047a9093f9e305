import { type Explanation, explain, signed } from './explanation.js';
import { type FocusItem, round1 } from './focus-item.js';
import { TIER_LABELS, type Tier } from './person.js';

// The map's lines a coach would raise that the convert and stance-drop lines miss (issue 13 §3):
// people drifting towards opposition, influential people never met one to one, champions I am
// overdrawn with, tiers that contradict the map, and the stale assessments that matter most.

/** A high-influence person, not (yet) a detractor, whose stance fell since the last assessment. */
export interface AtRisk {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  from: number;
  to: number;
}

/** A high-influence person on an active map with no one-to-one contact ever. */
export interface NeverEngaged {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  stance: number;
}

/** A champion (high influence, supporter) I am overdrawn with. */
export interface OverdrawnChampion {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  stance: number;
  balance: number;
}

/** A trusted partner or friend who is a detractor on an active initiative. */
export interface TierMismatch {
  id: number;
  name: string;
  tier: Tier;
  initiative: string;
  influence: number;
  stance: number;
}

/** One stale current assessment, with what makes its re-assessment matter. */
export interface StaleAssessment {
  id: number;
  name: string;
  initiative: string;
  influence: number;
  daysOld: number;
  /** The stance change at the last assessment; null without an earlier one. */
  lastTrend: number | null;
}

export interface MapFocusInputs {
  atRisk: readonly AtRisk[];
  neverEngaged: readonly NeverEngaged[];
  overdrawnChampions: readonly OverdrawnChampion[];
  tierMismatches: readonly TierMismatch[];
  /** The most influential stale assessments (a shortlist), and how many there are in all. */
  stale: { top: readonly StaleAssessment[]; count: number; maps: number; oldestDays: number };
}

/** No map lines at all: a workspace without maps, or a list built from other reasons. */
export const NO_MAP_LINES: MapFocusInputs = {
  atRisk: [],
  neverEngaged: [],
  overdrawnChampions: [],
  tierMismatches: [],
  stale: { top: [], count: 0, maps: 0, oldestDays: 0 },
};

/** An at-risk line's score: influence × how near the detractor line they are. */
export function atRiskScore(a: Pick<AtRisk, 'influence' | 'to'>, detractorAt: number): number {
  const left = Math.max(0, a.to + detractorAt);
  return round1(a.influence * (1 - Math.min(1, left / (100 + detractorAt))) * 0.85);
}

export const overdrawnChampionScore = (c: Pick<OverdrawnChampion, 'influence' | 'balance'>): number =>
  round1(30 + c.influence * 0.3 + Math.min(20, -c.balance * 4));

export const tierMismatchScore = (m: Pick<TierMismatch, 'influence'>): number =>
  round1(35 + m.influence * 0.2);

/**
 * The `keep` best of a kind by its score, one placement per person: more of one kind cannot reach
 * a list of `keep` lines (so a caller reads names and balances for a few dozen people, not thousands).
 */
export function bestPerPerson<T extends { personId: number }>(
  items: readonly T[],
  score: (t: T) => number,
  keep: number,
): T[] {
  const top = new Map<number, { item: T; score: number }>();
  for (const item of items) {
    const s = score(item);
    const seen = top.get(item.personId);
    if (!seen || s > seen.score) top.set(item.personId, { item, score: s });
  }
  const people = [...top.values()].sort((a, b) => b.score - a.score || a.item.personId - b.item.personId);
  const kept = new Set(people.slice(0, keep).map((p) => p.item.personId));
  return items.filter((i) => kept.has(i.personId));
}

/** How many people the one re-assessment line names. */
const STALE_NAMED = 3;

/** influence × staleness (in stale periods, at most 2) × (1 + last move / 50): whose re-assessment matters most. */
export const staleWeight = (a: StaleAssessment, staleDays: number): number =>
  a.influence * Math.min(2, a.daysOld / staleDays) * (1 + Math.abs(a.lastTrend ?? 0) / 50);

const listNames = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The map-driven lines of the weekly list. Each score is the line's expected value for the
 * initiative on the 0–100 scale of the other lines: the person's influence, times how far their
 * stance could still move (or how close it is to turning), times how pressing it is now.
 */
export function mapFocusItems(
  inputs: MapFocusInputs,
  s: { detractorAt: number; staleDays: number },
): FocusItem[] {
  const items: FocusItem[] = [];
  for (const a of inputs.atRisk) {
    // Distance left before they count as a detractor.
    const left = Math.max(0, a.to + s.detractorAt);
    const params = {
      personId: a.id,
      initiative: a.initiative,
      influence: a.influence,
      from: a.from,
      to: a.to,
    };
    items.push({
      kind: 'at-risk',
      personId: a.id,
      name: a.name,
      initiative: a.initiative,
      action: explain(
        'before-they-turn',
        params,
        `Talk to ${a.name} about ${a.initiative} before they turn against it: ask what worries them.`,
      ),
      why: [
        explain(
          'drifting-to-opposition',
          { ...params, left },
          `high influence (${a.influence}) and drifting towards opposition: stance ${signed(a.from)} → ${signed(a.to)}, ${left} from the detractor line`,
        ),
      ],
      strategy: 'empathize',
      score: atRiskScore(a, s.detractorAt),
    });
  }
  for (const n of inputs.neverEngaged) {
    items.push({
      kind: 'never-engaged',
      personId: n.id,
      name: n.name,
      initiative: n.initiative,
      action: explain(
        'first-one-to-one',
        { personId: n.id, initiative: n.initiative },
        `Set up a first one-to-one with ${n.name}: they weigh on ${n.initiative} and you have never met alone.`,
      ),
      why: [
        explain(
          'never-one-to-one',
          { personId: n.id, initiative: n.initiative, influence: n.influence, stance: n.stance },
          `influence ${n.influence} on ${n.initiative} (stance ${signed(n.stance)}), no one-to-one contact logged`,
        ),
      ],
      strategy: 'proactive',
      score: round1(25 + n.influence * 0.4),
    });
  }
  for (const c of inputs.overdrawnChampions) {
    items.push({
      kind: 'overdrawn-champion',
      personId: c.id,
      name: c.name,
      initiative: c.initiative,
      action: explain(
        'give-back-to-champion',
        { personId: c.id, initiative: c.initiative },
        `Give back to ${c.name} before you lean on them again for ${c.initiative}.`,
      ),
      why: [
        explain(
          'champion-overdrawn',
          {
            personId: c.id,
            initiative: c.initiative,
            influence: c.influence,
            stance: c.stance,
            balance: c.balance,
          },
          `a champion of ${c.initiative} (influence ${c.influence}, stance ${signed(c.stance)}) and you are overdrawn with them (${c.balance.toFixed(2)})`,
        ),
      ],
      strategy: 'empathize',
      score: overdrawnChampionScore(c),
    });
  }
  for (const m of inputs.tierMismatches) {
    const params = { personId: m.id, tier: m.tier, initiative: m.initiative, stance: m.stance };
    items.push({
      kind: 'tier-mismatch',
      personId: m.id,
      name: m.name,
      initiative: m.initiative,
      action: explain(
        'check-tier',
        params,
        `Check how you file ${m.name}: a ${TIER_LABELS[m.tier].toLowerCase()} who opposes ${m.initiative}. Talk it through with them, or file them as an acquaintance if the relationship has cooled.`,
      ),
      why: [
        explain(
          'partner-opposes',
          { ...params, influence: m.influence },
          `filed as ${TIER_LABELS[m.tier].toLowerCase()}, yet a detractor on ${m.initiative} (stance ${signed(m.stance)})`,
        ),
      ],
      strategy: 'communicate',
      score: tierMismatchScore(m),
    });
  }
  const out = onePerPersonAndKind(items);
  const stale = inputs.stale;
  if (stale.count > 0) {
    const named = [...stale.top]
      .sort((a, b) => staleWeight(b, s.staleDays) - staleWeight(a, s.staleDays) || a.id - b.id)
      .slice(0, STALE_NAMED);
    const who = listNames(named.map((a) => `${a.name} (${a.initiative})`));
    const rest = stale.count - named.length;
    const why: Explanation = explain(
      'stale-assessments',
      {
        count: stale.count,
        maps: stale.maps,
        oldestDays: stale.oldestDays,
        personIds: named.map((a) => a.id),
      },
      `${stale.count} assessment${stale.count === 1 ? ' is' : 's are'} stale on ${stale.maps} map${stale.maps === 1 ? '' : 's'}, the oldest ${stale.oldestDays} days old; these matter most (influence, age, last move)`,
    );
    out.push({
      kind: 'stale-assessments',
      personId: null,
      name: null,
      initiative: null,
      action: explain(
        'reassess',
        { personIds: named.map((a) => a.id), count: stale.count },
        `Re-assess ${who}${rest > 0 ? `, then the ${rest} other stale assessment${rest === 1 ? '' : 's'}` : ''}.`,
      ),
      why: [why],
      strategy: null,
      score: 20 + Math.min(30, stale.count * 3),
    });
  }
  return out;
}

/**
 * One line per person and kind: someone at risk on two initiatives is one conversation. The
 * best-scored placement leads; the others are named in its reason (`alsoOn`).
 */
function onePerPersonAndKind(items: readonly FocusItem[]): FocusItem[] {
  const lead = new Map<string, FocusItem>();
  const others = new Map<string, string[]>();
  for (const item of [...items].sort((a, b) => b.score - a.score)) {
    const key = `${item.kind}:${item.personId}`;
    if (!lead.has(key)) lead.set(key, item);
    else if (item.initiative) others.set(key, [...(others.get(key) ?? []), item.initiative]);
  }
  return [...lead].map(([key, item]) => {
    const also = others.get(key);
    if (!also) return item;
    const [first, ...rest] = item.why;
    return {
      ...item,
      why: [
        {
          ...first!,
          params: { ...first!.params, alsoOn: also },
          text: `${first!.text}; also on ${also.join(', ')}`,
        },
        ...rest,
      ],
    };
  });
}
