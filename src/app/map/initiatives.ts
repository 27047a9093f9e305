import { parseInput } from '../../contract/common.js';
import {
  AddInitiativeInput,
  type InitiativeDetail,
  InitiativeInput,
  type InitiativeSummary,
  ListInitiativesInput,
} from '../../contract/map.js';
import { type Assessment, latestPerPerson } from '../../domain/assessment.js';
import { ConflictError } from '../../domain/errors.js';
import { type Initiative, isActive, newInitiativeFields } from '../../domain/initiative.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative } from '../core/resolve.js';

export async function addInitiative(r: Rapport, raw: AddInitiativeInput): Promise<Initiative> {
  const fields = newInitiativeFields(parseInput(AddInitiativeInput, raw));
  return r.store.transaction(async (store) => {
    const existing = await store.initiatives.byName(r.ws, fields.name);
    if (existing)
      throw new ConflictError(`An initiative named "${existing.name}" already exists (#${existing.id}).`);
    const id = await store.initiatives.insert(r.ws, fields.name, fields.description, r.now().toISOString());
    return (await store.initiatives.get(r.ws, id))!;
  });
}

export type { InitiativeDetail, InitiativeSummary };

export async function listInitiatives(r: Rapport, raw?: ListInitiativesInput): Promise<InitiativeSummary[]> {
  const opts = parseInput(ListInitiativesInput, raw);
  const list = await r.store.initiatives.list(r.ws, { includeArchived: opts?.all ?? false });
  return Promise.all(
    list.map(async (i) => {
      const history = await r.store.assessments.forInitiative(r.ws, i.id);
      return { ...i, assessedPeople: latestPerPerson(history).size };
    }),
  );
}

export async function showInitiative(r: Rapport, raw: InitiativeInput): Promise<InitiativeDetail> {
  const initiative = await resolveInitiative(r.store, r.ws, parseInput(InitiativeInput, raw).initiative);
  const history = await r.store.assessments.forInitiative(r.ws, initiative.id);
  const current = latestPerPerson(history);
  const counts = new Map<number, number>();
  for (const a of history) counts.set(a.personId, (counts.get(a.personId) ?? 0) + 1);
  const assessments = [];
  for (const a of current.values()) {
    const person = await r.store.people.get(r.ws, a.personId);
    assessments.push({
      person: { id: a.personId, name: person?.name ?? `#${a.personId}` },
      influence: a.influence,
      stance: a.stance,
      interconnectedness: a.interconnectedness,
      assessedAt: a.assessedAt,
      note: a.note,
      history: counts.get(a.personId) ?? 1,
    });
  }
  assessments.sort((a, b) => b.influence - a.influence || a.person.name.localeCompare(b.person.name));
  return { ...initiative, assessments };
}

export async function archiveInitiative(r: Rapport, raw: InitiativeInput): Promise<Initiative> {
  const { initiative: ref } = parseInput(InitiativeInput, raw);
  return r.store.transaction(async (store) => {
    const initiative = await resolveInitiative(store, r.ws, ref);
    if (!isActive(initiative)) return initiative;
    await store.initiatives.archive(r.ws, initiative.id, r.now().toISOString());
    return (await store.initiatives.get(r.ws, initiative.id))!;
  });
}

/** Every assessment ever made on an initiative, oldest first: the trails on its map. */
export async function assessmentHistory(r: Rapport, raw: InitiativeInput): Promise<Assessment[]> {
  const { initiative } = parseInput(InitiativeInput, raw);
  const found = await resolveInitiative(r.store, r.ws, initiative);
  return r.store.assessments.forInitiative(r.ws, found.id);
}
