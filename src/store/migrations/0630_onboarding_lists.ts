import type { Kysely } from 'kysely';
import { idType } from './columns.js';

// "People to meet" lists an owner or editor makes for a new member: who, why, in which order.
// `person_id` is who the member is in the workspace's org chart, when known, so Rapport can
// suggest the people the list misses from there.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('onboarding_lists')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('onboarding_lists_ws_member')
    .on('onboarding_lists')
    .columns(['workspace_id', 'member_id'])
    .execute();
  await db.schema
    .createTable('onboarding_items')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('list_id', 'integer', (c) => c.notNull().references('onboarding_lists.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('why', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('onboarding_items_list').on('onboarding_items').column('list_id').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('onboarding_items').ifExists().execute();
  await db.schema.dropTable('onboarding_lists').ifExists().execute();
}
