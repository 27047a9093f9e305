import { type Kysely, sql } from 'kysely';

// The capital rollup keeps two more things per person:
// - deposits and withdrawals decayed apart (`weighted_deposits − weighted_withdrawals` =
//   `weighted`), so a balance can be shown as the two parts that make it up today;
// - the last one-to-one and the last small group meeting, so a care cadence counts real
//   contact: a large meeting (over `cadence.largeMeeting` people, me included) is attendance,
//   not care. `large_meeting` is the threshold the row was built with; a row built with another
//   is stale, as one built with another half-life is.
// Each ledger row keeps how many people the interaction had when it was logged (`party`, me
// not counted: 1 is a one-to-one), beside the date and capital it already copies, so the rollup
// reads sizes without counting every interaction's people again.
// Every person is marked for recomputation, so the new columns fill on the next read.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  for (const [column, type] of [
    ['weighted_deposits', 'double precision'],
    ['weighted_withdrawals', 'double precision'],
  ] as const) {
    await db.schema
      .alterTable('person_capital')
      .addColumn(column, type, (c) => c.notNull().defaultTo(0))
      .execute();
  }
  await db.schema.alterTable('person_capital').addColumn('last_one_to_one_at', 'text').execute();
  await db.schema.alterTable('person_capital').addColumn('last_group_at', 'text').execute();
  await db.schema
    .alterTable('person_capital')
    .addColumn('large_meeting', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // SQLite reads "select … on conflict" as a join without the "where true" between them.
  await db.schema
    .alterTable('interaction_people')
    .addColumn('party', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  // One grouped pass, not a count per row (UPDATE … FROM: SQLite 3.33+, PostgreSQL).
  await sql`update interaction_people set party = sizes.n
    from (select interaction_id, count(*) as n from interaction_people group by interaction_id) as sizes
    where sizes.interaction_id = interaction_people.interaction_id and sizes.n <> 1`.execute(db);
  await sql`insert into capital_dirty (workspace_id, person_id)
    select distinct workspace_id, person_id from interaction_people where true
    on conflict do nothing`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('interaction_people').dropColumn('party').execute();
  for (const column of [
    'large_meeting',
    'last_group_at',
    'last_one_to_one_at',
    'weighted_withdrawals',
    'weighted_deposits',
  ]) {
    await db.schema.alterTable('person_capital').dropColumn(column).execute();
  }
}
