import type { Kysely } from 'kysely';

// A removed ledger entry is kept for a while so "undo" can bring it back: the web app offers it
// right after a delete, and the CLI prints the command. The entry is kept whole (its fields and
// its people) as JSON, by the id it had.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('removed_interactions')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('id', 'integer', (c) => c.notNull())
    .addColumn('entry', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('removed_interactions_pk', ['workspace_id', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('removed_interactions').ifExists().execute();
}
