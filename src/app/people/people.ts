import { parseInput } from '../../contract/common.js';
import {
  AddPersonInput,
  EditPersonInput,
  PeopleFilter,
  type PersonDetail,
  PersonInput,
  type PersonListed,
  type PersonView,
  type RemovedPerson,
  RemovePersonInput,
} from '../../contract/people.js';
import { latestPerPerson } from '../../domain/assessment.js';
import { type Direction, placeEveryone } from '../../domain/coverage.js';
import { ConflictError, NotFoundError, PreconditionError } from '../../domain/errors.js';
import { foldName } from '../../domain/names.js';
import {
  applyPersonInput,
  checkManagerChain,
  newPersonFields,
  type Person,
  type PersonFields,
} from '../../domain/person.js';
import { INFORMAL_KINDS, stageOf } from '../../domain/stages.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { byState } from '../core/state-cache.js';
import { since } from '../relationship/practice-data.js';
import { loadSettings } from '../relationship/relationship-data.js';
import { stagesFor } from '../relationship/stages.js';

async function personView(store: Store, ws: number, p: Person): Promise<PersonView> {
  const name = p.managerId === null ? undefined : (await store.people.get(ws, p.managerId))?.name;
  return withManager(p, name);
}

/** A person as results show them: the manager as `{id, name}` instead of a bare id. */
function withManager({ managerId, ...p }: Person, managerName: string | undefined): PersonView {
  return {
    ...p,
    manager: managerId === null || managerName === undefined ? null : { id: managerId, name: managerName },
  };
}

async function checkEmailsFree(store: Store, ws: number, emails: string[], selfId: number | null) {
  for (const e of emails) {
    const owner = await store.people.idByEmail(ws, e);
    if (owner !== undefined && owner !== selfId) {
      const other = await store.people.get(ws, owner);
      throw new ConflictError(`The email ${e} already belongs to ${other?.name ?? `#${owner}`} (#${owner}).`);
    }
  }
}

async function resolveManager(
  store: Store,
  ws: number,
  selfId: number | null,
  ref: number | string | null | undefined,
): Promise<number | null | undefined> {
  if (ref === undefined) return undefined;
  if (ref === null) return null;
  const managerId = await resolvePersonId(store, ws, ref);
  if (selfId !== null) {
    const managers = await store.people.managerMap(ws);
    const names = new Map((await store.people.list(ws)).map((p) => [p.id, p.name]));
    checkManagerChain(
      selfId,
      managerId,
      (id) => managers.get(id),
      (id) => names.get(id) ?? `#${id}`,
    );
  }
  return managerId;
}

export async function addPerson(r: Rapport, raw: AddPersonInput): Promise<PersonView> {
  const { manager, allowDuplicate, ...input } = parseInput(AddPersonInput, raw);
  const fields = newPersonFields(input);
  return r.store.transaction(async (store) => {
    if (!allowDuplicate) await checkNameFree(store, r.ws, fields.name);
    const managerId = (await resolveManager(store, r.ws, null, manager)) ?? null;
    await checkEmailsFree(store, r.ws, fields.emails, null);
    const id = await store.people.insert(r.ws, fields, managerId, r.now().toISOString());
    return personView(store, r.ws, (await store.people.get(r.ws, id))!);
  });
}

/**
 * A second person of a name already here is most often the same person typed twice (issue 9):
 * refused, naming who is here, unless asked for. Names compare without case or accents.
 */
async function checkNameFree(store: Store, ws: number, name: string): Promise<void> {
  let same = await store.people.idsByName(ws, name);
  if (same.length === 0) {
    const folded = foldName(name);
    same = (await store.people.list(ws)).filter((p) => foldName(p.name) === folded);
  }
  if (same.length === 0) return;
  const who = same.map((p) => `#${p.id} ${p.name}${p.title ? ` (${p.title})` : ''}`).join(', ');
  throw new ConflictError(
    `${name} is already here: ${who}. Edit that record, or add a second person of that name on purpose.`,
    { field: 'allowDuplicate', existing: same.map((p) => p.id) },
  );
}

/** The fields whose value an edit changes: only these are written. */
function changedFields(before: PersonFields, after: PersonFields): Partial<PersonFields> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof PersonFields)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) out[key] = after[key];
  }
  return out as Partial<PersonFields>;
}

export async function editPerson(r: Rapport, raw: EditPersonInput): Promise<PersonView> {
  const { person, manager, version, ...input } = parseInput(EditPersonInput, raw);
  return r.store.transaction(async (store) => {
    const id = await resolvePersonId(store, r.ws, person);
    const current = (await store.people.get(r.ws, id))!;
    if (version !== undefined && version !== current.updatedAt) {
      throw new ConflictError(
        `${current.name} was changed by someone else since you read it (at ${current.updatedAt}); nothing was changed. Apply your change to the current record.`,
        { field: 'version', current: await personView(store, r.ws, current) },
      );
    }
    const { id: _id, managerId: currentManager, createdAt: _c, updatedAt: _u, ...currentFields } = current;
    const fields: PersonFields = applyPersonInput(currentFields, input);
    const managerId = await resolveManager(store, r.ws, id, manager);
    await checkEmailsFree(store, r.ws, fields.emails, id);
    await store.people.update(
      r.ws,
      id,
      {
        ...changedFields(currentFields, fields),
        ...(managerId !== undefined && managerId !== currentManager ? { managerId } : {}),
      },
      r.now().toISOString(),
    );
    return personView(store, r.ws, (await store.people.get(r.ws, id))!);
  });
}

/** Everyone by name, with the stage of each tiered relationship (new, engaged, established). */
/** Who sits in one direction from me, placed as onboarding and coverage place them. */
async function idsInDirection(r: Rapport, me: number | null, direction: Direction): Promise<Set<number>> {
  if (me === null)
    throw new PreconditionError('me', 'Directions are relative to you: say who you are first.', {
      field: 'direction',
    });
  const org = await r.store.relationship.orgChart(r.ws);
  const meName = (await r.store.people.get(r.ws, me))?.name;
  const { places } = placeEveryone(org, me, meName);
  return new Set(places.filter((p) => p.direction === direction).map((p) => p.person.id));
}

/** Everyone, by name; each filter given narrows the list. */
export async function listPeople(r: Rapport, raw: PeopleFilter = {}): Promise<PersonListed[]> {
  const filter = parseInput(PeopleFilter, raw);
  const [all, me, settings] = await Promise.all([
    r.store.people.list(r.ws),
    r.store.workspaces.me(r.ws),
    loadSettings(r),
  ]);
  const department = filter.department === undefined ? undefined : foldName(filter.department);
  const inDirection = filter.direction === undefined ? null : await idsInDirection(r, me, filter.direction);
  const people = all.filter(
    (p) =>
      (filter.tier === undefined || p.tier === filter.tier) &&
      (filter.category === undefined || p.category === filter.category) &&
      (department === undefined || (p.department !== null && foldName(p.department) === department)) &&
      (inDirection === null || inDirection.has(p.id)),
  );
  const names = new Map(all.map((p) => [p.id, p.name]));
  const tiered = people.some((p) => p.tier !== 'none');
  const engagement = tiered
    ? await r.store.practice.engagementOfAll(r.ws, {
        informalKinds: INFORMAL_KINDS,
        oneToOneSince: since(r, settings.stages.windowDays),
      })
    : new Map();
  return people.map((p) => ({
    ...withManager(p, p.managerId === null ? undefined : names.get(p.managerId)),
    stage:
      p.tier === 'none' || p.id === me
        ? null
        : stageOf(engagement.get(p.id) ?? { informal: 0, oneToOne: 0 }, settings.stages.established),
  }));
}

export async function showPerson(r: Rapport, raw: PersonInput): Promise<PersonDetail> {
  const { person: ref } = parseInput(PersonInput, raw);
  // A person's page is read far more often than anything on it changes: kept per workspace state.
  return byState(r, `person:${JSON.stringify(ref)}`, () => personDetail(r, ref));
}

async function personDetail(r: Rapport, ref: PersonInput['person']): Promise<PersonDetail> {
  const { store, ws } = r;
  const id = await resolvePersonId(store, ws, ref);
  const person = await store.people.get(ws, id);
  if (!person) throw new NotFoundError('person', String(ref));
  const [view, reports, counts, lastOneToOne, history, me] = await Promise.all([
    personView(store, ws, person),
    store.people.reports(ws, id),
    store.interactions.countForPerson(ws, id),
    store.interactions.lastOneToOne(ws, id),
    store.assessments.forPerson(ws, id),
    store.workspaces.me(ws),
  ]);
  const byInitiative = new Map<number, typeof history>();
  for (const a of history) byInitiative.set(a.initiativeId, [...(byInitiative.get(a.initiativeId) ?? []), a]);
  const assessments = [];
  for (const [initiativeId, list] of byInitiative) {
    const current = latestPerPerson(list).get(id)!;
    const initiative = await store.initiatives.get(ws, initiativeId);
    assessments.push({
      initiative: { id: initiativeId, name: initiative?.name ?? `#${initiativeId}` },
      influence: current.influence,
      stance: current.stance,
      interconnectedness: current.interconnectedness,
      assessedAt: current.assessedAt,
      note: current.note,
    });
  }
  const staged = me === id ? undefined : (await stagesFor(r, await loadSettings(r), [id])).get(id);
  return {
    ...view,
    isMe: me === id,
    stage: staged?.view ?? null,
    reports,
    interactions: { count: counts.count, lastAt: counts.last, lastOneToOneAt: lastOneToOne },
    assessments,
  };
}

/**
 * Removes a person and what belongs to them (ledger rows, assessments, plans, ties); their
 * reports move up to the removed person's manager. With `confirm: false` nothing is removed and
 * the answer says what would go.
 */
export async function removePerson(r: Rapport, raw: RemovePersonInput): Promise<RemovedPerson> {
  const { person: ref, confirm } = parseInput(RemovePersonInput, raw);
  return r.store.transaction(async (store) => {
    const id = await resolvePersonId(store, r.ws, ref);
    const person = (await store.people.get(r.ws, id))!;
    const [counts, assessments, plans, ties, everyone] = await Promise.all([
      store.interactions.countForPerson(r.ws, id),
      store.assessments.forPerson(r.ws, id),
      store.plans.list(r.ws, id),
      store.network.listTies(r.ws),
      store.people.list(r.ws),
    ]);
    const manager = person.managerId === null ? null : everyone.find((p) => p.id === person.managerId);
    const out: RemovedPerson = {
      person: { id, name: person.name },
      interactions: counts.count,
      assessments: assessments.length,
      plans: plans.length,
      ties: ties.filter((t) => t.fromId === id || t.toId === id).length,
      reports: everyone.filter((p) => p.managerId === id).map((p) => ({ id: p.id, name: p.name })),
      newManager: manager ? { id: manager.id, name: manager.name } : null,
      removed: confirm,
    };
    if (!confirm) return out;
    if ((await store.workspaces.me(r.ws)) === id) await store.workspaces.setMe(r.ws, null);
    await store.people.remove(r.ws, id, manager?.id ?? null);
    return out;
  });
}

export async function setMe(r: Rapport, raw: PersonInput): Promise<PersonView> {
  const { person: ref } = parseInput(PersonInput, raw);
  return r.store.transaction(async (store) => {
    const id = await resolvePersonId(store, r.ws, ref);
    await store.workspaces.setMe(r.ws, id);
    return personView(store, r.ws, (await store.people.get(r.ws, id))!);
  });
}

export async function getMe(r: Rapport): Promise<PersonView | null> {
  const id = await r.store.workspaces.me(r.ws);
  if (id === null) return null;
  const p = await r.store.people.get(r.ws, id);
  return p ? personView(r.store, r.ws, p) : null;
}
