import { sql } from 'kysely';
import { chunks } from './import-rows.js';
import { ImportedPeopleRepository } from './imported-people.js';
import { ROWS_PER_RUN } from './multi-row.js';
import { nameKey } from './people.js';
import { drawPeopleIds } from './people-ids.js';

/**
 * New people of a first org chart import, one array per column (row i of every array is one
 * person): what `insertPeople` writes for rows with at most one email and no interests, team,
 * notes, tier or cadence of their own, without an object per person.
 */
export interface NewPeopleColumns {
  name: readonly string[];
  title: readonly (string | null)[];
  department: readonly (string | null)[];
  level: readonly (number | null)[];
  managerId: readonly (number | null)[];
  phone: readonly (string | null)[];
  company: readonly (string | null)[];
  category: readonly string[];
  location: readonly (string | null)[];
  email: readonly (string | null)[];
}

/** The columns bound per person; the rest are the same for every new person of an import. */
const BOUND = 10;

/** SQL text literal: the import's own timestamp and workspace go into the statement once. */
const literal = (v: string): string => `'${v.replaceAll("'", "''")}'`;

export class NewPeopleRepository extends ImportedPeopleRepository {
  /**
   * Inserts the people in `cols` (created and updated `now`); returns their ids in input
   * order. The same rows as `insertPeople` writes for them.
   */
  async insertNewPeople(ws: number, cols: NewPeopleColumns, now: string): Promise<number[]> {
    const n = cols.name.length;
    if (n === 0) return [];
    const text = `insert into people (workspace_id, created_at, updated_at, interests, team, communication, hire_date,
        name, name_key, title, department, level, manager_id, phone, company, category, location) values `;
    const tuple = `(${Number(ws)}, ${literal(now)}, ${literal(now)}, '[]', null, null, null, ${Array(BOUND).fill('?').join(', ')})`;
    const one = this.prepared(`newPerson ${ws} ${now}`, `${text}${tuple}`);
    const many = this.prepared(
      `newPeople ${ws} ${now}`,
      `${text}${Array(ROWS_PER_RUN).fill(tuple).join(', ')}`,
    );
    if (!one || !many) return this.insertNewPeoplePg(ws, cols, now);
    const ids: number[] = new Array(n);
    const args: unknown[] = new Array(BOUND * ROWS_PER_RUN);
    const bind = (at: number, i: number) => {
      const name = cols.name[i]!;
      args[at] = name;
      args[at + 1] = nameKey(name);
      args[at + 2] = cols.title[i];
      args[at + 3] = cols.department[i];
      args[at + 4] = cols.level[i];
      args[at + 5] = cols.managerId[i];
      args[at + 6] = cols.phone[i];
      args[at + 7] = cols.company[i];
      args[at + 8] = cols.category[i];
      args[at + 9] = cols.location[i];
    };
    let i = 0;
    // A plain rowid table gives the rows of one insert consecutive ids, each one more than the
    // largest before it: the last id names them all.
    for (; i + ROWS_PER_RUN <= n; i += ROWS_PER_RUN) {
      for (let j = 0; j < ROWS_PER_RUN; j++) bind(j * BOUND, i + j);
      const last = Number(many.run(args).lastInsertRowid);
      for (let j = 0; j < ROWS_PER_RUN; j++) ids[i + j] = last - ROWS_PER_RUN + 1 + j;
    }
    for (; i < n; i++) {
      bind(0, i);
      ids[i] = Number(one.run(args.slice(0, BOUND)).lastInsertRowid);
    }
    const email = this.prepared(
      'insertEmail',
      'insert into person_emails (workspace_id, person_id, email, position) values (?, ?, ?, ?)',
    )!;
    for (let i = 0; i < n; i++) if (cols.email[i] != null) email.run(ws, ids[i], cols.email[i], 0);
    return ids;
  }

  /** PostgreSQL: ids drawn first (they follow the input order), then the columns as arrays. */
  private async insertNewPeoplePg(ws: number, cols: NewPeopleColumns, now: string): Promise<number[]> {
    const n = cols.name.length;
    const ids = await drawPeopleIds(this.db, n);
    for (const part of chunks(
      Array.from(ids, (_, i) => i),
      5000,
    )) {
      const col = <T>(c: readonly T[]) => part.map((i) => c[i] ?? null);
      await sql`insert into people (id, workspace_id, name, name_key, title, team, department, level, manager_id,
          phone, company, category, interests, communication, location, hire_date, created_at, updated_at)
        select id, ${ws}::int, name, name_key, title, null, department, level, manager_id, phone, company, category,
          '[]', null, location, null, ${now}::text, ${now}::text
        from unnest(${col(ids)}::int[], ${col(cols.name)}::text[], ${part.map((i) => nameKey(cols.name[i]!))}::text[],
          ${col(cols.title)}::text[], ${col(cols.department)}::text[], ${col(cols.level)}::int[],
          ${col(cols.managerId)}::int[], ${col(cols.phone)}::text[], ${col(cols.company)}::text[],
          ${col(cols.category)}::text[], ${col(cols.location)}::text[])
          as x(id, name, name_key, title, department, level, manager_id, phone, company, category, location)`.execute(
        this.db,
      );
    }
    const mailed = ids.flatMap((_, i) => (cols.email[i] == null ? [] : [i]));
    if (mailed.length > 0) {
      await sql`insert into person_emails (workspace_id, person_id, email, position)
        select ${ws}::int, p, e, 0 from unnest(${mailed.map((i) => ids[i])}::int[],
          ${mailed.map((i) => cols.email[i])}::text[]) as x(p, e)`.execute(this.db);
    }
    return ids;
  }
}
