import { sql } from 'kysely';
import { TIE_KINDS } from '../../domain/influence.js';
import { chunks, type ImportInteractionRow } from './import-rows.js';
import { placeholders, TIES_PER_RUN } from './multi-row.js';
import type { TieArrays } from './network.js';
import { NewPeopleRepository } from './new-people.js';
import { nameKey } from './people.js';

export type { ImportInteractionRow, ImportPersonRow } from './import-rows.js';

type DeferrableTable = 'people' | 'person_emails' | 'person_external_ids' | 'ties';
const PEOPLE_TABLES: readonly DeferrableTable[] = ['people', 'person_emails', 'person_external_ids'];

/**
 * The queries of bulk import and restore. Lookups and writes go in batches; on SQLite through
 * statements prepared once on the raw handle (the import runs inside `store.transaction`,
 * which holds that same connection), because building each query through Kysely costs more
 * than the insert itself at a million rows.
 */
export class ImportsRepository extends NewPeopleRepository {
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

  /** The index definitions `deferIndexes` dropped, to build again at the end. */
  private deferred: string[] = [];

  /**
   * Drops the secondary (non-unique) indexes of the given tables (by default people, their
   * emails and external ids), so a big first import appends rows and builds each index once,
   * sorted, at the end (`restoreIndexes`), instead of inserting a million keys into each in
   * random order. Only on SQLite (DDL is part of the transaction, so a failed import gets them
   * back; on PostgreSQL dropping an index locks out every workspace) and only while the first
   * table is empty in every workspace: rebuilding other workspaces' entries could cost more
   * than it saves. Unique indexes stay, so every constraint is checked as the rows go in. Says
   * whether it did.
   */
  async deferIndexes(tables: readonly DeferrableTable[] = PEOPLE_TABLES): Promise<boolean> {
    const sqlite = this.raw;
    if (!sqlite || this.deferred.length > 0) return false;
    if (sqlite.prepare(`select 1 from ${tables[0]} limit 1`).get() !== undefined) return false;
    const indexes = sqlite
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in (${tables.map(() => '?').join(', ')}) and sql not like 'create unique%'`,
      )
      .all(...tables) as { name: string; sql: string }[];
    for (const i of indexes) sqlite.exec(`drop index "${i.name.replaceAll('"', '""')}"`);
    this.deferred = indexes.map((i) => i.sql);
    // Statements prepared against the old schema would be re-prepared anyway; drop them now.
    this.statements.clear();
    return indexes.length > 0;
  }

  /** Builds the indexes `deferIndexes` dropped. */
  async restoreIndexes(): Promise<void> {
    const sqlite = this.raw;
    if (!sqlite) return;
    for (const text of this.deferred) sqlite.exec(text);
    this.deferred = [];
    this.statements.clear();
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
      `insert into interactions (workspace_id, occurred_at, kind, capital, note, initiative_id, source, created_at, author_id, shared)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const participant = this.prepared(
      'insertParticipant',
      'insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital, party, member_id, kind) values (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    if (interaction && participant) {
      return rows.map((r) => {
        const id = Number(
          interaction.run(
            ws,
            r.occurredAt,
            r.kind,
            r.capital,
            r.note,
            r.initiativeId,
            r.source,
            r.createdAt,
            this.member,
            r.shared ? 1 : 0,
          ).lastInsertRowid,
        );
        for (const p of r.personIds)
          participant.run(ws, id, p, r.occurredAt, r.capital, r.personIds.length, this.member, r.kind);
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
            author_id: this.member,
            shared: r.shared ? 1 : 0,
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
          member_id: this.member,
          kind: r.kind,
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
   * once, run 64 rows at a time in the caller's transaction (a million new ties: 2.7 s of
   * inserts one row per run, 2.4 s 64 per run; ties are narrow, so wider runs still pay).
   * PostgreSQL: one statement per 5,000 rows,
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
    const inserts = this.prepared(
      'insertTies',
      `insert into ties (workspace_id, from_person_id, to_person_id, kind, weight, created_at) values ${placeholders(6, TIES_PER_RUN)}`,
    );
    if (insert && inserts && update) {
      const { from, to, kind, weight } = added;
      const args: unknown[] = new Array(6 * TIES_PER_RUN);
      let i = 0;
      for (; i + TIES_PER_RUN <= from.length; i += TIES_PER_RUN) {
        for (let j = 0, o = 0; j < TIES_PER_RUN; j++, o += 6) {
          args[o] = ws;
          args[o + 1] = from[i + j];
          args[o + 2] = to[i + j];
          args[o + 3] = TIE_KINDS[kind[i + j]!];
          args[o + 4] = weight[i + j];
          args[o + 5] = now;
        }
        inserts.run(args);
      }
      for (; i < from.length; i++) insert.run(ws, from[i], to[i], TIE_KINDS[kind[i]!], weight[i], now);
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
