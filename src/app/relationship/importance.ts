import type { PeopleFilter, PersonListed, RankedPerson } from '../../contract/people.js';
import type { Rapport } from '../core/context.js';
import { byState } from '../core/state-cache.js';
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

/**
 * The people list as the API pages it (by name, or most important first), kept per workspace
 * state (core/state-cache): a browser reading 10,000 people a thousand at a time costs one
 * computation, then a slice per page.
 */
export function peopleListed(
  r: Rapport,
  filter: PeopleFilter,
  sort: 'name' | 'importance',
): Promise<readonly (PersonListed | RankedPerson)[]> {
  return byState(r, `people:${sort}:${JSON.stringify(filter)}`, () =>
    sort === 'importance' ? peopleByImportance(r, filter) : listPeople(r, filter),
  );
}
