import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Assessment } from '../../domain/assessment.js';
import type { Database, PeopleTable } from '../schema.js';
import { toAssessment } from './assessments.js';
import { chunks, type ImportInteractionRow, type ImportPersonRow } from './import-rows.js';
import { nameKey } from './people.js';

/** PostgreSQL: keys per lookup, passed as one array parameter (= any), not one parameter each. */
const PG_KEYS = 5000;

export type Statement = BetterSqlite3.Statement<unknown[]>;

/** The lookups and whole-workspace reads of import, restore and export (the writes are in imports.ts). */
export class ImportReadsRepository {
  protected readonly statements = new Map<string, Statement>();

  /** `raw`: the SQLite handle, given only inside a transaction or read that holds the connection. */
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly raw: BetterSqlite3.Database | null,
    /** Whose tier and cadence people are read and written with. */
    protected readonly member: number,
  ) {}

  protected prepared(key: string, text: string): Statement | null {
    const sqlite = this.raw;
    if (!sqlite) return null;
    let st = this.statements.get(key);
    if (!st) {
      st = sqlite.prepare(text);
      this.statements.set(key, st);
    }
    return st;
  }

  // The lookups pass the batch as one JSON parameter. CROSS JOIN makes SQLite loop over the
  // batch and probe the index; with a plain JOIN it scanned the whole table per element
  // (measured: 3.7 s for a 2,000-email batch against 20,000 people, 10 ms with CROSS JOIN).
  async idsByEmails(ws: number, emails: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (emails.length === 0) return out;
    const st = this.prepared(
      'idsByEmails',
      'select e.email, e.person_id from json_each(?) j cross join person_emails e on e.workspace_id = ? and e.email = j.value',
    );
    if (st) {
      for (const r of st.all(JSON.stringify(emails), ws) as { email: string; person_id: number }[])
        out.set(r.email, r.person_id);
      return out;
    }
    for (const part of chunks(emails, PG_KEYS)) {
      const { rows } = await sql<{
        email: string;
        person_id: number;
      }>`select email, person_id from person_emails
        where workspace_id = ${ws}::int and email = any(${part}::text[])`.execute(this.db);
      for (const r of rows) out.set(r.email, r.person_id);
    }
    return out;
  }

  /**
   * The people named by ids other systems give them ([kind, value] pairs), keyed
   * `kind\u0000value`: an org chart's employee ids, LinkedIn URLs.
   */
  async idsByExternalIds(
    ws: number,
    ids: readonly { kind: string; value: string }[],
  ): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const byKind = new Map<string, string[]>();
    for (const { kind, value } of ids) byKind.set(kind, [...(byKind.get(kind) ?? []), value]);
    const st = this.prepared(
      'idsByExternalIds',
      'select x.value, x.person_id from json_each(?) j cross join person_external_ids x on x.workspace_id = ? and x.kind = ? and x.value = j.value',
    );
    for (const [kind, values] of byKind) {
      if (st) {
        for (const r of st.all(JSON.stringify(values), ws, kind) as { value: string; person_id: number }[])
          out.set(`${kind}\u0000${r.value}`, r.person_id);
        continue;
      }
      for (const part of chunks(values, PG_KEYS)) {
        const { rows } = await sql<{ value: string; person_id: number }>`select value, person_id
          from person_external_ids where workspace_id = ${ws}::int and kind = ${kind} and value = any(${part}::text[])`.execute(
          this.db,
        );
        for (const r of rows) out.set(`${kind}\u0000${r.value}`, r.person_id);
      }
    }
    return out;
  }

  /** Every external id of the workspace per person, in a stable order (backups, exports). */
  async allExternalIds(ws: number): Promise<Map<number, { kind: string; value: string }[]>> {
    const rows = await this.db
      .selectFrom('person_external_ids')
      .select(['person_id', 'kind', 'value'])
      .where('workspace_id', '=', ws)
      .execute();
    // Sorted here, not by the database: PostgreSQL's collation would order text differently.
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    rows.sort((a, b) => a.person_id - b.person_id || cmp(a.kind, b.kind) || cmp(a.value, b.value));
    const out = new Map<number, { kind: string; value: string }[]>();
    for (const r of rows) {
      const list = out.get(r.person_id);
      if (list) list.push({ kind: r.kind, value: r.value });
      else out.set(r.person_id, [{ kind: r.kind, value: r.value }]);
    }
    return out;
  }

  /** Ids per lower-cased name, oldest first. */
  async idsByNames(ws: number, names: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const keys = [...new Set(names.map(nameKey))];
    if (keys.length === 0) return out;
    const add = (k: string, id: number) => {
      const l = out.get(k);
      if (l) l.push(id);
      else out.set(k, [id]);
    };
    const st = this.prepared(
      'idsByNames',
      'select p.name_key, p.id from json_each(?) j cross join people p on p.workspace_id = ? and p.name_key = j.value order by p.id',
    );
    if (st) {
      for (const r of st.all(JSON.stringify(keys), ws) as { name_key: string; id: number }[])
        add(r.name_key, r.id);
      return out;
    }
    for (const part of chunks(keys, PG_KEYS)) {
      const { rows } = await sql<{ name_key: string; id: number }>`select name_key, id from people
        where workspace_id = ${ws}::int and name_key = any(${part}::text[]) order by id`.execute(this.db);
      for (const r of rows) add(r.name_key, r.id);
    }
    return out;
  }

  async rows(ws: number, ids: readonly number[]): Promise<Map<number, ImportPersonRow & { id: number }>> {
    const out = new Map<number, ImportPersonRow & { id: number }>();
    const unique = [...new Set(ids)];
    const peopleSt = this.prepared(
      'rowsPeople',
      'select p.* from json_each(?) j cross join people p on p.id = j.value where p.workspace_id = ?',
    );
    const emailsSt = this.prepared(
      'rowsEmails',
      `select e.person_id, e.email from json_each(?) j cross join person_emails e on e.person_id = j.value
       where e.workspace_id = ? order by e.person_id, e.position`,
    );
    // SQLite: one pass per batch, probing by id (with "workspace_id = ? and id in (…)" the
    // planner preferred a workspace index and scanned every person). PostgreSQL: chunks.
    const loads =
      peopleSt && emailsSt
        ? [
            async () => {
              const json = JSON.stringify(unique);
              return [
                peopleSt.all(json, ws) as Selectable<PeopleTable>[],
                emailsSt.all(json, ws) as { person_id: number; email: string }[],
              ] as const;
            },
          ]
        : chunks(unique, PG_KEYS).map((part) => () => this.rowsByIds(ws, part));
    for (const load of loads) {
      const [people, emails] = await load();
      for (const p of people) {
        out.set(p.id, {
          id: p.id,
          name: p.name,
          title: p.title,
          team: p.team,
          department: p.department,
          level: p.level,
          managerId: p.manager_id,
          phone: p.phone,
          company: p.company,
          category: p.category,
          tier: 'none',
          cadenceDays: null,
          interests: p.interests === '[]' ? [] : (JSON.parse(p.interests) as string[]),
          communication: p.communication,
          notes: null,
          location: p.location,
          hireDate: p.hire_date,
          emails: [],
          createdAt: p.created_at,
          updatedAt: p.updated_at,
        });
      }
      for (const e of emails) out.get(e.person_id)?.emails.push(e.email);
    }
    for (const part of chunks(unique)) {
      const mine = await this.db
        .selectFrom('relationships')
        .select(['person_id', 'tier', 'cadence_days', 'notes'])
        .where('workspace_id', '=', ws)
        .where('member_id', '=', this.member)
        .where('person_id', 'in', part)
        .execute();
      for (const m of mine) {
        const row = out.get(m.person_id);
        if (row) {
          row.tier = m.tier;
          row.cadenceDays = m.cadence_days;
          row.notes = m.notes;
        }
      }
    }
    return out;
  }

  private async rowsByIds(ws: number, part: number[]) {
    const [people, emails] = await Promise.all([
      sql<
        Selectable<PeopleTable>
      >`select * from people where workspace_id = ${ws}::int and id = any(${part}::int[])`.execute(this.db),
      sql<{ person_id: number; email: string }>`select person_id, email from person_emails
        where workspace_id = ${ws}::int and person_id = any(${part}::int[]) order by person_id, position`.execute(
        this.db,
      ),
    ]);
    return [people.rows, emails.rows] as const;
  }

  /** PostgreSQL: the id and one column of these people, 5,000 ids per query. */
  private async columnByIds<C extends 'manager_id' | 'name_key' | 'name'>(
    ws: number,
    ids: readonly number[],
    column: C,
  ): Promise<{ id: number; v: Selectable<PeopleTable>[C] }[]> {
    const out: { id: number; v: Selectable<PeopleTable>[C] }[] = [];
    for (const part of chunks([...new Set(ids)], PG_KEYS)) {
      const { rows } = await sql<{
        id: number;
        v: Selectable<PeopleTable>[C];
      }>`select id, ${sql.ref(column)} as v
        from people where workspace_id = ${ws}::int and id = any(${part}::int[])`.execute(this.db);
      out.push(...rows);
    }
    return out;
  }

  /** The manager of each of these people (null for none). */
  async managersOf(ws: number, ids: readonly number[]): Promise<Map<number, number | null>> {
    const out = new Map<number, number | null>();
    const st = this.prepared(
      'managersOf',
      'select p.id, p.manager_id from json_each(?) j cross join people p on p.id = j.value where p.workspace_id = ?',
    );
    if (st) {
      for (const r of st.all(JSON.stringify(ids), ws) as { id: number; manager_id: number | null }[])
        out.set(r.id, r.manager_id);
      return out;
    }
    for (const r of await this.columnByIds(ws, ids, 'manager_id')) out.set(r.id, r.v);
    return out;
  }

  /** Whether the workspace has anyone in it yet (an import into an empty one takes a faster path). */
  async hasPeople(ws: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('people')
      .select(sql<number>`1`.as('x'))
      .where('workspace_id', '=', ws)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** The lower-cased name (name_key) of each of these people, looked up by id. */
  async nameKeysOf(ws: number, ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (ids.length === 0) return out;
    const st = this.prepared(
      'nameKeysOf',
      'select p.id, p.name_key from json_each(?) j cross join people p on p.id = j.value where p.workspace_id = ?',
    );
    if (st) {
      for (const r of st.all(JSON.stringify(ids), ws) as { id: number; name_key: string }[])
        out.set(r.id, r.name_key);
      return out;
    }
    for (const r of await this.columnByIds(ws, ids, 'name_key')) out.set(r.id, r.v);
    return out;
  }

  async names(ws: number, ids: readonly number[]): Promise<Map<number, string>> {
    const st = this.prepared(
      'namesOf',
      'select p.id, p.name from json_each(?) j cross join people p on p.id = j.value where p.workspace_id = ?',
    );
    if (st) {
      const rows = st.all(JSON.stringify([...new Set(ids)]), ws) as { id: number; name: string }[];
      return new Map(rows.map((r) => [r.id, r.name]));
    }
    return new Map((await this.columnByIds(ws, ids, 'name')).map((r) => [r.id, r.v]));
  }

  async existingSources(ws: number, sources: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks([...new Set(sources)])) {
      const rows = await this.db
        .selectFrom('interactions')
        .select('source')
        .where('workspace_id', '=', ws)
        // Each member's calendar is their own: another member's copy of a meeting is not this one's.
        .where('author_id', '=', this.member)
        .where('source', 'in', part)
        .execute();
      for (const r of rows) if (r.source !== null) out.add(r.source);
    }
    return out;
  }

  /** Every assessment of the workspace in the order they were entered. */
  async allAssessments(ws: number): Promise<Assessment[]> {
    const rows = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    return rows.map(toAssessment);
  }

  /**
   * Every interaction of the member's own ledger with its participants, in the order they were
   * entered (what their export and backup hold; another member's entries are theirs to export).
   */
  async allInteractions(ws: number): Promise<(ImportInteractionRow & { id: number })[]> {
    const [rows, people] = await Promise.all([
      this.db
        .selectFrom('interactions')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('author_id', '=', this.member)
        .orderBy('id')
        .execute(),
      this.db
        .selectFrom('interaction_people')
        .select(['interaction_id', 'person_id'])
        .where('workspace_id', '=', ws)
        .where('member_id', '=', this.member)
        .orderBy('interaction_id')
        .orderBy('person_id')
        .execute(),
    ]);
    const byInteraction = new Map<number, number[]>();
    for (const p of people) {
      const l = byInteraction.get(p.interaction_id);
      if (l) l.push(p.person_id);
      else byInteraction.set(p.interaction_id, [p.person_id]);
    }
    return rows.map((r) => ({
      id: r.id,
      occurredAt: r.occurred_at,
      kind: r.kind,
      capital: r.capital,
      note: r.note,
      initiativeId: r.initiative_id,
      personIds: byInteraction.get(r.id) ?? [],
      source: r.source,
      createdAt: r.created_at,
      shared: r.shared === 1,
    }));
  }

  /** Everyone of the workspace by id, as the importer sees them. */
  async allPeople(ws: number): Promise<(ImportPersonRow & { id: number })[]> {
    const ids = await this.db
      .selectFrom('people')
      .select('id')
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    const rows = await this.rows(
      ws,
      ids.map((r) => r.id),
    );
    return [...rows.values()].sort((a, b) => a.id - b.id);
  }

  /** True when the workspace holds nothing a restore could collide with. */
  async isEmpty(ws: number): Promise<boolean> {
    for (const table of ['people', 'initiatives', 'interactions'] as const) {
      const row = await this.db
        .selectFrom(table)
        .select(sql<number>`1`.as('x'))
        .where('workspace_id', '=', ws)
        .limit(1)
        .executeTakeFirst();
      if (row) return false;
    }
    return true;
  }
}
