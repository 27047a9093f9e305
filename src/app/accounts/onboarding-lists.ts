import { parseInput } from '../../contract/common.js';
import {
  NewOnboardingList,
  OnboardingItemsInput,
  type OnboardingListView,
} from '../../contract/onboarding-lists.js';
import { NotFoundError } from '../../domain/errors.js';
import type { StoredOnboardingList } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { listSuggestions, type OnboardingView, onboarding } from '../relationship/onboarding.js';
import type { Principal } from './accounts.js';

// People-to-meet lists (issue 14): an owner or editor makes one for a new member; the member
// sees it on their onboarding view with progress, and Rapport names whom it misses.

async function resolveItems(r: Rapport, items: readonly { person: string | number; why?: string }[]) {
  const out: { personId: number; why: string | null }[] = [];
  const seen = new Set<number>();
  for (const i of items) {
    const personId = await resolvePersonId(r.store, r.ws, i.person);
    if (seen.has(personId)) continue;
    seen.add(personId);
    out.push({ personId, why: i.why ?? null });
  }
  return out;
}

/** Lists as a member sees them: each person with whether they were met since the list began. */
async function views(r: Rapport, stored: readonly StoredOnboardingList[]): Promise<OnboardingListView[]> {
  const people = await r.store.relationship.people(r.ws);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const ref = (id: number) => ({ id, name: nameOf.get(id) ?? `#${id}` });
  const out: OnboardingListView[] = [];
  for (const l of stored) {
    const ids = l.items.map((i) => i.personId);
    const met = await r.store.onboarding.firstMetSince(r.ws, l.memberId, ids, l.createdAt);
    const listed = new Set(ids);
    const suggestions = l.personId === null ? [] : await listSuggestions(r, l.personId, listed);
    out.push({
      id: l.id,
      name: l.name,
      member: { id: l.memberId, name: l.memberName },
      person: l.personId === null ? null : ref(l.personId),
      createdAt: l.createdAt,
      items: l.items.map((i) => ({
        id: i.id,
        person: ref(i.personId),
        why: i.why,
        met: met.has(i.personId),
        metAt: met.get(i.personId) ?? null,
      })),
      progress: { met: l.items.filter((i) => met.has(i.personId)).length, total: l.items.length },
      suggestions: suggestions.map((s) => ({
        person: { id: s.person.id, name: s.person.name },
        reason: s.reason,
      })),
    });
  }
  return out;
}

async function oneList(r: Rapport, id: number): Promise<OnboardingListView> {
  const [found] = await views(r, await r.store.onboarding.lists(r.ws, { id }));
  if (!found) throw new NotFoundError('onboarding list', `#${id}`);
  return found;
}

/** A new list for a member of the workspace (named by their account's email). */
export async function createOnboardingList(
  r: Rapport,
  p: Principal,
  raw: NewOnboardingList,
): Promise<OnboardingListView> {
  const input = parseInput(NewOnboardingList, raw);
  const user = await r.store.accounts.userByEmail(input.member);
  // Not a member and no such account read the same: who has an account is not told.
  if (!user || (await r.store.accounts.role(r.ws, user.id)) === null)
    throw new NotFoundError('member of this workspace', input.member);
  const personId = input.person === undefined ? null : await resolvePersonId(r.store, r.ws, input.person);
  const items = await resolveItems(r, input.items);
  const id = await r.store.transaction((tx) =>
    tx.onboarding.insertList(
      r.ws,
      {
        memberId: user.id,
        personId,
        name: input.name ?? 'People to meet',
        createdBy: p.userId,
        createdAt: r.now().toISOString(),
      },
      items,
    ),
  );
  return oneList(r, id);
}

/** More people on a list, after those on it (people already there are skipped). */
export async function addOnboardingItems(
  r: Rapport,
  listId: number,
  raw: OnboardingItemsInput,
): Promise<OnboardingListView> {
  const input = parseInput(OnboardingItemsInput, raw);
  const [list] = await r.store.onboarding.lists(r.ws, { id: listId });
  if (!list) throw new NotFoundError('onboarding list', `#${listId}`);
  const there = new Set(list.items.map((i) => i.personId));
  const items = (await resolveItems(r, input.items)).filter((i) => !there.has(i.personId));
  await r.store.onboarding.addItems(listId, items, list.items.at(-1)?.position ?? 0);
  return oneList(r, listId);
}

/** Every list of the workspace, oldest first. */
export async function onboardingLists(r: Rapport): Promise<OnboardingListView[]> {
  return views(r, await r.store.onboarding.lists(r.ws));
}

export const onboardingListById = oneList;

/** The onboarding view of a signed-in member: directions, and the lists made for them. */
export async function onboardingOf(r: Rapport, p: Principal): Promise<OnboardingView> {
  const [view, mine] = await Promise.all([
    onboarding(r),
    r.store.onboarding.lists(r.ws, { memberId: p.userId }),
  ]);
  const lists = await views(r, mine);
  const listed = new Set(lists.flatMap((l) => l.items.map((i) => i.person.id)));
  return { ...view, lists, suggestions: view.suggestions.filter((s) => !listed.has(s.person.id)) };
}
