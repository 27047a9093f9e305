import type { Kysely } from 'kysely';

// A counter per workspace that every write raises (store.ts and database.ts say where), so an
// answer computed from a workspace can be kept until the workspace changes, by any process.
// Row 0 is the whole database: writes that name no workspace raise it, and every workspace's
// version includes it. No foreign key, for that row's sake.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('state_versions')
    .addColumn('workspace_id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('state_versions').ifExists().execute();
}
