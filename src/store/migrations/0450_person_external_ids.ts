import type { Kysely } from 'kysely';

// The ids other systems give a person (HRIS employee id, LinkedIn profile URL), kept from
// imports so later files (a ties CSV naming "E1023") can refer to people the way they do.
// One value names one person per kind in a workspace; a person may have several.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('person_external_ids')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_external_ids_pk', ['workspace_id', 'kind', 'value'])
    .execute();
  await db.schema
    .createIndex('person_external_ids_person')
    .on('person_external_ids')
    .columns(['workspace_id', 'person_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('person_external_ids').ifExists().execute();
}
