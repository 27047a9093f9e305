import { parseInput } from '../../contract/common.js';
import { PeopleNamesInput } from '../../contract/people.js';
import type { Rapport } from '../core/context.js';

/**
 * The names of a few people by id: what a page needs to link the people a reason names, without
 * listing the whole workspace (the people list comes a page of 1,000 at a time).
 */
export async function peopleNames(
  r: Rapport,
  raw: PeopleNamesInput,
): Promise<{ id: number; name: string }[]> {
  const { ids } = parseInput(PeopleNamesInput, raw);
  if (ids.length === 0) return [];
  const people = await r.store.relationship.people(r.ws, { ids: [...new Set(ids)] });
  return people.map((p) => ({ id: p.id, name: p.name }));
}
