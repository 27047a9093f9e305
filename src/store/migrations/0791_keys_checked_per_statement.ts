import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// PostgreSQL checks a foreign key row by row: each row written looks up and locks the row it
// names. The tables a big import fills spend most of the server's time there: a million new
// ties spent 8.9 of 13.6 s in their three keys; a million-row org chart, 13.5 of 34 s in the
// keys of people (workspace, manager) and of their employee ids (workspace, person). Here those
// keys are checked once per statement instead: a statement trigger with the statement's rows
// locks the rows they name as a foreign key would (FOR KEY SHARE, so none can be deleted until
// the writer commits) and refuses the statement with the foreign-key error a constraint raises
// (code 23503, table, column and key, so users read the same message). Deleting a named row
// does what the constraint's ON DELETE did, in a statement trigger on its table.
// SQLite keeps its foreign keys: they cost it little.

interface Key {
  column: string;
  parent: 'people' | 'workspaces';
  onDelete: 'cascade' | 'set null';
}

/** The keys checked per statement, by child table; each was `<table>_<column>_fkey`. */
const KEYS: Record<'ties' | 'people' | 'person_external_ids', Key[]> = {
  ties: [
    { column: 'from_person_id', parent: 'people', onDelete: 'cascade' },
    { column: 'to_person_id', parent: 'people', onDelete: 'cascade' },
    { column: 'workspace_id', parent: 'workspaces', onDelete: 'cascade' },
  ],
  people: [
    { column: 'workspace_id', parent: 'workspaces', onDelete: 'cascade' },
    { column: 'manager_id', parent: 'people', onDelete: 'set null' },
  ],
  person_external_ids: [
    { column: 'person_id', parent: 'people', onDelete: 'cascade' },
    { column: 'workspace_id', parent: 'workspaces', onDelete: 'cascade' },
  ],
};

const TABLES = Object.keys(KEYS) as (keyof typeof KEYS)[];
const PARENTS = ['people', 'workspaces'] as const;

// Counting, not an anti-join with LIMIT 1: with a limit the planner expects a missing row early
// and compares every pair (1.1 s for 5,000 ties); the counts are hashes over the statement's rows.
// EXECUTE, planned for each statement: PL/pgSQL would keep the plan it made when the parent
// table was small (a sequential scan) for the rest of the session, and an import into an empty
// workspace then scanned all of people for each batch (204–218 s for a million people).
// The keys naming one parent table are checked together (a tie's two people: one lookup and one
// lock per person the statement names, not two).
const checkOf = (table: string, parent: string, keys: Key[]) => `
    execute 'with wanted as (${keys
      .map((k) => `select ${k.column} as id from new_rows where ${k.column} is not null`)
      .join(' union ')}),
      present as (select x.id from ${parent} x where x.id in (select id from wanted) for key share of x)
    select (select count(*) from wanted) - (select count(*) from present)' into missing;
    if missing > 0 then${keys
      .map(
        (k) => `
      select n.${k.column} into missing from new_rows n where n.${k.column} is not null
        and not exists (select 1 from ${parent} x where x.id = n.${k.column}) limit 1;
      if found then
        raise exception 'insert or update on table "${table}" violates foreign key constraint "${table}_${k.column}_fkey"'
          using errcode = '23503', table = '${table}', column = '${k.column}', constraint = '${table}_${k.column}_fkey',
            detail = format('Key (${k.column})=(%s) is not present in table "${parent}".', missing);
      end if;`,
      )
      .join('')}
    end if;`;

const checkFunction = (table: keyof typeof KEYS) => `
  create or replace function rapport_check_${table}() returns trigger language plpgsql as $$
  declare missing integer;
  begin${PARENTS.map((parent) => ({ parent, keys: KEYS[table].filter((k) => k.parent === parent) }))
    .filter((g) => g.keys.length > 0)
    .map((g) => checkOf(table, g.parent, g.keys))
    .join('')}
    return null;
  end $$`;

// Each child's rows are found through an index that starts with the workspace: a person's
// rows by (workspace, person), a workspace's by its id. A deleted person's reports move to
// nobody before anything else goes, as SET NULL did.
const actionOf = (parent: string, table: string, k: Key) => {
  const match =
    parent === 'workspaces'
      ? `c.workspace_id = o.id`
      : `c.workspace_id = o.workspace_id and c.${k.column} = o.id`;
  return k.onDelete === 'set null'
    ? `update ${table} c set ${k.column} = null from old_rows o where ${match};`
    : `delete from ${table} c using old_rows o where ${match};`;
};

const deleteFunction = (parent: (typeof PARENTS)[number]) => {
  const actions = TABLES.flatMap((t) =>
    KEYS[t].filter((k) => k.parent === parent).map((k) => ({ t, k })),
  ).sort((a, b) => (a.k.onDelete === 'set null' ? 0 : 1) - (b.k.onDelete === 'set null' ? 0 : 1));
  return `
  create or replace function rapport_${parent}_deleted() returns trigger language plpgsql as $$
  begin
    ${actions.map(({ t, k }) => actionOf(parent, t, k)).join('\n    ')}
    return null;
  end $$`;
};

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const table of TABLES) {
    for (const k of KEYS[table])
      await sql.raw(`alter table ${table} drop constraint ${table}_${k.column}_fkey`).execute(db);
    await sql.raw(checkFunction(table)).execute(db);
    for (const event of ['insert', 'update'])
      await sql
        .raw(`create trigger ${table}_keys_${event} after ${event} on ${table} referencing new table as new_rows
          for each statement execute function rapport_check_${table}()`)
        .execute(db);
  }
  for (const parent of PARENTS) {
    await sql.raw(deleteFunction(parent)).execute(db);
    await sql
      .raw(`create trigger ${parent}_keys_delete after delete on ${parent} referencing old table as old_rows
        for each statement execute function rapport_${parent}_deleted()`)
      .execute(db);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const parent of PARENTS) {
    await sql.raw(`drop trigger ${parent}_keys_delete on ${parent}`).execute(db);
    await sql.raw(`drop function rapport_${parent}_deleted()`).execute(db);
  }
  for (const table of TABLES) {
    for (const event of ['insert', 'update'])
      await sql.raw(`drop trigger ${table}_keys_${event} on ${table}`).execute(db);
    await sql.raw(`drop function rapport_check_${table}()`).execute(db);
    for (const k of KEYS[table])
      await sql
        .raw(
          `alter table ${table} add constraint ${table}_${k.column}_fkey foreign key (${k.column})
            references ${k.parent} (id) on delete ${k.onDelete}`,
        )
        .execute(db);
  }
}
