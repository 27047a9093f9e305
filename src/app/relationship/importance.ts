import type { PeopleFilter, RankedPerson } from '../../contract/people.js';
import type { Rapport } from '../core/context.js';
import { listPeople } from '../people/people.js';
import { importanceFor, loadSettings } from './relationship-data.js';

export type { RankedPerson };

/** Everyone, most important first, each with the components of their score (docs/scoring.md). */
export async function peopleByImportance(r: Rapport, filter: PeopleFilter = {}): Promise<RankedPerson[]> {
  const [people, settings] = await Promise.all([listPeople(r, filter), loadSettings(r)]);
  const scores = await importanceFor(
    r,
    settings,
    people.map((p) => p.id),
  );
  return people
    .map((p) => ({ ...p, importance: scores.get(p.id)! }))
    .sort((a, b) => b.importance.score - a.importance.score || a.name.localeCompare(b.name) || a.id - b.id);
}
