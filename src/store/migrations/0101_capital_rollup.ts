import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

/**
 * A per-person rollup of the social-capital ledger, so balances, last contacts and the focus
 * list read one row per person instead of summing a million ledger rows on every call.
 *
 * Triggers on `interaction_people` note which people's rows changed (`capital_dirty`); readers
 * recompute just those people before reading. Triggers rather than calls in each writer, so an
 * importer or a future "edit interaction" cannot forget to keep the rollup true.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('capital_dirty')
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('capital_dirty_pk', ['workspace_id', 'person_id'])
    .execute();

  // `weighted` = Σ capital × 2^((day − anchor_day) / half_life_days): the balance on any later
  // day T is weighted × 0.5^((T − anchor_day) / half_life_days), exactly, with no rescan.
  await db.schema
    .createTable('person_capital')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('half_life_days', 'integer', (c) => c.notNull())
    .addColumn('anchor_day', 'text', (c) => c.notNull())
    .addColumn('weighted', 'double precision', (c) => c.notNull())
    .addColumn('deposits', 'integer', (c) => c.notNull())
    .addColumn('withdrawals', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('max_day', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('person_capital_pk', ['workspace_id', 'person_id'])
    .execute();

  if (isSqlite(db)) {
    for (const [event, rows] of [
      ['insert', ['new']],
      ['delete', ['old']],
      ['update', ['old', 'new']],
    ] as const) {
      const body = rows
        .map(
          (r) =>
            `insert or ignore into capital_dirty (workspace_id, person_id) values (${r}.workspace_id, ${r}.person_id);`,
        )
        .join('\n');
      await sql
        .raw(
          `create trigger interaction_people_capital_${event} after ${event} on interaction_people begin\n${body}\nend`,
        )
        .execute(db);
    }
  } else {
    await sql`
      create function rapport_capital_dirty() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          insert into capital_dirty (workspace_id, person_id)
            select distinct workspace_id, person_id from new_rows on conflict do nothing;
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
          insert into capital_dirty (workspace_id, person_id)
            select distinct workspace_id, person_id from old_rows on conflict do nothing;
        end if;
        return null;
      end $$`.execute(db);
    // Statement-level with transition tables: one insert per statement, not one per row.
    await sql`create trigger interaction_people_capital_insert after insert on interaction_people
      referencing new table as new_rows for each statement execute function rapport_capital_dirty()`.execute(
      db,
    );
    await sql`create trigger interaction_people_capital_delete after delete on interaction_people
      referencing old table as old_rows for each statement execute function rapport_capital_dirty()`.execute(
      db,
    );
    await sql`create trigger interaction_people_capital_update after update on interaction_people
      referencing old table as old_rows new table as new_rows for each statement execute function rapport_capital_dirty()`.execute(
      db,
    );
  }
  await sql`insert into capital_dirty (workspace_id, person_id)
    select distinct workspace_id, person_id from interaction_people`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const event of ['insert', 'delete', 'update']) {
    await sql
      .raw(
        `drop trigger if exists interaction_people_capital_${event}${isSqlite(db) ? '' : ' on interaction_people'}`,
      )
      .execute(db);
  }
  if (!isSqlite(db)) await sql`drop function if exists rapport_capital_dirty()`.execute(db);
  await db.schema.dropTable('person_capital').ifExists().execute();
  await db.schema.dropTable('capital_dirty').ifExists().execute();
}
