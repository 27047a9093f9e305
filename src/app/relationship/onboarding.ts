import type { OnboardingView, Placed as PlacedView } from '../../contract/relationship.js';
import { DIRECTIONS, type Direction, managementChain, placeEveryone } from '../../domain/coverage.js';
import { type Explanation, explain } from '../../domain/explanation.js';
import type { Rapport } from '../core/context.js';
import { influence } from '../influence/influence.js';

/** A person in a direction; an assistant or chief of staff with the executive they are next to. */
export interface Placed {
  id: number;
  name: string;
  nextTo?: { id: number; name: string };
}

export type { OnboardingView };

/** A placed person as results name people: `person: {id, name}`, and who they sit next to. */
const placedView = ({ id, name, nextTo }: Placed): PlacedView => ({
  person: { id, name },
  nextTo: nextTo ?? null,
});

/**
 * The hidden influencers of the whole network (they move decisions beyond their level), by
 * influence rank: one line each for the suggestions. The report is cached per network version.
 */
async function hiddenInfluencers(r: Rapport): Promise<{ id: number; rank: number; level: number | null }[]> {
  const report = await influence(r, { top: 1 });
  return report.hiddenInfluencers.map((e) => ({ id: e.person.id, rank: e.influenceRank, level: e.level }));
}

const hiddenReason = (
  name: string,
  h: { id: number; rank: number; level: number | null },
  direction: Direction,
  who: string,
) =>
  explain(
    'onboarding-hidden-influencer',
    { personId: h.id, direction, influenceRank: h.rank },
    `${name} is a hidden influencer (ranked ${h.rank} by influence${h.level === null ? '' : `, level ${h.level}`}) ${who}`,
  );

const empty = <T>(): Record<Direction, T[]> => ({
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
  const [hidden, met] = await Promise.all([
    hiddenInfluencers(r).then((l) => new Map(l.map((h) => [h.id, h]))),
    r.store.practice.everMet(r.ws),
  ]);
  const partners = empty<Placed>();
  const suggestions: { person: Placed; reason: Explanation }[] = [];
  for (const { person, direction, nextTo } of places) {
    const ref: Placed = { id: person.id, name: names.get(person.id) ?? `#${person.id}` };
    if (nextTo !== null) ref.nextTo = { id: nextTo, name: names.get(nextTo) ?? `#${nextTo}` };
    const h = hidden.get(person.id);
    if (person.tier !== 'none') partners[direction].push(ref);
    else if (h && !met.has(person.id))
      suggestions.push({ person: ref, reason: hiddenReason(ref.name, h, direction, 'you have never met') });
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
  // Whom to meet: my chain and those next to it, then the hidden influencers by influence, then peers.
  const suggestionRank = (p: Placed) => {
    const h = hidden.get(p.id);
    return h && !met.has(p.id) && rank(p) >= 1e9 ? 1e6 + h.rank : rank(p);
  };
  suggestions.sort(
    (a, b) =>
      suggestionRank(a.person) - suggestionRank(b.person) || a.person.name.localeCompare(b.person.name),
  );
  return {
    me,
    partners: Object.fromEntries(
      DIRECTIONS.map((d) => [d, partners[d].map(placedView)]),
    ) as OnboardingView['partners'],
    lists: [],
    suggestions: suggestions.slice(0, 20).map(({ person, reason }) => ({ ...placedView(person), reason })),
  };
}

/**
 * Whom a people-to-meet list misses, seen from `personId`'s place in the org chart (a new
 * member's): their management chain and the assistants and chiefs of staff next to it, their
 * peers, and those below them (their own reports first), less the people already listed.
 */
export async function listSuggestions(
  r: Rapport,
  personId: number,
  listed: ReadonlySet<number>,
  limit = 15,
): Promise<{ person: { id: number; name: string }; reason: Explanation }[]> {
  const [org, people] = await Promise.all([
    r.store.relationship.orgChart(r.ws),
    r.store.relationship.people(r.ws),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const who = names.get(personId) ?? `#${personId}`;
  let places: ReturnType<typeof placeEveryone>['places'];
  try {
    places = placeEveryone(org, personId, who).places;
  } catch {
    return [];
  }
  const chain = new Map(managementChain(org, personId).map((id, i) => [id, i]));
  const managerOf = new Map(org.map((o) => [o.id, o.managerId]));
  const hidden = new Map((await hiddenInfluencers(r)).map((h) => [h.id, h]));
  const out: { person: Placed; reason: Explanation; rank: number }[] = [];
  for (const { person, direction, nextTo } of places) {
    if (listed.has(person.id) || person.id === personId) continue;
    const ref: Placed = { id: person.id, name: names.get(person.id) ?? `#${person.id}` };
    if (nextTo !== null) ref.nextTo = { id: nextTo, name: names.get(nextTo) ?? `#${nextTo}` };
    const say = (code: string, rank: number, text: string) =>
      out.push({ person: ref, rank, reason: explain(code, { personId: person.id, direction }, text) });
    if (chain.has(person.id))
      say('onboarding-chain', chain.get(person.id)!, `${ref.name} is in ${who}'s management chain`);
    else if (ref.nextTo && chain.has(ref.nextTo.id))
      say(
        'onboarding-next-to-leader',
        chain.get(ref.nextTo.id)! + 0.5,
        `${ref.name} is next to ${ref.nextTo.name} (${who}'s chain), the way to them`,
      );
    else if (direction === 'across' && managerOf.get(person.id) === managerOf.get(personId))
      say('onboarding-peer', 100, `${ref.name} is ${who}'s peer (same manager)`);
    else if (direction === 'down' && managerOf.get(person.id) === personId)
      say('onboarding-report', 200, `${ref.name} reports to ${who}`);
    else if (hidden.has(person.id)) {
      const h = hidden.get(person.id)!;
      out.push({
        person: ref,
        rank: 50 + h.rank / 1e6,
        reason: hiddenReason(ref.name, h, direction, `whom ${who} should know early`),
      });
    }
  }
  return out
    .sort((a, b) => a.rank - b.rank || a.person.name.localeCompare(b.person.name))
    .slice(0, limit)
    .map(({ person, reason }) => ({ person: { id: person.id, name: person.name }, reason }));
}
