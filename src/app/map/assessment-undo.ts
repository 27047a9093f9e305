import { parseInput } from '../../contract/common.js';
import { AssessmentIdInput, type AssessmentView, UndoAssessmentInput } from '../../contract/map.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';
import { assessmentView, assessmentViewOf } from './assessment-view.js';

/** Removes one assessment by id; the map shows the one before it again. */
export async function removeAssessment(r: Rapport, raw: AssessmentIdInput): Promise<AssessmentView> {
  const { id } = parseInput(AssessmentIdInput, raw);
  return r.store.transaction(async (store) => {
    const found = await store.assessments.get(r.ws, id);
    if (!found) throw new NotFoundError('assessment', `#${id}`);
    const view = await assessmentViewOf(store, r.ws, found);
    await store.assessments.remove(r.ws, id);
    return view;
  });
}

/** Takes back the latest assessment of a person on an initiative. */
export async function undoAssessment(r: Rapport, raw: UndoAssessmentInput): Promise<AssessmentView> {
  const input = parseInput(UndoAssessmentInput, raw);
  return r.store.transaction(async (store) => {
    const personId = await resolvePersonId(store, r.ws, input.person);
    const initiative = await resolveInitiative(store, r.ws, input.initiative);
    const latest = (await store.assessments.forPerson(r.ws, personId))
      .filter((a) => a.initiativeId === initiative.id)
      .at(-1);
    if (!latest) throw new NotFoundError('assessment', `${input.person} on ${initiative.name}`);
    const view = await assessmentViewOf(store, r.ws, latest);
    await store.assessments.remove(r.ws, latest.id);
    return view;
  });
}

/** Every assessment of a person, oldest first, with ids and the initiative's name. */
export async function assessmentsOf(r: Rapport, person: number | string): Promise<AssessmentView[]> {
  const personId = await resolvePersonId(r.store, r.ws, person);
  const [names, who] = await Promise.all([
    r.store.initiatives.list(r.ws).then((l) => new Map(l.map((i) => [i.id, i.name]))),
    r.store.people.get(r.ws, personId),
  ]);
  return (await r.store.assessments.forPerson(r.ws, personId)).map((a) =>
    assessmentView(a, who?.name ?? `#${personId}`, names.get(a.initiativeId) ?? `#${a.initiativeId}`),
  );
}
