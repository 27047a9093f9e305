import { type Connection, isPostgresUrl, openConnection } from './database.js';
import { migrateToLatest } from './migrate.js';
import { Store } from './store.js';

export type { Connection, DialectName } from './database.js';
export { isPostgresUrl } from './database.js';
export type { LedgerEntry, NewInteraction } from './repositories/interactions.js';
export { nameKey } from './repositories/people.js';
export type { Database } from './schema.js';
export { Store } from './store.js';

/** Opens the database at a file path or postgres:// URL and brings its schema up to date. */
export async function openStore(location: string): Promise<Store> {
  const conn: Connection = await openConnection(location);
  try {
    await migrateToLatest(conn);
  } catch (e) {
    await conn.close();
    throw e;
  }
  return new Store(conn.db, conn);
}

export const describeLocation = (location: string): string =>
  isPostgresUrl(location) ? 'PostgreSQL' : 'SQLite';
export { type BulkPerson, insertInteractions, insertPeople } from './bulk.js';
