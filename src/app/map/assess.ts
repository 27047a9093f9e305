import { parseInput } from '../../contract/common.js';
import { AssessInput, type AssessResult } from '../../contract/map.js';
import { assessmentFields } from '../../domain/assessment.js';
import { pastInstant } from '../../domain/dates.js';
import { PreconditionError } from '../../domain/errors.js';
import { isActive } from '../../domain/initiative.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';
import { assessmentView } from './assessment-view.js';

export type { AssessResult };

/** Records a new placement of a person on an initiative's map (history is kept). */
export async function assess(r: Rapport, raw: AssessInput): Promise<AssessResult> {
  const { person: personRef, ...cmd } = parseInput(AssessInput, raw);
  const fields = assessmentFields(cmd);
  const assessedAt = pastInstant(cmd.date, r.now(), 'date');
  return r.store.transaction(async (store) => {
    const personId = await resolvePersonId(store, r.ws, personRef);
    const initiative = await resolveInitiative(store, r.ws, cmd.initiative);
    if (!isActive(initiative)) {
      throw new PreconditionError(
        'active-initiative',
        `The initiative "${initiative.name}" is archived; assessments are closed.`,
      );
    }
    const before = (await store.assessments.forPerson(r.ws, personId)).filter(
      (a) => a.initiativeId === initiative.id && a.assessedAt <= assessedAt,
    );
    const prev = before.at(-1);
    const saved = await store.assessments.insert(r.ws, initiative.id, personId, fields, assessedAt);
    const person = (await store.people.get(r.ws, personId))!;
    return {
      ...assessmentView(saved, person.name, initiative.name),
      previous: prev ? { influence: prev.influence, stance: prev.stance, assessedAt: prev.assessedAt } : null,
    };
  });
}
