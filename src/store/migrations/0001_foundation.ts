import type { Kysely } from 'kysely';
import { idType } from './columns.js';

// Written with Kysely's schema builder only, so the same migration runs on SQLite and PostgreSQL.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('workspaces')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('me_person_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('team', 'text')
    .addColumn('department', 'text')
    .addColumn('level', 'integer')
    .addColumn('manager_id', 'integer', (c) => c.references('people.id').onDelete('set null'))
    .addColumn('phone', 'text')
    .addColumn('company', 'text')
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('cadence_days', 'integer')
    .addColumn('interests', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('communication', 'text')
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_ws_name').on('people').columns(['workspace_id', 'name_key']).execute();
  await db.schema
    .createIndex('people_ws_manager')
    .on('people')
    .columns(['workspace_id', 'manager_id'])
    .execute();

  await db.schema
    .createTable('person_emails')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_emails_pk', ['workspace_id', 'email'])
    .execute();
  await db.schema.createIndex('person_emails_person').on('person_emails').column('person_id').execute();

  await db.schema
    .createTable('initiatives')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addUniqueConstraint('initiatives_ws_name', ['workspace_id', 'name_key'])
    .execute();

  await db.schema
    .createTable('assessments')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('initiative_id', 'integer', (c) =>
      c.notNull().references('initiatives.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('influence', 'integer', (c) => c.notNull())
    .addColumn('stance', 'integer', (c) => c.notNull())
    .addColumn('interconnectedness', 'integer')
    .addColumn('note', 'text')
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assessments_ws_initiative_person')
    .on('assessments')
    .columns(['workspace_id', 'initiative_id', 'person_id', 'assessed_at'])
    .execute();
  await db.schema
    .createIndex('assessments_ws_person')
    .on('assessments')
    .columns(['workspace_id', 'person_id', 'assessed_at'])
    .execute();

  await db.schema
    .createTable('interactions')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('capital', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('initiative_id', 'integer', (c) => c.references('initiatives.id').onDelete('set null'))
    .addColumn('source', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('interactions_ws_date')
    .on('interactions')
    .columns(['workspace_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('interactions_ws_source')
    .on('interactions')
    .columns(['workspace_id', 'source'])
    // Only imported entries carry a source to match on; hand-logged ones need no index entry.
    .where('source', 'is not', null)
    .execute();

  await db.schema
    .createTable('interaction_people')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('interaction_id', 'integer', (c) =>
      c.notNull().references('interactions.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('capital', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('interaction_people_pk', ['interaction_id', 'person_id'])
    .execute();
  // A person's ledger by date, window counts and the capital rollup's rebuilds all read this.
  await db.schema
    .createIndex('interaction_people_ws_person_date')
    .on('interaction_people')
    .columns(['workspace_id', 'person_id', 'occurred_at'])
    .execute();
  await db.schema
    .createIndex('interaction_people_person')
    .on('interaction_people')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('settings_pk', ['workspace_id', 'key'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'settings',
    'interaction_people',
    'interactions',
    'assessments',
    'initiatives',
    'person_emails',
    'people',
    'workspaces',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
