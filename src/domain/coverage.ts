import { executiveOf } from './assistants.js';
import { PreconditionError } from './errors.js';
import { countOf, type Explanation, explain } from './explanation.js';
import type { Category, Tier } from './person.js';

export const DIRECTIONS = ['up', 'down', 'across', 'outside'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** The words a person may type for a direction: left and right are both the peers ("across"). */
export const DIRECTION_WORDS = {
  up: 'up',
  down: 'down',
  left: 'across',
  right: 'across',
  across: 'across',
  outside: 'outside',
} as const satisfies Record<string, Direction>;
export type DirectionWord = keyof typeof DIRECTION_WORDS;

/** The fields of a person coverage needs: their place in the org chart and their tier. */
export interface OrgPerson {
  id: number;
  managerId: number | null;
  level: number | null;
  category: Category;
  tier: Tier;
  /** Job title: an executive assistant or chief of staff sits next to their executive. */
  title?: string | null;
}

/**
 * Levels for everyone with a place in the org chart (1 = top). An explicit `level` wins;
 * otherwise a person sits one below their manager, counted from the nearest ancestor with a
 * level, or from the top of their reporting tree. People with no level, no manager and no
 * reports have no position and get no level.
 */
export function orgLevels(people: readonly OrgPerson[]): Map<number, number> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const hasReports = new Set<number>();
  for (const p of people) if (p.managerId !== null && byId.has(p.managerId)) hasReports.add(p.managerId);
  const levels = new Map<number, number>();
  const resolve = (start: OrgPerson): number | null => {
    // Walk up to the nearest known level, then assign down the path walked.
    const path: OrgPerson[] = [];
    const seen = new Set<number>();
    let cur: OrgPerson | undefined = start;
    let base: number | null = null;
    while (cur !== undefined) {
      const known = levels.get(cur.id);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (cur.level !== null) {
        base = cur.level;
        levels.set(cur.id, cur.level);
        break;
      }
      if (seen.has(cur.id)) break; // a loop in stored data: treat the loop's entry as a top
      seen.add(cur.id);
      path.push(cur);
      cur = cur.managerId === null ? undefined : byId.get(cur.managerId);
    }
    if (base === null) {
      const top = path[path.length - 1]!;
      if (path.length === 1 && !hasReports.has(top.id)) return null;
      base = 0;
    }
    for (let i = path.length - 1, l = base + 1; i >= 0; i--, l++) levels.set(path[i]!.id, l);
    return levels.get(start.id) ?? null;
  };
  for (const p of people) if (!levels.has(p.id)) resolve(p);
  return levels;
}

export type TierCounts = Record<Tier, number> & { total: number };

export interface Coverage {
  me: { id: number; level: number };
  directions: Record<Direction, TierCounts>;
  /** People below you who are not in your own reporting subtree. */
  downOutsideTeam: TierCounts;
  gaps: Explanation<GapCode>[];
}

export type GapCode =
  | 'nobody-there'
  | 'no-partners-there'
  | 'no-partners-below-outside-team'
  | 'partners-all-one-way'
  | 'nobody-tiered';

const emptyCounts = (): TierCounts => ({ partner: 0, friend: 0, acquaintance: 0, none: 0, total: 0 });

/** One person's direction relative to me, given everyone's levels and my chain and subtree. */
function directionOf(
  p: OrgPerson,
  levels: Map<number, number>,
  myLevel: number,
  myChain: Set<number>,
  mySubtree: Set<number>,
): { direction: Direction; inMyTeam: boolean } {
  if (p.category === 'provider' || p.category === 'client') return { direction: 'outside', inMyTeam: false };
  if (myChain.has(p.id)) return { direction: 'up', inMyTeam: false };
  if (mySubtree.has(p.id)) return { direction: 'down', inMyTeam: true };
  const level = levels.get(p.id);
  if (level === undefined) return { direction: 'outside', inMyTeam: false };
  if (level < myLevel) return { direction: 'up', inMyTeam: false };
  if (level > myLevel) return { direction: 'down', inMyTeam: false };
  return { direction: 'across', inMyTeam: false };
}

/**
 * A person's managers, nearest first: their manager, that manager's manager, and so on to the
 * top. A loop in stored data ends the chain where it would repeat.
 */
export function managementChain(
  people: readonly { id: number; managerId: number | null }[],
  id: number,
): number[] {
  const managerOf = new Map(people.map((p) => [p.id, p.managerId]));
  const chain: number[] = [];
  const seen = new Set([id]);
  for (let m = managerOf.get(id) ?? null; m !== null && !seen.has(m); m = managerOf.get(m) ?? null) {
    seen.add(m);
    chain.push(m);
  }
  return chain;
}

/** Where each person sits relative to me (everyone but me), and my level. */
export function placeEveryone(
  people: readonly OrgPerson[],
  meId: number,
  meName = 'you',
): {
  myLevel: number;
  places: {
    person: OrgPerson;
    direction: Direction;
    inMyTeam: boolean;
    level: number | null;
    /** The executive an assistant or chief of staff sits next to (null for everyone else). */
    nextTo: number | null;
  }[];
} {
  const me = people.find((p) => p.id === meId);
  if (!me) throw new PreconditionError('me', 'Coverage needs "me" to be one of the people in the workspace.');
  const levels = orgLevels(people);
  const myLevel = levels.get(meId);
  if (myLevel === undefined) {
    throw new PreconditionError(
      'me-in-org-chart',
      `Coverage needs your place in the org chart, but ${meName} has no level, manager or reports. Set a level (e.g. 3) or a manager on ${meName}.`,
    );
  }
  const myChain = new Set(managementChain(people, meId));
  const reports = new Map<number, number[]>();
  for (const p of people) {
    if (p.managerId === null) continue;
    const list = reports.get(p.managerId);
    if (list) list.push(p.id);
    else reports.set(p.managerId, [p.id]);
  }
  const mySubtree = new Set<number>();
  const stack = [...(reports.get(meId) ?? [])];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (mySubtree.has(id) || id === meId) continue;
    mySubtree.add(id);
    stack.push(...(reports.get(id) ?? []));
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const places = [];
  for (const p of people) {
    if (p.id === meId) continue;
    // An assistant or chief of staff sits where their executive sits (my own stays in my team).
    const exec = executiveOf(p);
    const beside =
      exec === null || p.category === 'provider' || p.category === 'client' ? undefined : byId.get(exec);
    const placed =
      beside === undefined
        ? directionOf(p, levels, myLevel, myChain, mySubtree)
        : beside.id === meId
          ? { direction: 'down' as const, inMyTeam: true }
          : directionOf(beside, levels, myLevel, myChain, mySubtree);
    places.push({
      person: p,
      ...placed,
      level: levels.get(p.id) ?? null,
      nextTo: beside === undefined ? null : beside.id,
    });
  }
  return { myLevel, places };
}

/**
 * Left, right, up and down: where each relationship sits relative to me,
 * counted per tier, with the lopsided spots spelled out.
 */
export function coverage(people: readonly OrgPerson[], meId: number, meName = 'you'): Coverage {
  const { myLevel, places } = placeEveryone(people, meId, meName);
  const directions: Record<Direction, TierCounts> = {
    up: emptyCounts(),
    down: emptyCounts(),
    across: emptyCounts(),
    outside: emptyCounts(),
  };
  const downOutsideTeam = emptyCounts();
  for (const { person: p, direction, inMyTeam } of places) {
    directions[direction][p.tier]++;
    directions[direction].total++;
    if (direction === 'down' && !inMyTeam) {
      downOutsideTeam[p.tier]++;
      downOutsideTeam.total++;
    }
  }
  return {
    me: { id: meId, level: myLevel },
    directions,
    downOutsideTeam,
    gaps: coverageGaps(directions, downOutsideTeam),
  };
}

const WHERE: Record<Direction, string> = {
  up: 'above you',
  down: 'below you',
  across: 'among your peers',
  outside: 'outside the organisation',
};

/** Findings: where there are people but no trusted partners, and lopsided portfolios. */
export function coverageGaps(
  directions: Record<Direction, TierCounts>,
  downOutsideTeam: TierCounts,
): Explanation<GapCode>[] {
  const gaps: Explanation<GapCode>[] = [];
  for (const d of ['up', 'across', 'down'] as const) {
    if (directions[d].total === 0) {
      if (d !== 'up')
        gaps.push(explain('nobody-there', { direction: d }, `Nobody ${WHERE[d]} is in your portfolio.`));
    } else if (directions[d].partner === 0) {
      const people = directions[d].total;
      gaps.push(
        explain(
          'no-partners-there',
          { direction: d, people },
          `No trusted partners ${WHERE[d]} (${countOf(people, 'person', 'people')} there).`,
        ),
      );
    }
  }
  if (directions.down.partner > 0 && downOutsideTeam.total > 0 && downOutsideTeam.partner === 0) {
    gaps.push(
      explain(
        'no-partners-below-outside-team',
        { direction: 'down', people: downOutsideTeam.total },
        'No trusted partners below you outside your own team.',
      ),
    );
  }
  const partners = DIRECTIONS.reduce((sum, d) => sum + directions[d].partner, 0);
  for (const d of DIRECTIONS) {
    if (partners >= 2 && directions[d].partner === partners) {
      gaps.push(
        explain(
          'partners-all-one-way',
          { direction: d, partners },
          `All ${partners} of your partners are ${WHERE[d]}.`,
        ),
      );
    }
  }
  const tiered = DIRECTIONS.reduce((sum, d) => sum + directions[d].total - directions[d].none, 0);
  if (tiered === 0)
    gaps.push(
      explain(
        'nobody-tiered',
        {},
        'Nobody has a tier yet: mark your trusted partners, friends and acquaintances.',
      ),
    );
  return gaps;
}
