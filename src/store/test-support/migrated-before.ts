import { Migrator } from 'kysely';
import { type Connection, openConnection } from '../database.js';
import { migrations } from '../migrations/index.js';

/** A database migrated up to (not including) `name`: the schema an older Rapport left behind. */
export async function migratedBefore(location: string, name: string): Promise<Connection> {
  const conn = await openConnection(location);
  const before = Object.fromEntries(Object.entries(migrations).filter(([n]) => n < name));
  const { error } = await new Migrator({
    db: conn.db,
    provider: { getMigrations: async () => before },
  }).migrateToLatest();
  if (error) throw error;
  return conn;
}
