import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// PostgreSQL checks a foreign key row by row: each tie written looked up and locked both its
// people and its workspace, so a million new ties spent 8.9 of 13.6 s of the server's time in
// those checks. Here the three keys of ties are checked once per statement instead: the
// statement's people and workspace are locked as a foreign key would (FOR KEY SHARE, so none
// can be deleted until the writer commits) and a tie naming nobody refuses the statement with
// the foreign-key error a constraint would raise. Deleting people or a workspace takes their
// ties with them, as ON DELETE CASCADE did.
// SQLite keeps its foreign keys: they cost it little.

// Counting, not an anti-join with LIMIT 1: with a limit the planner expects a missing person
// early and compares every pair (1.1 s for 5,000 ties); the count is a hash over the statement's.
const CHECK = `create or replace function rapport_ties_people() returns trigger language plpgsql as $$
  declare
    missing integer;
    column_name text;
  begin
    with wanted as (select from_person_id as id from new_rows union select to_person_id from new_rows),
      present as (select p.id from people p where p.id in (select id from wanted) for key share of p)
    select (select count(*) from wanted) - (select count(*) from present) into missing;
    if missing > 0 then
      select n.id, n.col into missing, column_name
        from (select from_person_id as id, 'from_person_id' as col from new_rows
          union all select to_person_id, 'to_person_id' from new_rows) n
        where not exists (select 1 from people p where p.id = n.id) limit 1;
      raise exception 'insert or update on table "ties" violates foreign key constraint "ties_people"'
        using errcode = '23503', table = 'ties', column = column_name, constraint = 'ties_people',
          detail = format('Key (%s)=(%s) is not present in table "people".', column_name, missing);
    end if;
    -- The workspace key too: one row, but checked per tie it was 2.2 of 6.5 s at a million ties.
    with wanted as (select distinct workspace_id as id from new_rows),
      present as (select w.id from workspaces w where w.id in (select id from wanted) for key share of w)
    select (select count(*) from wanted) - (select count(*) from present) into missing;
    if missing > 0 then
      select n.workspace_id into missing from new_rows n
        where not exists (select 1 from workspaces w where w.id = n.workspace_id) limit 1;
      raise exception 'insert or update on table "ties" violates foreign key constraint "ties_workspace"'
        using errcode = '23503', table = 'ties', column = 'workspace_id', constraint = 'ties_workspace',
          detail = format('Key (workspace_id)=(%s) is not present in table "workspaces".', missing);
    end if;
    return null;
  end $$`;

const CASCADE = `create or replace function rapport_people_ties_gone() returns trigger language plpgsql as $$
  begin
    delete from ties t using old_rows o where t.workspace_id = o.workspace_id and t.from_person_id = o.id;
    delete from ties t using old_rows o where t.workspace_id = o.workspace_id and t.to_person_id = o.id;
    return null;
  end $$`;

const WORKSPACE_CASCADE = `create or replace function rapport_workspaces_ties_gone() returns trigger language plpgsql as $$
  begin
    delete from ties t using old_rows o where t.workspace_id = o.id;
    return null;
  end $$`;

const FOREIGN_KEYS = [
  ['from_person_id', 'people'],
  ['to_person_id', 'people'],
  ['workspace_id', 'workspaces'],
] as const;

/** Each trigger: its name, table, event, transition table and function. */
const TRIGGERS = [
  ['ties_people_insert', 'ties', 'insert', 'new table as new_rows', 'rapport_ties_people'],
  ['ties_people_update', 'ties', 'update', 'new table as new_rows', 'rapport_ties_people'],
  ['people_ties_delete', 'people', 'delete', 'old table as old_rows', 'rapport_people_ties_gone'],
  ['workspaces_ties_delete', 'workspaces', 'delete', 'old table as old_rows', 'rapport_workspaces_ties_gone'],
] as const;

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const [column] of FOREIGN_KEYS)
    await sql.raw(`alter table ties drop constraint ties_${column}_fkey`).execute(db);
  for (const fn of [CHECK, CASCADE, WORKSPACE_CASCADE]) await sql.raw(fn).execute(db);
  for (const [name, table, event, rows, fn] of TRIGGERS)
    await sql
      .raw(`create trigger ${name} after ${event} on ${table} referencing ${rows}
        for each statement execute function ${fn}()`)
      .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) return;
  for (const [name, table] of TRIGGERS) await sql.raw(`drop trigger ${name} on ${table}`).execute(db);
  for (const fn of ['rapport_ties_people', 'rapport_people_ties_gone', 'rapport_workspaces_ties_gone'])
    await sql.raw(`drop function ${fn}()`).execute(db);
  for (const [column, table] of FOREIGN_KEYS)
    await sql
      .raw(
        `alter table ties add constraint ties_${column}_fkey foreign key (${column}) references ${table} (id) on delete cascade`,
      )
      .execute(db);
}
