import { parseInput } from '../../contract/common.js';
import { AssessmentIdInput, UndoAssessmentInput } from '../../contract/map.js';
import type { Assessment } from '../../domain/assessment.js';
import { NotFoundError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';

/** Removes one assessment by id; the map shows the one before it again. */
export async function removeAssessment(r: Rapport, raw: AssessmentIdInput): Promise<Assessment> {
  const { id } = parseInput(AssessmentIdInput, raw);
  return r.store.transaction(async (store) => {
    const found = await store.assessments.get(r.ws, id);
    if (!found) throw new NotFoundError('assessment', `#${id}`);
    await store.assessments.remove(r.ws, id);
    return found;
  });
}

/** Takes back the latest assessment of a person on an initiative. */
export async function undoAssessment(r: Rapport, raw: UndoAssessmentInput): Promise<Assessment> {
  const input = parseInput(UndoAssessmentInput, raw);
  return r.store.transaction(async (store) => {
    const personId = await resolvePersonId(store, r.ws, input.person);
    const initiative = await resolveInitiative(store, r.ws, input.initiative);
    const latest = (await store.assessments.forPerson(r.ws, personId))
      .filter((a) => a.initiativeId === initiative.id)
      .at(-1);
    if (!latest) throw new NotFoundError('assessment', `${input.person} on ${initiative.name}`);
    await store.assessments.remove(r.ws, latest.id);
    return latest;
  });
}

/** Every assessment of a person, oldest first, with ids and the initiative's name. */
export async function assessmentsOf(
  r: Rapport,
  person: number | string,
): Promise<(Assessment & { initiative: string })[]> {
  const personId = await resolvePersonId(r.store, r.ws, person);
  const names = new Map((await r.store.initiatives.list(r.ws)).map((i) => [i.id, i.name]));
  return (await r.store.assessments.forPerson(r.ws, personId)).map((a) => ({
    ...a,
    initiative: names.get(a.initiativeId) ?? `#${a.initiativeId}`,
  }));
}
