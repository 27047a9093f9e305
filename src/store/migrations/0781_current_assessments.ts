import { type Kysely, sql } from 'kysely';
import { isSqlite } from './columns.js';

// The current assessment of each (initiative, person) with the stance before it, kept by
// triggers like the ledger rollup (0101): focus read it by ranking every assessment of every
// active map on each call (16,000 rows at 10,000 people: the largest part of a focus). Current
// is the latest by time then id, in byte order (PostgreSQL's "C" collation), as the readers
// ranked it. No foreign keys: rows go with their assessments, through the triggers, whatever
// removes those (a person, an initiative or a workspace deleted, a merge).

const PAIR_COLUMNS = 'workspace_id, initiative_id, person_id, influence, stance, assessed_at, prev_stance';

/** The current row of the pair (`ws`, `ini`, `per`: SQL expressions), with the stance before it. */
function latestOf(ws: string, ini: string, per: string, collate: string): string {
  const at = (t: string) => `${t}.assessed_at${collate}`;
  return `select a.workspace_id, a.initiative_id, a.person_id, a.influence, a.stance, a.assessed_at,
      (select b.stance from assessments b
        where b.workspace_id = a.workspace_id and b.initiative_id = a.initiative_id and b.person_id = a.person_id
          and (${at('b')} < ${at('a')} or (b.assessed_at = a.assessed_at and b.id < a.id))
        order by ${at('b')} desc, b.id desc limit 1)
    from assessments a
    where a.workspace_id = ${ws} and a.initiative_id = ${ini} and a.person_id = ${per}
    order by ${at('a')} desc, a.id desc limit 1`;
}

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('current_assessments')
    .addColumn('workspace_id', 'integer', (c) => c.notNull())
    .addColumn('initiative_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull())
    .addColumn('influence', 'integer', (c) => c.notNull())
    .addColumn('stance', 'integer', (c) => c.notNull())
    .addColumn('assessed_at', 'text', (c) => c.notNull())
    .addColumn('prev_stance', 'integer')
    .addPrimaryKeyConstraint('current_assessments_pk', ['workspace_id', 'initiative_id', 'person_id'])
    // On SQLite the rows sit in key order: a workspace's are one range, not a lookup per row.
    .$call((t) => (isSqlite(db) ? t.modifyEnd(sql`without rowid`) : t))
    .execute();
  if (isSqlite(db)) {
    const recompute = (row: 'new' | 'old') =>
      `delete from current_assessments where workspace_id = ${row}.workspace_id
         and initiative_id = ${row}.initiative_id and person_id = ${row}.person_id;
       insert into current_assessments (${PAIR_COLUMNS})
         ${latestOf(`${row}.workspace_id`, `${row}.initiative_id`, `${row}.person_id`, '')};`;
    const bodies = { insert: ['new'], delete: ['old'], update: ['old', 'new'] } as const;
    for (const [event, rows] of Object.entries(bodies)) {
      await sql
        .raw(
          `create trigger assessments_current_${event} after ${event} on assessments begin
            ${rows.map((r) => recompute(r)).join('\n')}
          end`,
        )
        .execute(db);
    }
  } else {
    await sql
      .raw(`create or replace function rapport_current_assessment(ws integer, ini integer, per integer)
        returns void language sql as $$
          delete from current_assessments where workspace_id = ws and initiative_id = ini and person_id = per;
          insert into current_assessments (${PAIR_COLUMNS}) ${latestOf('ws', 'ini', 'per', ' collate "C"')};
        $$`)
      .execute(db);
    await sql
      .raw(`create or replace function rapport_current_assessments() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then
            perform rapport_current_assessment(old.workspace_id, old.initiative_id, old.person_id);
          end if;
          if tg_op in ('UPDATE', 'INSERT') then
            perform rapport_current_assessment(new.workspace_id, new.initiative_id, new.person_id);
          end if;
          return null;
        end $$`)
      .execute(db);
    await sql
      .raw(`create trigger assessments_current after insert or update or delete on assessments
        for each row execute function rapport_current_assessments()`)
      .execute(db);
  }
  // Every pair's current row, once: the latest of each pair has no later one.
  const c = isSqlite(db) ? '' : ' collate "C"';
  await sql
    .raw(`insert into current_assessments (${PAIR_COLUMNS})
      select a.workspace_id, a.initiative_id, a.person_id, a.influence, a.stance, a.assessed_at,
        (select b.stance from assessments b
          where b.workspace_id = a.workspace_id and b.initiative_id = a.initiative_id and b.person_id = a.person_id
            and (b.assessed_at${c} < a.assessed_at${c} or (b.assessed_at = a.assessed_at and b.id < a.id))
          order by b.assessed_at${c} desc, b.id desc limit 1)
      from assessments a
      where not exists (select 1 from assessments b
        where b.workspace_id = a.workspace_id and b.initiative_id = a.initiative_id and b.person_id = a.person_id
          and (b.assessed_at${c} > a.assessed_at${c} or (b.assessed_at = a.assessed_at and b.id > a.id)))`)
    .execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  if (isSqlite(db)) {
    for (const event of ['insert', 'delete', 'update']) {
      await sql.raw(`drop trigger if exists assessments_current_${event}`).execute(db);
    }
  } else {
    await sql.raw('drop trigger if exists assessments_current on assessments').execute(db);
    await sql.raw('drop function if exists rapport_current_assessments()').execute(db);
    await sql
      .raw('drop function if exists rapport_current_assessment(integer, integer, integer)')
      .execute(db);
  }
  await db.schema.dropTable('current_assessments').execute();
}
