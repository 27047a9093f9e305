import type { PersonFields } from '../domain/person.js';
import type { NewInteraction } from './repositories/interactions.js';
import type { Store } from './store.js';

export interface BulkPerson {
  fields: PersonFields;
  managerId: number | null;
}

/**
 * Inserts many people in one go and returns their ids in input order, through the importer's
 * batched statements. Call it inside `store.transaction` so it is all-or-nothing and one fsync.
 */
export async function insertPeople(
  store: Store,
  ws: number,
  rows: BulkPerson[],
  now: string,
): Promise<number[]> {
  return store.imports.insertPeople(
    ws,
    rows.map(({ fields, managerId }) => ({ ...fields, managerId, createdAt: now, updatedAt: now })),
  );
}

/** Inserts many interactions (with their participants); returns how many. Same rules as insertPeople. */
export async function insertInteractions(
  store: Store,
  ws: number,
  rows: NewInteraction[],
  now: string,
): Promise<number> {
  await store.imports.insertInteractions(
    ws,
    rows.map((r) => ({ ...r, createdAt: now })),
  );
  return rows.length;
}
