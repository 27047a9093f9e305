import { Migrator, sql } from 'kysely';
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

/** Workspace 1 ('team') with Ada, Bea and Cy (ids 1, 2, 3) written in an older schema's own tables. */
export async function seedTeamOfThree(conn: Connection, at: string): Promise<void> {
  await sql`insert into workspaces (id, name, me_person_id, created_at) values (1, 'team', null, ${at})`.execute(
    conn.db,
  );
  for (const [id, name] of [
    [1, 'Ada'],
    [2, 'Bea'],
    [3, 'Cy'],
  ] as const)
    await sql`insert into people (id, workspace_id, name, name_key, category, created_at, updated_at)
      values (${id}, 1, ${name}, ${name.toLowerCase()}, 'stakeholder', ${at}, ${at})`.execute(conn.db);
}
