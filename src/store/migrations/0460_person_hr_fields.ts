import type { Kysely } from 'kysely';

// Where a person works and the day they joined, as an HR file gives them. A new joiner's first
// weeks and a colleague in another office change how to meet them; an org chart that carries
// these should not lose them. The hire date is a calendar day (YYYY-MM-DD), like every day here.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('location', 'text').execute();
  await db.schema.alterTable('people').addColumn('hire_date', 'text').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').dropColumn('hire_date').execute();
  await db.schema.alterTable('people').dropColumn('location').execute();
}
