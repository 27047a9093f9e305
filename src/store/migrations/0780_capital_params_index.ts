import type { Kysely } from 'kysely';

// Every read of balances first asks whether any rollup row was built with other parameters
// (half-life, meeting size) than the settings'. Without an index that is a pass over the
// member's whole rollup, one row per person (focus asked it three times per call); with the
// parameters after the member's key, it reads the lowest and highest at the two ends instead.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('person_capital_params')
    .on('person_capital')
    .columns(['workspace_id', 'member_id', 'half_life_days', 'large_meeting'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('person_capital_params').execute();
}
