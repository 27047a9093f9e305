import type { AssessmentView } from '../../contract/map.js';
import type { Assessment } from '../../domain/assessment.js';
import type { Store } from '../../store/index.js';

/** A stored assessment as results show it: whom and which initiative it places, by id and name. */
export function assessmentView(
  { id, personId, initiativeId, ...place }: Assessment,
  personName: string,
  initiativeName: string,
): AssessmentView {
  return {
    id,
    person: { id: personId, name: personName },
    initiative: { id: initiativeId, name: initiativeName },
    ...place,
  };
}

/** The same, reading the two names. */
export async function assessmentViewOf(store: Store, ws: number, a: Assessment): Promise<AssessmentView> {
  const [person, initiative] = await Promise.all([
    store.people.get(ws, a.personId),
    store.initiatives.get(ws, a.initiativeId),
  ]);
  return assessmentView(a, person?.name ?? `#${a.personId}`, initiative?.name ?? `#${a.initiativeId}`);
}
