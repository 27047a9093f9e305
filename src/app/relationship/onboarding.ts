import { DIRECTIONS, type Direction, managementChain, placeEveryone } from '../../domain/coverage.js';
import { type Explanation, explain } from '../../domain/explanation.js';

import type { Rapport } from '../core/context.js';

/** A person in a direction; an assistant or chief of staff with the executive they are next to. */
export interface Placed {
  id: number;
  name: string;
  nextTo?: { id: number; name: string };
}

export interface OnboardingView {
  me: { id: number; name: string } | null;
  /** My relationships (tiered people) by direction, by name. */
  partners: Record<Direction, Placed[]>;
  /** "People to meet" lists made for me (none yet: lists come with team workspaces). */
  lists: {
    id: number;
    name: string;
    items: { person: { id: number; name: string }; why: string | null; met: boolean }[];
  }[];
  /**
   * Who the portfolio misses: my management chain, the assistants and chiefs of staff next to it,
   * and peers with no tier yet.
   */
  suggestions: { person: Placed; reason: Explanation }[];
}

const empty = (): Record<Direction, Placed[]> => ({
  up: [],
  down: [],
  across: [],
  outside: [],
});

/**
 * Up, down, left and right as names: who my relationships are in each direction, and whom to
 * meet next. Without "me" or my place in the org chart there are no directions yet.
 */
export async function onboarding(r: Rapport): Promise<OnboardingView> {
  const meId = await r.store.workspaces.me(r.ws);
  if (meId === null) return { me: null, partners: empty(), lists: [], suggestions: [] };
  const [org, people] = await Promise.all([
    r.store.relationship.orgChart(r.ws),
    r.store.relationship.people(r.ws),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const me = { id: meId, name: names.get(meId) ?? `#${meId}` };
  let places: ReturnType<typeof placeEveryone>['places'];
  try {
    places = placeEveryone(org, meId, me.name).places;
  } catch {
    return { me, partners: empty(), lists: [], suggestions: [] };
  }
  const chain = new Map(managementChain(org, meId).map((id, i) => [id, i]));
  const partners = empty();
  const suggestions: OnboardingView['suggestions'] = [];
  for (const { person, direction, nextTo } of places) {
    const ref: Placed = { id: person.id, name: names.get(person.id) ?? `#${person.id}` };
    if (nextTo !== null) ref.nextTo = { id: nextTo, name: names.get(nextTo) ?? `#${nextTo}` };
    if (person.tier !== 'none') partners[direction].push(ref);
    else if (ref.nextTo && chain.has(ref.nextTo.id))
      suggestions.push({
        person: ref,
        reason: explain(
          'onboarding-next-to-leader',
          { personId: person.id, direction, executiveId: ref.nextTo.id },
          `${ref.name} is next to ${ref.nextTo.name} (your chain), the way to them; not yet in your portfolio`,
        ),
      });
    else if (direction === 'up' || direction === 'across')
      suggestions.push({
        person: ref,
        reason: explain(
          'onboarding-untiered',
          { personId: person.id, direction },
          `${ref.name} is ${direction === 'up' ? 'above you' : 'among your peers'} and not yet in your portfolio`,
        ),
      });
  }
  // Up starts with my own management chain, nearest first, each with those next to them; then by name.
  const rank = (p: Placed) => chain.get(p.id) ?? (p.nextTo ? (chain.get(p.nextTo.id) ?? 1e9) + 0.5 : 1e9);
  const order = (a: Placed, b: Placed) => rank(a) - rank(b) || a.name.localeCompare(b.name);
  for (const d of DIRECTIONS) partners[d].sort(order);
  suggestions.sort((a, b) => order(a.person, b.person));
  return { me, partners, lists: [], suggestions: suggestions.slice(0, 20) };
}
