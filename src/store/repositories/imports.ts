import { sql } from 'kysely';
import { TIE_KINDS } from '../../domain/influence.js';
import type { Tier } from '../../domain/person.js';
import { chunks, type ImportInteractionRow, type ImportPersonRow } from './import-reads.js';
import { ImportedPeopleRepository } from './imported-people.js';
import { MemberRelationshipsRepository } from './member-relationships.js';
import type { TieArrays } from './network.js';
import { nameKey } from './people.js';

export type { ImportInteractionRow, ImportPersonRow } from './import-reads.js';

/** Nobody imported has interests yet: the empty list needs no JSON.stringify per row. */
const interestsText = (r: ImportPersonRow): string =>
  r.interests.length === 0 ? '[]' : JSON.stringify(r.interests);

/**
 * The queries of bulk import and restore. Lookups and writes go in batches; on SQLite through
 * statements prepared once on the raw handle (the import runs inside `store.transaction`,
 * which holds that same connection), because building each query through Kysely costs more
 * than the insert itself at a million rows.
 */
export class ImportsRepository extends ImportedPeopleRepository {
  /**
   * A big page cache for the length of an import: inserting a million emails in random order
   * touches index pages all over the file. The connection already opens with 256 MB; this
   * only makes sure nothing shrank it. With the secondary indexes put off (below) the load
   * appends in order and a smaller cache does as well, keeping the process's memory down.
   */
  bulkMode(cacheMb = 256): void {
    const sqlite = this.raw;
    if (!sqlite) return;
    this.cacheBefore ??= Number(sqlite.pragma('cache_size', { simple: true }));
    sqlite.pragma(`cache_size = -${cacheMb * 1024}`);
  }

  /** The connection's page cache as it was before `bulkMode` (it outlives the import). */
  endBulkMode(): void {
    if (this.raw && this.cacheBefore !== null) this.raw.pragma(`cache_size = ${this.cacheBefore}`);
    this.cacheBefore = null;
  }

  private cacheBefore: number | null = null;

  /** The index definitions `deferPeopleIndexes` dropped, to build again at the end. */
  private deferred: string[] = [];

  /**
   * Drops the secondary (non-unique) indexes of people, their emails and external ids, so a
   * big first import appends rows and builds each index once, sorted, at the end
   * (`restorePeopleIndexes`), instead of inserting a million keys into each in random order.
   * Only on SQLite (DDL is part of the transaction, so a failed import gets them back; on
   * PostgreSQL dropping an index locks out every workspace) and only while nobody is in the
   * people table at all: rebuilding other workspaces' entries could cost more than it saves.
   * Unique indexes stay, so every constraint is checked as the rows go in. Says whether it did.
   */
  async deferPeopleIndexes(): Promise<boolean> {
    const sqlite = this.raw;
    if (!sqlite || this.deferred.length > 0) return false;
    if (sqlite.prepare('select 1 from people limit 1').get() !== undefined) return false;
    const indexes = sqlite
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in ('people', 'person_emails', 'person_external_ids') and sql not like 'create unique%'`,
      )
      .all() as { name: string; sql: string }[];
    for (const i of indexes) sqlite.exec(`drop index "${i.name.replaceAll('"', '""')}"`);
    this.deferred = indexes.map((i) => i.sql);
    // Statements prepared against the old schema would be re-prepared anyway; drop them now.
    this.statements.clear();
    return indexes.length > 0;
  }

  /** Builds the indexes `deferPeopleIndexes` dropped. */
  async restorePeopleIndexes(): Promise<void> {
    const sqlite = this.raw;
    if (!sqlite) return;
    for (const text of this.deferred) sqlite.exec(text);
    this.deferred = [];
    this.statements.clear();
  }

  /**
   * The importing member's tier and cadence with each person (rows[i] is person ids[i]). New
   * people with the default need no row, so a big first import writes none.
   */
  private async setViews(
    ws: number,
    rows: readonly ImportPersonRow[],
    ids: readonly number[],
    fresh: boolean,
  ): Promise<void> {
    const views = rows
      .map((r, i) => [ids[i]!, { tier: r.tier as Tier, cadenceDays: r.cadenceDays }] as const)
      .filter(([, v]) => !fresh || v.tier !== 'none' || v.cadenceDays !== null);
    if (views.length > 0) await new MemberRelationshipsRepository(this.db, this.member).setMany(ws, views);
  }

  /** Inserts people and returns their ids in input order. */
  async insertPeople(ws: number, rows: readonly ImportPersonRow[]): Promise<number[]> {
    const person = this.prepared(
      'insertPerson',
      `insert into people (workspace_id, name, name_key, title, team, department, level, manager_id, phone, company,
        category, interests, communication, notes, location, hire_date, created_at, updated_at)
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
            interestsText(r),
            r.communication,
            r.notes,
            r.location,
            r.hireDate,
            r.createdAt,
            r.updatedAt,
          ).lastInsertRowid,
        );
        ids[i] = id;
        for (let j = 0; j < r.emails.length; j++) email.run(ws, id, r.emails[j], j);
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
      const drawn = await sql<{
        id: number;
      }>`select nextval(pg_get_serial_sequence('people', 'id'))::int as id
        from generate_series(1, ${part.length}::int)`.execute(this.db);
      const partIds = drawn.rows.map((r) => r.id);
      const col = <T>(f: (r: ImportPersonRow) => T) => part.map(f);
      await sql`insert into people (id, workspace_id, name, name_key, title, team, department, level, manager_id,
          phone, company, category, interests, communication, notes, location, hire_date,
          created_at, updated_at)
        select id, ${ws}::int, name, name_key, title, team, department, level, manager_id, phone, company, category,
          interests, communication, notes, location, hire_date, created_at, updated_at
        from unnest(${partIds}::int[], ${col((r) => r.name)}::text[], ${col((r) => nameKey(r.name))}::text[],
          ${col((r) => r.title)}::text[], ${col((r) => r.team)}::text[], ${col((r) => r.department)}::text[],
          ${col((r) => r.level)}::int[], ${col((r) => r.managerId)}::int[], ${col((r) => r.phone)}::text[],
          ${col((r) => r.company)}::text[], ${col((r) => r.category)}::text[],
          ${col(interestsText)}::text[], ${col((r) => r.communication)}::text[],
          ${col((r) => r.notes)}::text[], ${col((r) => r.location)}::text[], ${col((r) => r.hireDate)}::text[],
          ${col((r) => r.createdAt)}::text[], ${col((r) => r.updatedAt)}::text[])
          as x(id, name, name_key, title, team, department, level, manager_id, phone, company, category,
            interests, communication, notes, location, hire_date, created_at, updated_at)`.execute(this.db);
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
    const st = this.prepared(
      'addExternalId',
      'insert into person_external_ids (workspace_id, person_id, kind, value) values (?, ?, ?, ?) on conflict do nothing',
    );
    if (st) {
      for (const [id, kind, value] of rows) st.run(ws, id, kind, value);
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
   * Everything a file may name a person by, read once for a whole file: external ids, emails
   * and names (lower-cased). Each key maps to the people it names, so an ambiguous name shows.
   */
  async personKeys(
    ws: number,
  ): Promise<{ external: [string, number][]; emails: [string, number][]; names: [string, number][] }> {
    const [external, emails, names] = await Promise.all([
      this.db
        .selectFrom('person_external_ids')
        .select(['value', 'person_id'])
        .where('workspace_id', '=', ws)
        .execute(),
      this.db
        .selectFrom('person_emails')
        .select(['email', 'person_id'])
        .where('workspace_id', '=', ws)
        .execute(),
      this.db
        .selectFrom('people')
        .select(['name', 'id'])
        .where('workspace_id', '=', ws)
        .orderBy('id')
        .execute(),
    ]);
    return {
      external: external.map((r) => [r.value, r.person_id]),
      emails: emails.map((r) => [r.email, r.person_id]),
      names: names.map((r) => [r.name, r.id]),
    };
  }

  async insertInteractions(ws: number, rows: readonly ImportInteractionRow[]): Promise<number[]> {
    const interaction = this.prepared(
      'insertInteraction',
      `insert into interactions (workspace_id, occurred_at, kind, capital, note, initiative_id, source, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const participant = this.prepared(
      'insertParticipant',
      'insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital, party) values (?, ?, ?, ?, ?, ?)',
    );
    if (interaction && participant) {
      return rows.map((r) => {
        const id = Number(
          interaction.run(ws, r.occurredAt, r.kind, r.capital, r.note, r.initiativeId, r.source, r.createdAt)
            .lastInsertRowid,
        );
        for (const p of r.personIds) participant.run(ws, id, p, r.occurredAt, r.capital, r.personIds.length);
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
          party: r.personIds.length,
        })),
      );
      if (people.length > 0) await this.db.insertInto('interaction_people').values(people).execute();
    }
    return ids;
  }

  /**
   * Writes a batch of declared ties: `added` are new (from, to, kind), inserted with `now`;
   * `reweighted` are known ones taking a new weight, applied after the inserts and in order (a
   * later row wins). Plain inserts, not upserts: the caller knows which ties exist, and the
   * conflict check cost a quarter of the insert at a million ties. SQLite: statements prepared
   * once, run per row in the caller's transaction. PostgreSQL: one statement per 5,000 rows,
   * the columns passed as arrays (unnest).
   */
  async writeTies(ws: number, added: TieArrays, reweighted: TieArrays, now: string): Promise<void> {
    const insert = this.prepared(
      'insertTie',
      'insert into ties (workspace_id, from_person_id, to_person_id, kind, weight, created_at) values (?, ?, ?, ?, ?, ?)',
    );
    const update = this.prepared(
      'reweighTie',
      'update ties set weight = ? where workspace_id = ? and from_person_id = ? and to_person_id = ? and kind = ?',
    );
    if (insert && update) {
      const { from, to, kind, weight } = added;
      for (let i = 0; i < from.length; i++)
        insert.run(ws, from[i], to[i], TIE_KINDS[kind[i]!], weight[i], now);
      const r = reweighted;
      for (let i = 0; i < r.from.length; i++)
        update.run(r.weight[i], ws, r.from[i], r.to[i], TIE_KINDS[r.kind[i]!]);
      return;
    }
    const columns = (t: TieArrays, part: number[]) => ({
      f: part.map((i) => t.from[i]),
      t: part.map((i) => t.to[i]),
      k: part.map((i) => TIE_KINDS[t.kind[i]!]),
      w: part.map((i) => t.weight[i]),
    });
    for (const part of chunks(
      Array.from(added.from, (_, i) => i),
      5000,
    )) {
      const c = columns(added, part);
      await sql`insert into ties (workspace_id, from_person_id, to_person_id, kind, weight, created_at)
        select ${ws}::int, f, t, k, w, ${now}::text
        from unnest(${c.f}::int[], ${c.t}::int[], ${c.k}::text[], ${c.w}::int[]) as x(f, t, k, w)`.execute(
        this.db,
      );
    }
    // An update matching a tie twice would apply either row: keep only the last for each tie.
    const last = new Map<string, number>();
    const r = reweighted;
    for (let i = 0; i < r.from.length; i++) last.set(`${r.from[i]},${r.to[i]},${r.kind[i]}`, i);
    for (const part of chunks(
      [...last.values()].sort((a, b) => a - b),
      5000,
    )) {
      const c = columns(r, part);
      await sql`update ties set weight = x.w
        from unnest(${c.f}::int[], ${c.t}::int[], ${c.k}::text[], ${c.w}::int[]) as x(f, t, k, w)
        where ties.workspace_id = ${ws}::int and ties.from_person_id = x.f and ties.to_person_id = x.t and ties.kind = x.k`.execute(
        this.db,
      );
    }
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
      .values({
        workspace_id: ws,
        author_id: this.member,
        person_id: personId,
        strategy,
        created_at: createdAt,
      })
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
}
