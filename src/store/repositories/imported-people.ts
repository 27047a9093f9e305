import { sql } from 'kysely';
import type { Tier } from '../../domain/person.js';
import { ImportReadsRepository } from './import-reads.js';
import { chunks, type ImportPersonRow } from './import-rows.js';
import { MemberRelationshipsRepository } from './member-relationships.js';
import { placeholders, ROWS_PER_RUN } from './multi-row.js';
import { nameKey } from './people.js';
import { drawPeopleIds } from './people-ids.js';

/** Told every key a workspace's people are known by, one row at a time (`eachPersonKey`). */
export interface PersonKeyVisitor {
  externalId(kind: string, value: string, personId: number): void;
  email(email: string, personId: number): void;
}

/** Nobody imported has interests yet: the empty list needs no JSON.stringify per row. */
const interestsText = (r: ImportPersonRow): string =>
  r.interests.length === 0 ? '[]' : JSON.stringify(r.interests);

/** The columns `insertPeople` writes per person on SQLite, in its order (personArgs). */
const PERSON_COLUMNS = 17;

/** One person's values of `insertPeople`'s statement, written into `args` from `at`. */
function personArgs(args: unknown[], at: number, ws: number, r: ImportPersonRow): unknown[] {
  args[at] = ws;
  args[at + 1] = r.name;
  args[at + 2] = nameKey(r.name);
  args[at + 3] = r.title;
  args[at + 4] = r.team;
  args[at + 5] = r.department;
  args[at + 6] = r.level;
  args[at + 7] = r.managerId;
  args[at + 8] = r.phone;
  args[at + 9] = r.company;
  args[at + 10] = r.category;
  args[at + 11] = interestsText(r);
  args[at + 12] = r.communication;
  args[at + 13] = r.location;
  args[at + 14] = r.hireDate;
  args[at + 15] = r.createdAt;
  args[at + 16] = r.updatedAt;
  return args;
}

/** PostgreSQL: rows per statement when the columns go as arrays (unnest, = any). */
const PG_ROWS = 5000;

/** A person already here as an import compares them with a row: the columns it may change. */
export type ImportedPerson = Pick<
  ImportPersonRow,
  'title' | 'department' | 'level' | 'managerId' | 'phone' | 'company' | 'notes' | 'location' | 'hireDate'
> & { id: number; emails: string[]; updatedAt: string };

/** The compared columns, the member's notes among them (migration 0770). */
const compared = (member: number) => `p.id, p.title, p.department, p.level, p.manager_id, p.phone, p.company,
  (select rl.notes from relationships rl where rl.workspace_id = p.workspace_id and rl.member_id = ${Number(member)}
    and rl.person_id = p.id) as notes, p.location, p.hire_date, p.updated_at`;

interface ComparedRow {
  id: number;
  title: string | null;
  department: string | null;
  level: number | null;
  manager_id: number | null;
  phone: string | null;
  company: string | null;
  notes: string | null;
  location: string | null;
  hire_date: string | null;
  updated_at: string;
}

/**
 * The people an import writes: new ones inserted in bulk, with the importing member's tier where
 * it is not the default, and the ids other systems give them; and, for a workspace that already
 * has people, every key people are known by, loaded in one pass, and only the people that
 * changed, written set-wise (one statement per 5,000 rows on PostgreSQL, prepared statements on
 * SQLite).
 */
export class ImportedPeopleRepository extends ImportReadsRepository {
  /**
   * The importing member's tier, cadence and notes with each person (rows[i] is person ids[i]).
   * New people with the default need no row, so a big first import writes none.
   */
  private async setViews(
    ws: number,
    rows: readonly ImportPersonRow[],
    ids: readonly number[],
    fresh: boolean,
  ): Promise<void> {
    const views = rows
      .map((r, i) => [ids[i]!, { tier: r.tier as Tier, cadenceDays: r.cadenceDays, notes: r.notes }] as const)
      .filter(([, v]) => !fresh || v.tier !== 'none' || v.cadenceDays !== null || v.notes !== null);
    if (views.length > 0) await new MemberRelationshipsRepository(this.db, this.member).setMany(ws, views);
  }

  /** Inserts people and returns their ids in input order. */
  async insertPeople(ws: number, rows: readonly ImportPersonRow[]): Promise<number[]> {
    const columns = `insert into people (workspace_id, name, name_key, title, team, department, level, manager_id,
        phone, company, category, interests, communication, location, hire_date, created_at, updated_at) values `;
    const person = this.prepared('insertPerson', `${columns}${placeholders(PERSON_COLUMNS, 1)}`);
    const people = this.prepared('insertPeople', `${columns}${placeholders(PERSON_COLUMNS, ROWS_PER_RUN)}`);
    const email = this.prepared(
      'insertEmail',
      'insert into person_emails (workspace_id, person_id, email, position) values (?, ?, ?, ?)',
    );
    if (person && people && email) {
      const ids: number[] = new Array(rows.length);
      const one: unknown[] = new Array(PERSON_COLUMNS);
      const many: unknown[] = new Array(PERSON_COLUMNS * ROWS_PER_RUN);
      let i = 0;
      // A plain rowid table gives the rows of one insert consecutive ids, each one more than
      // the largest before it: the last id names them all.
      for (; i + ROWS_PER_RUN <= rows.length; i += ROWS_PER_RUN) {
        for (let j = 0; j < ROWS_PER_RUN; j++) personArgs(many, j * PERSON_COLUMNS, ws, rows[i + j]!);
        const last = Number(people.run(many).lastInsertRowid);
        for (let j = 0; j < ROWS_PER_RUN; j++) ids[i + j] = last - ROWS_PER_RUN + 1 + j;
      }
      for (; i < rows.length; i++)
        ids[i] = Number(person.run(personArgs(one, 0, ws, rows[i]!)).lastInsertRowid);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        for (let j = 0; j < r.emails.length; j++) email.run(ws, ids[i], r.emails[j], j);
      }
      await this.setViews(ws, rows, ids, true);
      return ids;
    }
    // PostgreSQL: ids drawn from the sequence first (so they follow the input order, which
    // RETURNING does not promise), then one statement per 5,000 people with the columns
    // passed as arrays (unnest): a million people in 200 round trips, with no query text
    // built per row.
    const ids: number[] = [];
    for (const part of chunks(rows, 5000)) {
      const partIds = await drawPeopleIds(this.db, part.length);
      const col = <T>(f: (r: ImportPersonRow) => T) => part.map(f);
      await sql`insert into people (id, workspace_id, name, name_key, title, team, department, level, manager_id,
          phone, company, category, interests, communication, location, hire_date,
          created_at, updated_at)
        select id, ${ws}::int, name, name_key, title, team, department, level, manager_id, phone, company, category,
          interests, communication, location, hire_date, created_at, updated_at
        from unnest(${partIds}::int[], ${col((r) => r.name)}::text[], ${col((r) => nameKey(r.name))}::text[],
          ${col((r) => r.title)}::text[], ${col((r) => r.team)}::text[], ${col((r) => r.department)}::text[],
          ${col((r) => r.level)}::int[], ${col((r) => r.managerId)}::int[], ${col((r) => r.phone)}::text[],
          ${col((r) => r.company)}::text[], ${col((r) => r.category)}::text[],
          ${col(interestsText)}::text[], ${col((r) => r.communication)}::text[],
          ${col((r) => r.location)}::text[], ${col((r) => r.hireDate)}::text[],
          ${col((r) => r.createdAt)}::text[], ${col((r) => r.updatedAt)}::text[])
          as x(id, name, name_key, title, team, department, level, manager_id, phone, company, category,
            interests, communication, location, hire_date, created_at, updated_at)`.execute(this.db);
      ids.push(...partIds);
      await this.setViews(ws, part, partIds, true);
      const owner: number[] = [];
      const email: string[] = [];
      const position: number[] = [];
      part.forEach((r, i) => {
        r.emails.forEach((e, j) => {
          owner.push(partIds[i]!);
          email.push(e);
          position.push(j);
        });
      });
      if (email.length > 0) {
        await sql`insert into person_emails (workspace_id, person_id, email, position)
          select ${ws}::int, p, e, n from unnest(${owner}::int[], ${email}::text[], ${position}::int[]) as x(p, e, n)`.execute(
          this.db,
        );
      }
    }
    return ids;
  }

  /**
   * Keeps the ids other systems give people ([personId, kind, value]); a value already naming
   * someone in this workspace stays with them (the first file to name it wins).
   */
  async addExternalIds(ws: number, rows: readonly [number, string, string][]): Promise<void> {
    if (rows.length === 0) return;
    const text = 'insert into person_external_ids (workspace_id, person_id, kind, value) values ';
    const one = this.prepared('addExternalId', `${text}(?, ?, ?, ?) on conflict do nothing`);
    // Rows of one statement go in one after another: a row meeting a key an earlier row of the
    // same statement wrote is skipped, as when each had its own.
    const many = this.prepared(
      'addExternalIds',
      `${text}${placeholders(4, ROWS_PER_RUN)} on conflict do nothing`,
    );
    if (one && many) {
      const args: unknown[] = new Array(4 * ROWS_PER_RUN);
      let i = 0;
      for (; i + ROWS_PER_RUN <= rows.length; i += ROWS_PER_RUN) {
        for (let j = 0; j < ROWS_PER_RUN; j++) {
          const [id, kind, value] = rows[i + j]!;
          args[4 * j] = ws;
          args[4 * j + 1] = id;
          args[4 * j + 2] = kind;
          args[4 * j + 3] = value;
        }
        many.run(args);
      }
      for (; i < rows.length; i++) one.run(ws, rows[i]![0], rows[i]![1], rows[i]![2]);
      return;
    }
    for (const part of chunks(rows, 5000)) {
      await sql`insert into person_external_ids (workspace_id, person_id, kind, value)
        select ${ws}::int, p, k, v
        from unnest(${part.map((r) => r[0])}::int[], ${part.map((r) => r[1])}::text[], ${part.map((r) => r[2])}::text[]) as x(p, k, v)
        on conflict do nothing`.execute(this.db);
    }
  }

  /**
   * These people as an import compares them, emails in order: only the columns it may change
   * (a re-import reads every person, and `select *` with its JSON cost a third more).
   */
  async importedPeople(ws: number, ids: readonly number[]): Promise<Map<number, ImportedPerson>> {
    const out = new Map<number, ImportedPerson>();
    const unique = [...new Set(ids)];
    if (unique.length === 0) return out;
    const people = this.prepared(
      'comparedPeople',
      `select ${compared(this.member)} from json_each(?) j cross join people p on p.id = j.value where p.workspace_id = ?`,
    );
    const emails = this.prepared(
      'comparedEmails',
      `select e.person_id, e.email from json_each(?) j cross join person_emails e on e.person_id = j.value
       where e.workspace_id = ? order by e.person_id, e.position`,
    );
    const parts: (readonly [ComparedRow[], { person_id: number; email: string }[]])[] = [];
    if (people && emails) {
      const json = JSON.stringify(unique);
      parts.push([
        people.all(json, ws) as ComparedRow[],
        emails.all(json, ws) as { person_id: number; email: string }[],
      ]);
    } else {
      for (const part of chunks(unique, PG_ROWS)) {
        const [p, e] = await Promise.all([
          sql<ComparedRow>`select ${sql.raw(compared(this.member))} from people p
            where p.workspace_id = ${ws}::int and p.id = any(${part}::int[])`.execute(this.db),
          sql<{ person_id: number; email: string }>`select person_id, email from person_emails
            where workspace_id = ${ws}::int and person_id = any(${part}::int[]) order by person_id, position`.execute(
            this.db,
          ),
        ]);
        parts.push([p.rows, e.rows]);
      }
    }
    for (const [rows, mails] of parts) {
      for (const p of rows) {
        out.set(p.id, {
          id: p.id,
          title: p.title,
          department: p.department,
          level: p.level,
          managerId: p.manager_id,
          phone: p.phone,
          company: p.company,
          notes: p.notes,
          location: p.location,
          hireDate: p.hire_date,
          emails: [],
          updatedAt: p.updated_at,
        });
      }
      for (const e of mails) out.get(e.person_id)?.emails.push(e.email);
    }
    return out;
  }

  /**
   * Every external id and email of the workspace, each table read once from start to end: a
   * re-import of a million people then asks the database nothing per row to match them by
   * those. SQLite streams the rows as arrays (no object per row); PostgreSQL reads each table
   * in one query.
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
    if (external && emails) {
      for (const r of external.raw(true).iterate(ws) as Iterable<[string, string, number]>)
        visit.externalId(r[0], r[1], r[2]);
      for (const r of emails.raw(true).iterate(ws) as Iterable<[string, number]>) visit.email(r[0], r[1]);
      return;
    }
    const x = await sql<{ kind: string; value: string; person_id: number }>`
      select kind, value, person_id from person_external_ids where workspace_id = ${ws}`.execute(this.db);
    for (const r of x.rows) visit.externalId(r.kind, r.value, r.person_id);
    const e = await sql<{ email: string; person_id: number }>`
      select email, person_id from person_emails where workspace_id = ${ws}`.execute(this.db);
    for (const r of e.rows) visit.email(r.email, r.person_id);
  }

  /**
   * Rewrites the columns an import may change of people already here (the caller passes only
   * the ones that changed; emails go through `replaceEmails`), and the importing member's notes.
   */
  async updatePeople(ws: number, rows: readonly ImportedPerson[]): Promise<void> {
    if (rows.length === 0) return;
    await new MemberRelationshipsRepository(this.db, this.member).setNotes(
      ws,
      rows.map((r) => [r.id, r.notes] as const),
    );
    const st = this.prepared(
      'updatePerson',
      `update people set title = ?, department = ?, level = ?, manager_id = ?, phone = ?, company = ?,
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
          r.location,
          r.hireDate,
          r.updatedAt,
          ws,
          r.id,
        );
      return;
    }
    for (const part of chunks(rows, PG_ROWS)) {
      const col = <T>(f: (r: ImportedPerson) => T) => part.map(f);
      await sql`update people set title = x.title, department = x.department, level = x.level,
          manager_id = x.manager_id, phone = x.phone, company = x.company, location = x.location,
          hire_date = x.hire_date, updated_at = x.updated_at
        from unnest(${col((r) => r.id)}::int[], ${col((r) => r.title)}::text[], ${col((r) => r.department)}::text[],
          ${col((r) => r.level)}::int[], ${col((r) => r.managerId)}::int[], ${col((r) => r.phone)}::text[],
          ${col((r) => r.company)}::text[], ${col((r) => r.location)}::text[],
          ${col((r) => r.hireDate)}::text[], ${col((r) => r.updatedAt)}::text[])
          as x(id, title, department, level, manager_id, phone, company, location, hire_date, updated_at)
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
