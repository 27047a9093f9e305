import type { Kysely } from 'kysely';

// The practices (thanks owed, informal contact) read the ledger by kind. A partial index over
// the few kinds they read keeps those reads off the million other entries, and costs writes of
// every other kind nothing. Queries must repeat the index's condition (PRACTICE_KINDS_SQL) for
// SQLite to use it.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('interactions_ws_practice')
    .on('interactions')
    .columns(['workspace_id', 'kind', 'occurred_at'])
    .where((eb) =>
      eb('kind', 'in', ['help-received', 'introduction-received', 'gratitude', 'coffee', 'lunch']),
    )
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('interactions_ws_practice').ifExists().execute();
}
