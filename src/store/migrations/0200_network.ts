import type { Kysely } from 'kysely';
import { idType } from './columns.js';

// The influence network: declared ties between people, a per-workspace counter bumped on every
// tie change (part of the network's version), and computed metrics cached per version.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('ties')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('from_person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('to_person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // One tie per (from, to, kind): declaring it again updates its weight.
  await db.schema
    .createIndex('ties_ws_from_to_kind')
    .on('ties')
    .columns(['workspace_id', 'from_person_id', 'to_person_id', 'kind'])
    .unique()
    .execute();
  await db.schema.createIndex('ties_ws_to').on('ties').columns(['workspace_id', 'to_person_id']).execute();

  await db.schema
    .createTable('network_versions')
    .addColumn('workspace_id', 'integer', (c) =>
      c.primaryKey().references('workspaces.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('network_cache')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_cache_pk', ['workspace_id', 'key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_cache').ifExists().execute();
  await db.schema.dropTable('network_versions').ifExists().execute();
  await db.schema.dropTable('ties').ifExists().execute();
}
