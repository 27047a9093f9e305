import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// Whose ledger: an interaction belongs to the member who logged it (`author_id`; 0 is the CLI's
// local member before any account) and is private to them unless `shared` with the workspace.
// A balance is the capital between its author and a person, so the ledger rows carry the author
// (`interaction_people.member_id`) and the rollup is kept per member. Every existing entry goes
// to the workspace's owner when it has one, else to member 0, as tiers did in 0720; nothing is
// shared until its author says so.
// The indexes gain the member after the workspace: every ledger read asks for one member's rows.
// The rollup is derived data: rebuilt keyed by member, everyone marked for recomputation.
const PRACTICE_KINDS = ['help-received', 'introduction-received', 'gratitude', 'coffee', 'lunch'];

const ROLLUP_TRIGGER_EVENTS = ['insert', 'delete', 'update'] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function dropRollupTriggers(db: Kysely<any>): Promise<void> {
  for (const event of ROLLUP_TRIGGER_EVENTS) {
    await sql
      .raw(
        `drop trigger if exists interaction_people_capital_${event}${isSqlite(db) ? '' : ' on interaction_people'}`,
      )
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
export async function createRollupTriggers(db: Kysely<any>, keys: readonly string[]): Promise<void> {
  const cols = keys.join(', ');
  if (isSqlite(db)) {
    const rows = { insert: ['new'], delete: ['old'], update: ['old', 'new'] } as const;
    for (const event of ROLLUP_TRIGGER_EVENTS) {
      const body = rows[event]
        .map(
          (r) =>
            `insert or ignore into capital_dirty (${cols}) values (${keys.map((k) => `${r}.${k}`).join(', ')});`,
        )
        .join('\n');
      await sql
        .raw(
          `create trigger interaction_people_capital_${event} after ${event} on interaction_people begin\n${body}\nend`,
        )
        .execute(db);
    }
    return;
  }
  await sql
    .raw(`create or replace function rapport_capital_dirty() returns trigger language plpgsql as $$
      begin
        if tg_op in ('INSERT', 'UPDATE') then
          insert into capital_dirty (${cols}) select distinct ${cols} from new_rows on conflict do nothing;
        end if;
        if tg_op in ('DELETE', 'UPDATE') then
          insert into capital_dirty (${cols}) select distinct ${cols} from old_rows on conflict do nothing;
        end if;
        return null;
      end $$`)
    .execute(db);
  const tables = {
    insert: 'new table as new_rows',
    delete: 'old table as old_rows',
    update: 'old table as old_rows new table as new_rows',
  } as const;
  for (const event of ROLLUP_TRIGGER_EVENTS) {
    await sql
      .raw(`create trigger interaction_people_capital_${event} after ${event} on interaction_people
        referencing ${tables[event]} for each statement execute function rapport_capital_dirty()`)
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
async function createRollup(db: Kysely<any>, keys: readonly string[]): Promise<void> {
  let dirty = db.schema.createTable('capital_dirty');
  for (const k of keys) dirty = dirty.addColumn(k, 'integer', (c) => c.notNull());
  await dirty.addPrimaryKeyConstraint('capital_dirty_pk', [...keys] as never).execute();
  let rollup = db.schema
    .createTable('person_capital')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'));
  if (keys.includes('member_id')) rollup = rollup.addColumn('member_id', 'integer', (c) => c.notNull());
  await rollup
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('half_life_days', 'integer', (c) => c.notNull())
    .addColumn('anchor_day', 'text', (c) => c.notNull())
    .addColumn('weighted', 'double precision', (c) => c.notNull())
    .addColumn('deposits', 'integer', (c) => c.notNull())
    .addColumn('withdrawals', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addColumn('max_day', 'text', (c) => c.notNull())
    .addColumn('weighted_deposits', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('weighted_withdrawals', 'double precision', (c) => c.notNull().defaultTo(0))
    .addColumn('last_one_to_one_at', 'text')
    .addColumn('last_group_at', 'text')
    .addColumn('large_meeting', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('person_capital_pk', [...keys] as never)
    .execute();
  await createRollupTriggers(db, keys);
  await sql
    .raw(
      `insert into capital_dirty (${keys.join(', ')}) select distinct ${keys.join(', ')} from interaction_people`,
    )
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
async function dropRollup(db: Kysely<any>): Promise<void> {
  await dropRollupTriggers(db);
  await db.schema.dropTable('person_capital').execute();
  await db.schema.dropTable('capital_dirty').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
async function practiceIndex(db: Kysely<any>, columns: string[]): Promise<void> {
  await db.schema.dropIndex('interactions_ws_practice').ifExists().execute();
  await db.schema
    .createIndex('interactions_ws_practice')
    .on('interactions')
    .columns(columns)
    .where((eb) => eb('kind', 'in', PRACTICE_KINDS))
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
export async function up(db: Kysely<any>): Promise<void> {
  // First, so the updates below do not mark a million rollup rows through the triggers.
  await dropRollup(db);
  await db.schema
    .alterTable('interactions')
    .addColumn('author_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('interactions')
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('interaction_people')
    .addColumn('member_id', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const owner = (table: string) =>
    sql.raw(`(select min(m.user_id) from members m
    where m.workspace_id = ${table}.workspace_id and m.role = 'owner')`);
  await sql`update interactions set author_id = ${owner('interactions')}
    where ${owner('interactions')} is not null`.execute(db);
  await sql`update interaction_people set member_id = ${owner('interaction_people')}
    where ${owner('interaction_people')} is not null`.execute(db);

  await db.schema.dropIndex('interaction_people_ws_person_date').execute();
  await db.schema
    .createIndex('interaction_people_ws_member_person_date')
    .on('interaction_people')
    .columns(['workspace_id', 'member_id', 'person_id', 'occurred_at'])
    .execute();
  await db.schema.dropIndex('interactions_ws_date').execute();
  await db.schema
    .createIndex('interactions_ws_author_date')
    .on('interactions')
    .columns(['workspace_id', 'author_id', 'occurred_at'])
    .execute();
  await practiceIndex(db, ['workspace_id', 'author_id', 'kind', 'occurred_at']);
  await createRollup(db, ['workspace_id', 'member_id', 'person_id']);
}

// biome-ignore lint/suspicious/noExplicitAny: see dropRollupTriggers
export async function down(db: Kysely<any>): Promise<void> {
  await dropRollup(db);
  await practiceIndex(db, ['workspace_id', 'kind', 'occurred_at']);
  await db.schema.dropIndex('interactions_ws_author_date').execute();
  await db.schema
    .createIndex('interactions_ws_date')
    .on('interactions')
    .columns(['workspace_id', 'occurred_at'])
    .execute();
  await db.schema.dropIndex('interaction_people_ws_member_person_date').execute();
  await db.schema
    .createIndex('interaction_people_ws_person_date')
    .on('interaction_people')
    .columns(['workspace_id', 'person_id', 'occurred_at'])
    .execute();
  await db.schema.alterTable('interaction_people').dropColumn('member_id').execute();
  await db.schema.alterTable('interactions').dropColumn('shared').execute();
  await db.schema.alterTable('interactions').dropColumn('author_id').execute();
  await createRollup(db, ['workspace_id', 'person_id']);
}
