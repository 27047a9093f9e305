import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// SQLite: person_external_ids becomes a WITHOUT ROWID table, stored in the order of its
// primary key (workspace, kind, value). As a rowid table every id written went into the table
// and into the primary key's own index as well; a first org chart import of a million rows
// writes one fewer B-tree entry per person (issue 11), and a lookup by value reads the row
// straight from the key. PostgreSQL keeps its heap table and primary key index as they are.

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
async function rebuild(db: Kysely<any>, withoutRowid: boolean): Promise<void> {
  if (!isSqlite(db)) return;
  await db.schema
    .createTable('person_external_ids_next')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_external_ids_pk', ['workspace_id', 'kind', 'value'])
    .$call((t) => (withoutRowid ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  await sql`insert into person_external_ids_next (workspace_id, person_id, kind, value)
    select workspace_id, person_id, kind, value from person_external_ids`.execute(db);
  await db.schema.dropTable('person_external_ids').execute();
  await db.schema.alterTable('person_external_ids_next').renameTo('person_external_ids').execute();
  await db.schema
    .createIndex('person_external_ids_person')
    .on('person_external_ids')
    .columns(['workspace_id', 'person_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see rebuild()
export async function up(db: Kysely<any>): Promise<void> {
  await rebuild(db, true);
}

// biome-ignore lint/suspicious/noExplicitAny: see rebuild()
export async function down(db: Kysely<any>): Promise<void> {
  await rebuild(db, false);
}
