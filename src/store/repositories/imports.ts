import { sql } from 'kysely';
import { TIE_KINDS } from '../../domain/influence.js';
import {
  chunks,
  type ImportInteractionRow,
  type ImportPersonRow,
  ImportReadsRepository,
} from './import-reads.js';
import type { TieArrays } from './network.js';
import { nameKey } from './people.js';

export type { ImportInteractionRow, ImportPersonRow } from './import-reads.js';

/**
 * The queries of bulk import and restore. Lookups and writes go in batches; on SQLite through
 * statements prepared once on the raw handle (the import runs inside `store.transaction`,
 * which holds that same connection), because building each query through Kysely costs more
 * than the insert itself at a million rows.
 */
export class ImportsRepository extends ImportReadsRepository {
  /**
   * A big page cache for the length of an import: inserting a million emails in random order
   * touches index pages all over the file. The connection already opens with 256 MB; this
   * only makes sure nothing shrank it.
   */
  bulkMode(): void {
    const sqlite = this.raw;
    if (sqlite && Number(sqlite.pragma('cache_size', { simple: true })) > -262144) {
      sqlite.pragma('cache_size = -262144');
    }
  }

  /** Inserts people and returns their ids in input order. */
  async insertPeople(ws: number, rows: readonly ImportPersonRow[]): Promise<number[]> {
    const person = this.prepared(
      'insertPerson',
      `insert into people (workspace_id, name, name_key, title, team, department, level, manager_id, phone, company,
        category, tier, cadence_days, interests, communication, notes, location, hire_date, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
            r.location,
            r.hireDate,
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
            location: r.location,
            hire_date: r.hireDate,
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
    for (const part of chunks(rows)) {
      await this.db
        .insertInto('person_external_ids')
        .values(part.map(([person_id, kind, value]) => ({ workspace_id: ws, person_id, kind, value })))
        .onConflict((oc) => oc.doNothing())
        .execute();
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
          location: r.location,
          hire_date: r.hireDate,
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
}
