import { type Kysely, sql } from 'kysely';

// Whose data: an improvement plan belongs to the member who made it (0: the CLI's local member
// before any account, as in 0720). Existing plans go to the workspace's owner when it has one.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('plans')
    .addColumn('author_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update plans set author_id = coalesce((select min(m.user_id) from members m
    where m.workspace_id = plans.workspace_id and m.role = 'owner'), 0)`.execute(db);
  await db.schema.createIndex('plans_ws_author').on('plans').columns(['workspace_id', 'author_id']).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('plans_ws_author').execute();
  await db.schema.alterTable('plans').dropColumn('author_id').execute();
}
