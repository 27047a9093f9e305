import { DIRECTIONS, type Direction } from './coverage.js';
import { type Explanation, explain } from './explanation.js';

export interface AttentionPlace {
  id: number;
  name: string;
  direction: Direction;
  level: number | null;
}

export interface AttentionThresholds {
  /** Percentage points by which a direction's share of important relationships may exceed its share of interactions. */
  imbalance: number;
  /** From this gap on the imbalance is severe (a focus item). */
  severe: number;
}

export interface DirectionShare {
  /** Interactions, a shared one split between the people in it. */
  interactions: number;
  /** Percent of all interactions in the window. */
  interactionShare: number;
  peopleMet: number;
  peopleShare: number;
  important: number;
  /** Percent of my important relationships. */
  importantShare: number;
}

export interface AttentionView {
  days: number;
  myLevel: number;
  interactions: number;
  peopleMet: number;
  important: number;
  directions: Record<Direction, DirectionShare>;
  levels: {
    level: number | null;
    interactions: number;
    interactionShare: number;
    peopleMet: number;
    important: number;
  }[];
  imbalances: Explanation[];
  severe: boolean;
  /** People below my reports' level I have never met, important ones and the nearest levels first. */
  neverMetBelow: { id: number; name: string; level: number }[];
  neverMetBelowCount: number;
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : Math.round((part / whole) * 100));
const round1 = (x: number): number => Math.round(x * 10) / 10;

const GOES: Record<Direction, string> = { up: 'up', down: 'down', across: 'across', outside: 'outside' };

/**
 * Where my time goes, by direction and level, beside where my important relationships are. A
 * direction whose share of important relationships exceeds its share of my interactions by the
 * threshold is an imbalance: level-agnostic leaders spend time down as well as up.
 */
export function attention(
  places: readonly AttentionPlace[],
  myLevel: number,
  contact: ReadonlyMap<number, { share: number }>,
  important: ReadonlySet<number>,
  /** Everyone ever met; null when the list of people never met is not wanted. */
  everMet: ReadonlySet<number> | null,
  t: AttentionThresholds,
  days: number,
  listMax = 20,
): AttentionView {
  const zero = (): DirectionShare => ({
    interactions: 0,
    interactionShare: 0,
    peopleMet: 0,
    peopleShare: 0,
    important: 0,
    importantShare: 0,
  });
  const directions = Object.fromEntries(DIRECTIONS.map((d) => [d, zero()])) as Record<
    Direction,
    DirectionShare
  >;
  const levels = new Map<number | null, { interactions: number; peopleMet: number; important: number }>();
  let total = 0;
  let met = 0;
  let importantTotal = 0;
  const neverMet: { id: number; name: string; level: number; important: boolean }[] = [];
  for (const p of places) {
    const c = contact.get(p.id);
    const d = directions[p.direction];
    const lv = levels.get(p.level) ?? { interactions: 0, peopleMet: 0, important: 0 };
    levels.set(p.level, lv);
    const isImportant = important.has(p.id);
    if (c) {
      d.interactions += c.share;
      d.peopleMet += 1;
      lv.interactions += c.share;
      lv.peopleMet += 1;
      total += c.share;
      met += 1;
    }
    if (isImportant) {
      d.important += 1;
      lv.important += 1;
      importantTotal += 1;
    }
    if (
      everMet &&
      p.direction === 'down' &&
      p.level !== null &&
      p.level >= myLevel + 2 &&
      !everMet.has(p.id)
    ) {
      neverMet.push({ id: p.id, name: p.name, level: p.level, important: isImportant });
    }
  }
  for (const d of DIRECTIONS) {
    const x = directions[d];
    x.interactionShare = pct(x.interactions, total);
    x.peopleShare = pct(x.peopleMet, met);
    x.importantShare = pct(x.important, importantTotal);
    x.interactions = round1(x.interactions);
  }
  const imbalances: Explanation[] = [];
  let severe = false;
  for (const d of DIRECTIONS) {
    const x = directions[d];
    const gap = x.importantShare - x.interactionShare;
    if (x.important === 0 || gap < t.imbalance || total === 0) continue;
    if (gap >= t.severe) severe = true;
    imbalances.push(
      explain(
        'attention-imbalance',
        { direction: d, interactionShare: x.interactionShare, importantShare: x.importantShare, gap, days },
        `${x.interactionShare} % of your interactions go ${GOES[d]}, where ${x.importantShare} % of your important relationships are.`,
      ),
    );
  }
  neverMet.sort(
    (a, b) => Number(b.important) - Number(a.important) || a.level - b.level || a.name.localeCompare(b.name),
  );
  return {
    days,
    myLevel,
    interactions: round1(total),
    peopleMet: met,
    important: importantTotal,
    directions,
    levels: [...levels]
      .map(([level, v]) => ({
        level,
        interactions: round1(v.interactions),
        interactionShare: pct(v.interactions, total),
        peopleMet: v.peopleMet,
        important: v.important,
      }))
      .filter((l) => l.peopleMet > 0 || l.important > 0)
      .sort((a, b) => (a.level ?? 1e9) - (b.level ?? 1e9)),
    imbalances,
    severe,
    neverMetBelow: neverMet.slice(0, listMax).map(({ id, name, level }) => ({ id, name, level })),
    neverMetBelowCount: neverMet.length,
  };
}
