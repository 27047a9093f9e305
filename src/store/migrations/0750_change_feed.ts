import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// PostgreSQL tells every listening server process when what a signed-in request depends on
// changes: a workspace's state version (every write raises one), a session ended or moved, a
// membership or a user changed. A process keeps sessions and versions in memory while it
// listens (store/change-feed.ts) instead of reading them on every request. Triggers rather than
// calls in the repositories: any process and any statement, bulk paths included, notifies, and
// the notification is sent at commit, never for a rolled-back write. SQLite has no such channel.

/** The channel the triggers notify and servers listen on. */
export const CHANGE_CHANNEL = 'rapport_changes';

const WATCHED: [table: string, events: string][] = [
  ['state_versions', 'insert or update or delete'],
  ['sessions', 'update or delete'],
  ['members', 'insert or update or delete'],
  ['users', 'update or delete'],
];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  await sql
    .raw(`create or replace function rapport_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('${CHANGE_CHANNEL}', tg_table_name);
  return null;
end $$`)
    .execute(db);
  for (const [table, events] of WATCHED)
    await sql
      .raw(
        `create trigger ${table}_changed after ${events} on ${table} for each statement execute function rapport_changed()`,
      )
      .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const [table] of WATCHED)
    await sql.raw(`drop trigger if exists ${table}_changed on ${table}`).execute(db);
  await sql`drop function if exists rapport_changed()`.execute(db);
}
