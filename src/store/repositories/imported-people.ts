import { sql } from 'kysely';
import { chunks, type ImportPersonRow, ImportReadsRepository } from './import-reads.js';

/** Told every key a workspace's people are known by, one row at a time (`eachPersonKey`). */
export interface PersonKeyVisitor {
  externalId(kind: string, value: string, personId: number): void;
  email(email: string, personId: number): void;
  /** The lower-cased name (name_key). */
  name(nameKey: string, personId: number): void;
}

/** PostgreSQL: rows per statement when the columns go as arrays (unnest, = any). */
const PG_ROWS = 5000;

/**
 * What an import of people into a workspace that already has people reads once and writes
 * back: every key people are known by, loaded in one pass, and only the people that changed,
 * written set-wise (one statement per 5,000 rows on PostgreSQL, prepared statements on SQLite).
 */
export class ImportedPeopleRepository extends ImportReadsRepository {
  /**
   * Every external id, email and name of the workspace, each table read once from start to
   * end: a re-import of a million people then asks the database nothing per row to match
   * them. SQLite streams the rows as arrays (no object per row); PostgreSQL reads each
   * table in one query.
   */
  async eachPersonKey(ws: number, visit: PersonKeyVisitor): Promise<void> {
    const external = this.prepared(
      'keysExternal',
      'select kind, value, person_id from person_external_ids where workspace_id = ?',
    );
    const emails = this.prepared(
      'keysEmails',
      'select email, person_id from person_emails where workspace_id = ?',
    );
    const names = this.prepared('keysNames', 'select name_key, id from people where workspace_id = ?');
    if (external && emails && names) {
      for (const r of external.raw(true).iterate(ws) as Iterable<[string, string, number]>)
        visit.externalId(r[0], r[1], r[2]);
      for (const r of emails.raw(true).iterate(ws) as Iterable<[string, number]>) visit.email(r[0], r[1]);
      for (const r of names.raw(true).iterate(ws) as Iterable<[string, number]>) visit.name(r[0], r[1]);
      return;
    }
    const x = await sql<{ kind: string; value: string; person_id: number }>`
      select kind, value, person_id from person_external_ids where workspace_id = ${ws}`.execute(this.db);
    for (const r of x.rows) visit.externalId(r.kind, r.value, r.person_id);
    const e = await sql<{ email: string; person_id: number }>`
      select email, person_id from person_emails where workspace_id = ${ws}`.execute(this.db);
    for (const r of e.rows) visit.email(r.email, r.person_id);
    const n = await sql<{ name_key: string; id: number }>`
      select name_key, id from people where workspace_id = ${ws}`.execute(this.db);
    for (const r of n.rows) visit.name(r.name_key, r.id);
  }

  /**
   * Rewrites the columns an import may change of people already here (the caller passes only
   * the ones that changed; emails go through `replaceEmails`).
   */
  async updatePeople(ws: number, rows: readonly (ImportPersonRow & { id: number })[]): Promise<void> {
    if (rows.length === 0) return;
    const st = this.prepared(
      'updatePerson',
      `update people set title = ?, department = ?, level = ?, manager_id = ?, phone = ?, company = ?, notes = ?,
        location = ?, hire_date = ?, updated_at = ? where workspace_id = ? and id = ?`,
    );
    if (st) {
      for (const r of rows)
        st.run(
          r.title,
          r.department,
          r.level,
          r.managerId,
          r.phone,
          r.company,
          r.notes,
          r.location,
          r.hireDate,
          r.updatedAt,
          ws,
          r.id,
        );
      return;
    }
    for (const part of chunks(rows, PG_ROWS)) {
      const col = <T>(f: (r: ImportPersonRow & { id: number }) => T) => part.map(f);
      await sql`update people set title = x.title, department = x.department, level = x.level,
          manager_id = x.manager_id, phone = x.phone, company = x.company, notes = x.notes, location = x.location,
          hire_date = x.hire_date, updated_at = x.updated_at
        from unnest(${col((r) => r.id)}::int[], ${col((r) => r.title)}::text[], ${col((r) => r.department)}::text[],
          ${col((r) => r.level)}::int[], ${col((r) => r.managerId)}::int[], ${col((r) => r.phone)}::text[],
          ${col((r) => r.company)}::text[], ${col((r) => r.notes)}::text[], ${col((r) => r.location)}::text[],
          ${col((r) => r.hireDate)}::text[], ${col((r) => r.updatedAt)}::text[])
          as x(id, title, department, level, manager_id, phone, company, notes, location, hire_date, updated_at)
        where people.workspace_id = ${ws}::int and people.id = x.id`.execute(this.db);
    }
  }

  /** Replaces the emails of these people with the lists given, in order. */
  async replaceEmails(ws: number, rows: readonly { id: number; emails: readonly string[] }[]): Promise<void> {
    if (rows.length === 0) return;
    const del = this.prepared(
      'deleteEmails',
      'delete from person_emails where workspace_id = ? and person_id = ?',
    );
    const ins = this.prepared(
      'insertEmail',
      'insert into person_emails (workspace_id, person_id, email, position) values (?, ?, ?, ?)',
    );
    if (del && ins) {
      for (const r of rows) {
        del.run(ws, r.id);
        for (let i = 0; i < r.emails.length; i++) ins.run(ws, r.id, r.emails[i], i);
      }
      return;
    }
    for (const part of chunks(rows, PG_ROWS)) {
      await sql`delete from person_emails where workspace_id = ${ws}::int
        and person_id = any(${part.map((r) => r.id)}::int[])`.execute(this.db);
      const owner = part.flatMap((r) => r.emails.map(() => r.id));
      const position = part.flatMap((r) => r.emails.map((_, i) => i));
      await sql`insert into person_emails (workspace_id, person_id, email, position)
        select ${ws}::int, p, e, n from unnest(${owner}::int[], ${part.flatMap((r) => r.emails)}::text[],
          ${position}::int[]) as x(p, e, n)`.execute(this.db);
    }
  }

  async setManagers(ws: number, pairs: readonly [number, number | null][], now: string): Promise<void> {
    const st = this.prepared(
      'setManager',
      'update people set manager_id = ?, updated_at = ? where workspace_id = ? and id = ?',
    );
    if (st) {
      for (const [id, m] of pairs) st.run(m, now, ws, id);
      return;
    }
    // One update matching a person twice would apply either row: the last one holds, as above.
    const last = [...new Map(pairs).entries()];
    for (const part of chunks(last, PG_ROWS)) {
      await sql`update people set manager_id = x.m, updated_at = ${now}::text
        from unnest(${part.map((p) => p[0])}::int[], ${part.map((p) => p[1])}::int[]) as x(id, m)
        where people.workspace_id = ${ws}::int and people.id = x.id`.execute(this.db);
    }
  }
}
