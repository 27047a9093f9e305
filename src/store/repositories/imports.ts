import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, type Selectable, sql } from 'kysely';
import type { Connection } from '../database.js';
import type { Database, PeopleTable } from '../schema.js';
import { nameKey } from './people.js';

/** A person as the importer compares and writes them: the columns an import can set. */
export interface ImportPersonRow {
  name: string;
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  managerId: number | null;
  phone: string | null;
  company: string | null;
  category: string;
  tier: string;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  emails: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ImportInteractionRow {
  occurredAt: string;
  kind: string;
  capital: number;
  note: string | null;
  initiativeId: number | null;
  personIds: number[];
  source: string | null;
  createdAt: string;
}

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

type Statement = BetterSqlite3.Statement<unknown[]>;

/**
 * The queries of bulk import and restore. Lookups and writes go in batches; on SQLite through
 * statements prepared once on the raw handle (the import runs inside `store.transaction`,
 * which holds that same connection), because building each query through Kysely costs more
 * than the insert itself at a million rows.
 */
export class ImportsRepository {
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly connection: Connection,
  ) {}

  private prepared(key: string, text: string): Statement | null {
    const sqlite = this.connection.sqlite;
    if (!sqlite) return null;
    let st = this.statements.get(key);
    if (!st) {
      st = sqlite.prepare(text);
      this.statements.set(key, st);
    }
    return st;
  }

  /**
   * A big page cache for the length of an import: inserting a million emails in random order
   * touches index pages all over the file. The connection already opens with 256 MB; this
   * only makes sure nothing shrank it.
   */
  bulkMode(): void {
    const sqlite = this.connection.sqlite;
    if (sqlite && Number(sqlite.pragma('cache_size', { simple: true })) > -262144) {
      sqlite.pragma('cache_size = -262144');
    }
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
    for (const part of chunks(emails)) {
      const rows = await this.db
        .selectFrom('person_emails')
        .select(['email', 'person_id'])
        .where('workspace_id', '=', ws)
        .where('email', 'in', part)
        .execute();
      for (const r of rows) out.set(r.email, r.person_id);
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
    for (const part of chunks(keys)) {
      const rows = await this.db
        .selectFrom('people')
        .select(['name_key', 'id'])
        .where('workspace_id', '=', ws)
        .where('name_key', 'in', part)
        .orderBy('id')
        .execute();
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
        : chunks(unique).map((part) => () => this.rowsByKysely(ws, part));
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
          tier: p.tier,
          cadenceDays: p.cadence_days,
          interests: JSON.parse(p.interests) as string[],
          communication: p.communication,
          notes: p.notes,
          emails: [],
          createdAt: p.created_at,
          updatedAt: p.updated_at,
        });
      }
      for (const e of emails) out.get(e.person_id)?.emails.push(e.email);
    }
    return out;
  }

  private rowsByKysely(ws: number, part: number[]) {
    return Promise.all([
      this.db
        .selectFrom('people')
        .selectAll()
        .where('workspace_id', '=', ws)
        .where('id', 'in', part)
        .execute(),
      this.db
        .selectFrom('person_emails')
        .select(['person_id', 'email'])
        .where('workspace_id', '=', ws)
        .where('person_id', 'in', part)
        .orderBy('person_id')
        .orderBy('position')
        .execute(),
    ]);
  }

  /** Inserts people and returns their ids in input order. */
  async insertPeople(ws: number, rows: readonly ImportPersonRow[]): Promise<number[]> {
    const person = this.prepared(
      'insertPerson',
      `insert into people (workspace_id, name, name_key, title, team, department, level, manager_id, phone, company,
        category, tier, cadence_days, interests, communication, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const email = this.prepared(
      'insertEmail',
      'insert into person_emails (workspace_id, person_id, email, position) values (?, ?, ?, ?)',
    );
    if (person && email) {
      const ids: number[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i]!;
        const id = Number(
          person.run(
            ws,
            r.name,
            nameKey(r.name),
            r.title,
            r.team,
            r.department,
            r.level,
            r.managerId,
            r.phone,
            r.company,
            r.category,
            r.tier,
            r.cadenceDays,
            JSON.stringify(r.interests),
            r.communication,
            r.notes,
            r.createdAt,
            r.updatedAt,
          ).lastInsertRowid,
        );
        ids[i] = id;
        for (let j = 0; j < r.emails.length; j++) email.run(ws, id, r.emails[j], j);
      }
      return ids;
    }
    const ids: number[] = [];
    for (const part of chunks(rows)) {
      const inserted = await this.db
        .insertInto('people')
        .values(
          part.map((r) => ({
            workspace_id: ws,
            name: r.name,
            name_key: nameKey(r.name),
            title: r.title,
            team: r.team,
            department: r.department,
            level: r.level,
            manager_id: r.managerId,
            phone: r.phone,
            company: r.company,
            category: r.category,
            tier: r.tier,
            cadence_days: r.cadenceDays,
            interests: JSON.stringify(r.interests),
            communication: r.communication,
            notes: r.notes,
            created_at: r.createdAt,
            updated_at: r.updatedAt,
          })),
        )
        .returning('id')
        .execute();
      const partIds = inserted.map((x) => x.id);
      ids.push(...partIds);
      const emails = part.flatMap((r, i) =>
        r.emails.map((e, position) => ({ workspace_id: ws, person_id: partIds[i]!, email: e, position })),
      );
      if (emails.length > 0) await this.db.insertInto('person_emails').values(emails).execute();
    }
    return ids;
  }

  /** Rewrites the importable columns of existing people, emails included. */
  async updatePeople(ws: number, rows: readonly (ImportPersonRow & { id: number })[]): Promise<void> {
    for (const r of rows) {
      await this.db
        .updateTable('people')
        .set({
          title: r.title,
          department: r.department,
          level: r.level,
          manager_id: r.managerId,
          phone: r.phone,
          company: r.company,
          tier: r.tier,
          notes: r.notes,
          updated_at: r.updatedAt,
        })
        .where('workspace_id', '=', ws)
        .where('id', '=', r.id)
        .execute();
      await this.db
        .deleteFrom('person_emails')
        .where('workspace_id', '=', ws)
        .where('person_id', '=', r.id)
        .execute();
      if (r.emails.length > 0) {
        await this.db
          .insertInto('person_emails')
          .values(r.emails.map((email, position) => ({ workspace_id: ws, person_id: r.id, email, position })))
          .execute();
      }
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
    for (const [id, m] of pairs) {
      await this.db
        .updateTable('people')
        .set({ manager_id: m, updated_at: now })
        .where('workspace_id', '=', ws)
        .where('id', '=', id)
        .execute();
    }
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
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom('people')
        .select(['id', 'manager_id'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, r.manager_id);
    }
    return out;
  }

  async names(ws: number, ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const part of chunks([...new Set(ids)])) {
      const rows = await this.db
        .selectFrom('people')
        .select(['id', 'name'])
        .where('workspace_id', '=', ws)
        .where('id', 'in', part)
        .execute();
      for (const r of rows) out.set(r.id, r.name);
    }
    return out;
  }

  async existingSources(ws: number, sources: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (const part of chunks([...new Set(sources)])) {
      const rows = await this.db
        .selectFrom('interactions')
        .select('source')
        .where('workspace_id', '=', ws)
        .where('source', 'in', part)
        .execute();
      for (const r of rows) if (r.source !== null) out.add(r.source);
    }
    return out;
  }

  async insertInteractions(ws: number, rows: readonly ImportInteractionRow[]): Promise<number[]> {
    const interaction = this.prepared(
      'insertInteraction',
      `insert into interactions (workspace_id, occurred_at, kind, capital, note, initiative_id, source, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const participant = this.prepared(
      'insertParticipant',
      'insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital) values (?, ?, ?, ?, ?)',
    );
    if (interaction && participant) {
      return rows.map((r) => {
        const id = Number(
          interaction.run(ws, r.occurredAt, r.kind, r.capital, r.note, r.initiativeId, r.source, r.createdAt)
            .lastInsertRowid,
        );
        for (const p of r.personIds) participant.run(ws, id, p, r.occurredAt, r.capital);
        return id;
      });
    }
    const ids: number[] = [];
    for (const part of chunks(rows)) {
      const inserted = await this.db
        .insertInto('interactions')
        .values(
          part.map((r) => ({
            workspace_id: ws,
            occurred_at: r.occurredAt,
            kind: r.kind,
            capital: r.capital,
            note: r.note,
            initiative_id: r.initiativeId,
            source: r.source,
            created_at: r.createdAt,
          })),
        )
        .returning('id')
        .execute();
      const partIds = inserted.map((x) => x.id);
      ids.push(...partIds);
      const people = part.flatMap((r, i) =>
        r.personIds.map((person_id) => ({
          workspace_id: ws,
          interaction_id: partIds[i]!,
          person_id,
          occurred_at: r.occurredAt,
          capital: r.capital,
        })),
      );
      if (people.length > 0) await this.db.insertInto('interaction_people').values(people).execute();
    }
    return ids;
  }

  /** Reporting lines as a backup had them; updated_at stays as restored. */
  async restoreManagers(ws: number, pairs: readonly [number, number][]): Promise<void> {
    for (const [id, m] of pairs) {
      await this.db
        .updateTable('people')
        .set({ manager_id: m })
        .where('workspace_id', '=', ws)
        .where('id', '=', id)
        .execute();
    }
  }

  async insertInitiative(
    ws: number,
    i: {
      name: string;
      description: string | null;
      status: string;
      createdAt: string;
      archivedAt: string | null;
    },
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('initiatives')
      .values({
        workspace_id: ws,
        name: i.name,
        name_key: nameKey(i.name),
        description: i.description,
        status: i.status,
        created_at: i.createdAt,
        archived_at: i.archivedAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async insertPlan(ws: number, personId: number, strategy: string, createdAt: string): Promise<number> {
    const { id } = await this.db
      .insertInto('plans')
      .values({ workspace_id: ws, person_id: personId, strategy, created_at: createdAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async insertPlanStep(
    ws: number,
    planId: number,
    s: { text: string; due: string; doneAt: string | null },
  ): Promise<void> {
    await this.db
      .insertInto('plan_steps')
      .values({ workspace_id: ws, plan_id: planId, text: s.text, due: s.due, done_at: s.doneAt })
      .execute();
  }

  /** Every assessment of the workspace in the order they were entered. */
  async allAssessments(ws: number) {
    return this.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
  }

  /** Every interaction with its participants, in the order they were entered. */
  async allInteractions(ws: number): Promise<(ImportInteractionRow & { id: number })[]> {
    const [rows, people] = await Promise.all([
      this.db.selectFrom('interactions').selectAll().where('workspace_id', '=', ws).orderBy('id').execute(),
      this.db
        .selectFrom('interaction_people')
        .select(['interaction_id', 'person_id'])
        .where('workspace_id', '=', ws)
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

  /** The latest interaction per person. */
  async lastContacts(ws: number): Promise<Map<number, string>> {
    const rows = await this.db
      .selectFrom('interaction_people')
      .select((eb) => ['person_id', eb.fn.max('occurred_at').as('last')])
      .where('workspace_id', '=', ws)
      .groupBy('person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id, r.last as string]));
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
