import { type Kysely, sql } from 'kysely';
import { createRollupTriggers, dropRollupTriggers } from './0760_member_ledger.js';

// Each ledger row carries its interaction's kind, as it already carries the date, capital and
// party size: how often someone had coffee or lunch with me (a relationship's stage) is then
// read from the member's ledger rows alone. Joining each row to its interaction for the kind was
// most of a focus on PostgreSQL (20 people's 2,370 rows: 18 ms with the join, 2 ms without).
// The member's ledger index ends with the size and the kind, so those reads never leave it
// (20 people: 0.9 ms on PostgreSQL; everyone's engagement in one pass: 0.19 s on SQLite against
// 0.4 s through the interactions' indexes).
// The rollup's triggers are set aside while the column fills: the kind changes no balance.
const ROLLUP_KEYS = ['workspace_id', 'member_id', 'person_id'];

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await dropRollupTriggers(db);
  await db.schema
    .alterTable('interaction_people')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // UPDATE … FROM: SQLite 3.33+, PostgreSQL.
  await sql`update interaction_people set kind = i.kind
    from interactions i where i.id = interaction_people.interaction_id`.execute(db);
  await createRollupTriggers(db, ROLLUP_KEYS);
  await ledgerIndex(db, [...LEDGER_INDEX, 'party', 'kind']);
}

const LEDGER_INDEX = ['workspace_id', 'member_id', 'person_id', 'occurred_at'];

// biome-ignore lint/suspicious/noExplicitAny: see up()
async function ledgerIndex(db: Kysely<any>, columns: string[]): Promise<void> {
  await db.schema.dropIndex('interaction_people_ws_member_person_date').execute();
  await db.schema
    .createIndex('interaction_people_ws_member_person_date')
    .on('interaction_people')
    .columns(columns)
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await ledgerIndex(db, LEDGER_INDEX);
  await dropRollupTriggers(db);
  await db.schema.alterTable('interaction_people').dropColumn('kind').execute();
  await createRollupTriggers(db, ROLLUP_KEYS);
}
