import type { Kysely } from 'kysely';
import { idType } from './columns.js';

// Improvement plans, and the index that finds the interactions tagged with an initiative.
// (Per-person ledger reads use the foundation's (workspace, person, date) index; every extra
// index on the ledger tables slows each logged interaction and every bulk import.)
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('plans')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('strategy', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('plans_ws_person').on('plans').columns(['workspace_id', 'person_id']).execute();

  await db.schema
    .createTable('plan_steps')
    .addColumn('id', idType(db), (c) => c.primaryKey())
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('plan_steps_plan').on('plan_steps').columns(['plan_id']).execute();
  await db.schema
    .createIndex('plan_steps_ws_due')
    .on('plan_steps')
    .columns(['workspace_id', 'due'])
    .execute();

  await db.schema
    .createIndex('interactions_ws_initiative')
    .on('interactions')
    .columns(['workspace_id', 'initiative_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('interactions_ws_initiative').ifExists().execute();
  await db.schema.dropTable('plan_steps').ifExists().execute();
  await db.schema.dropTable('plans').ifExists().execute();
}
