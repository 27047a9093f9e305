import type BetterSqlite3 from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { TIE_KINDS, type TieKind } from '../../domain/influence.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import type { MemberRelationshipsRepository } from './member-relationships.js';
import { type NetworkPerson, networkPeople, networkPersonKeys, type PersonKeys } from './network-people.js';

export type { NetworkPerson, PersonKeys } from './network-people.js';

export interface StoredTie {
  id: number;
  fromId: number;
  fromName: string;
  toId: number;
  toName: string;
  kind: TieKind;
  weight: number;
  createdAt: string;
}

/** Declared ties as parallel arrays, ready for a CSR build without a row object per tie. */
export interface TieArrays {
  from: Int32Array;
  to: Int32Array;
  weight: Float64Array;
  /** Index into TIE_KINDS. */
  kind: Uint8Array;
}

// SQLite packs each tie into one integer: ((from · 2^24 + to) · 8 + weight) · 16 + kind code
// stays below 2^53 while person ids are below 2^21, and one number per row reads about twice as
// fast as a row array. Larger ids fall back to row arrays.
const PACKED_ID_LIMIT = 2 ** 21;
const KIND_CASE = `case kind ${TIE_KINDS.map((k, i) => `when '${k}' then ${i}`).join(' ')} else 0 end`;
// The kinds' lengths differ (advice 6, influence 9, trust 5, friction 8), and length() per row is
// cheaper than a CASE over text (900k ties: ~450 against ~600 ms for the whole read); were two
// kinds ever the same length, the code would be the CASE's index instead.
const BY_LENGTH =
  new Set(TIE_KINDS.map((k) => k.length)).size === TIE_KINDS.length && TIE_KINDS.every((k) => k.length < 16);
const KIND_CODE = BY_LENGTH ? 'length(kind)' : KIND_CASE;
const KIND_OF_CODE = Uint8Array.from({ length: 16 }, (_, c) =>
  BY_LENGTH
    ? Math.max(
        0,
        TIE_KINDS.findIndex((k) => k.length === c),
      )
    : c,
);

/** Who took part in which interaction, ordered by interaction. */
export interface Participation {
  interactionId: Int32Array;
  personId: Int32Array;
  occurredAt: string[];
}

/** Declared ties, the network's version and its cached metrics. */
export class NetworkRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** The SQLite handle, given only inside a transaction or read that holds the connection. */
    private readonly raw: BetterSqlite3.Database | null,
    private readonly dialect: DialectName,
    /** The asking member's "me", which the network's answers start from. */
    private readonly mine: MemberRelationshipsRepository,
  ) {}

  /** Declares a tie, or re-weights the existing one of that kind. */
  async upsertTie(
    ws: number,
    from: number,
    to: number,
    kind: TieKind,
    weight: number,
    now: string,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    const existing = await this.db
      .selectFrom('ties')
      .select(['id', 'weight'])
      .where('workspace_id', '=', ws)
      .where('from_person_id', '=', from)
      .where('to_person_id', '=', to)
      .where('kind', '=', kind)
      .executeTakeFirst();
    if (existing?.weight === weight) return 'unchanged';
    if (existing) {
      await this.db.updateTable('ties').set({ weight }).where('id', '=', existing.id).execute();
    } else {
      await this.db
        .insertInto('ties')
        .values({ workspace_id: ws, from_person_id: from, to_person_id: to, kind, weight, created_at: now })
        .execute();
    }
    await this.bumpVersion(ws);
    return existing ? 'updated' : 'created';
  }

  /** Removes the ties from → to (of one kind, or all kinds); returns how many went. */
  async removeTies(ws: number, from: number, to: number, kind?: TieKind): Promise<number> {
    let q = this.db
      .deleteFrom('ties')
      .where('workspace_id', '=', ws)
      .where('from_person_id', '=', from)
      .where('to_person_id', '=', to);
    if (kind) q = q.where('kind', '=', kind);
    const r = await q.executeTakeFirst();
    const removed = Number(r.numDeletedRows);
    if (removed > 0) await this.bumpVersion(ws);
    return removed;
  }

  async listTies(ws: number): Promise<StoredTie[]> {
    const rows = await this.db
      .selectFrom('ties as t')
      .innerJoin('people as a', 'a.id', 't.from_person_id')
      .innerJoin('people as b', 'b.id', 't.to_person_id')
      .select([
        't.id',
        't.from_person_id',
        'a.name as from_name',
        't.to_person_id',
        'b.name as to_name',
        't.kind',
        't.weight',
        't.created_at',
      ])
      .where('t.workspace_id', '=', ws)
      .orderBy('a.name')
      .orderBy('b.name')
      .orderBy('t.kind')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      fromId: r.from_person_id,
      fromName: r.from_name,
      toId: r.to_person_id,
      toName: r.to_name,
      kind: r.kind as TieKind,
      weight: r.weight,
      createdAt: r.created_at,
    }));
  }

  /** The declared ties from or to one person. */
  async tiesOf(
    ws: number,
    personId: number,
  ): Promise<{ fromId: number; toId: number; kind: TieKind; weight: number }[]> {
    const rows = await this.db
      .selectFrom('ties')
      .select(['from_person_id', 'to_person_id', 'kind', 'weight'])
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('from_person_id', '=', personId), eb('to_person_id', '=', personId)]))
      .execute();
    return rows.map((r) => ({
      fromId: r.from_person_id,
      toId: r.to_person_id,
      kind: r.kind as TieKind,
      weight: r.weight,
    }));
  }

  /**
   * Every declared tie as typed arrays. On SQLite the rows come from a prepared statement as
   * packed integers, scanning the table rather than an index (a workspace's ties are most of it):
   * a million ties load in well under a second, where a row object per tie through the query
   * builder takes several.
   */
  async tieArrays(ws: number): Promise<TieArrays> {
    const sqlite = this.raw;
    if (sqlite) {
      const maxId = (sqlite.prepare('select max(id) from people').pluck().get() as number | null) ?? 0;
      if (maxId < PACKED_ID_LIMIT) {
        // One JSON array for all of them: JSON.parse builds an array of unboxed doubles where
        // the driver's rows leave a heap number per tie behind (900k ties: ~10 % less CPU with
        // the garbage collection included, same numbers).
        const packed = JSON.parse(
          sqlite
            .prepare(
              `select json_group_array(((from_person_id * 16777216 + to_person_id) * 8 + weight) * 16 + ${KIND_CODE})
               from ties not indexed where workspace_id = ?`,
            )
            .pluck()
            .get(ws) as string,
        ) as number[];
        const n = packed.length;
        const out = {
          from: new Int32Array(n),
          to: new Int32Array(n),
          weight: new Float64Array(n),
          kind: new Uint8Array(n),
        };
        for (let i = 0; i < n; i++) {
          let v = packed[i]!;
          out.kind[i] = KIND_OF_CODE[v % 16]!;
          v = Math.floor(v / 16);
          out.weight[i] = v % 8;
          v = Math.floor(v / 8);
          out.to[i] = v % 16777216;
          out.from[i] = Math.floor(v / 16777216);
        }
        return out;
      }
    }
    if (this.dialect === 'postgres') return this.packedTiesPostgres(ws);
    const rows = sqlite
      ? (sqlite
          .prepare(
            'select from_person_id, to_person_id, weight, kind from ties not indexed where workspace_id = ?',
          )
          .raw(true)
          .all(ws) as [number, number, number, string][])
      : (
          await this.db
            .selectFrom('ties')
            .select(['from_person_id', 'to_person_id', 'weight', 'kind'])
            .where('workspace_id', '=', ws)
            .execute()
        ).map((r) => [r.from_person_id, r.to_person_id, r.weight, r.kind] as const);
    return {
      from: Int32Array.from(rows, (r) => r[0]),
      to: Int32Array.from(rows, (r) => r[1]),
      weight: Float64Array.from(rows, (r) => r[2]),
      kind: Uint8Array.from(rows, (r) => Math.max(0, TIE_KINDS.indexOf(r[3] as TieKind))),
    };
  }

  /**
   * PostgreSQL sends every tie as 12 packed bytes (from, to: int4; weight, kind: int2, network
   * order) in one bytea: a million ties as a million row objects through the driver took
   * seconds, one buffer decodes in milliseconds. All four fields come from the same row, so
   * nothing depends on the order the aggregate sees the rows in. The bytes travel as base64
   * text: the driver's hex bytea output is half again larger and its decoding took twice the
   * client time (10.8 MB for 900k ties: 240 → 110 ms; Node's decoder skips encode()'s newlines).
   */
  private async packedTiesPostgres(ws: number): Promise<TieArrays> {
    const { rows } = await sql<{ packed: string | null }>`
      select encode(string_agg(
        int4send(from_person_id) || int4send(to_person_id) || int2send(weight::int2)
          || int2send((${sql.raw(KIND_CASE)})::int2),
        ''::bytea), 'base64') as packed
      from ties where workspace_id = ${ws}`.execute(this.db);
    const packed = Buffer.from(rows[0]?.packed ?? '', 'base64');
    const n = packed.length / 12;
    const out = {
      from: new Int32Array(n),
      to: new Int32Array(n),
      weight: new Float64Array(n),
      kind: new Uint8Array(n),
    };
    for (let i = 0, at = 0; i < n; i++, at += 12) {
      out.from[i] = packed.readInt32BE(at);
      out.to[i] = packed.readInt32BE(at + 4);
      out.weight[i] = packed.readInt16BE(at + 8);
      out.kind[i] = packed.readInt16BE(at + 10);
    }
    return out;
  }

  async people(ws: number): Promise<NetworkPerson[]> {
    return networkPeople(this.db, this.raw, ws);
  }

  async personKeys(ws: number): Promise<PersonKeys> {
    return networkPersonKeys(this.db, this.raw, this.dialect, ws);
  }

  /** Who took part in each interaction of the member's ledger, ordered by interaction id. */
  async participation(ws: number): Promise<Participation> {
    const rows = await this.db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select(['ip.interaction_id', 'ip.person_id', 'i.occurred_at'])
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.mine.member)
      .orderBy('ip.interaction_id')
      .orderBy('ip.person_id')
      .execute();
    return {
      interactionId: Int32Array.from(rows, (r) => r.interaction_id),
      personId: Int32Array.from(rows, (r) => r.person_id),
      occurredAt: rows.map((r) => r.occurred_at),
    };
  }

  /**
   * A string that changes whenever anything the network is built from changes: declared ties
   * (a counter bumped on every change), people (count, latest edit), interactions (count,
   * latest id), who "me" is and whose ledger the meetings come from (the asking member's).
   */
  async version(ws: number): Promise<string> {
    const [ties, people, interactions, me] = await Promise.all([
      this.db
        .selectFrom('network_versions')
        .select('version')
        .where('workspace_id', '=', ws)
        .executeTakeFirst(),
      this.db
        .selectFrom('people')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('at')])
        .where('workspace_id', '=', ws)
        .executeTakeFirstOrThrow(),
      this.db
        .selectFrom('interactions')
        .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('id').as('id')])
        .where('workspace_id', '=', ws)
        .executeTakeFirstOrThrow(),
      this.mine.me(ws),
    ]);
    return [
      ties?.version ?? 0,
      people.n,
      people.at ?? '',
      interactions.n,
      interactions.id ?? 0,
      me ?? '',
      `m${this.mine.member}`,
    ].join('|');
  }

  /** Marks the declared ties as changed (the bulk import writes them elsewhere, then says so once). */
  async bumpVersion(ws: number): Promise<void> {
    await this.db
      .insertInto('network_versions')
      .values({ workspace_id: ws, version: 1 })
      .onConflict((oc) =>
        oc.column('workspace_id').doUpdateSet((eb) => ({ version: eb('network_versions.version', '+', 1) })),
      )
      .execute();
  }

  async cached(ws: number, key: string, version: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('network_cache')
      .select(['version', 'payload'])
      .where('workspace_id', '=', ws)
      .where('key', '=', key)
      .executeTakeFirst();
    return row && row.version === version ? row.payload : undefined;
  }

  async cache(ws: number, key: string, version: string, payload: string, now: string): Promise<void> {
    await this.db
      .insertInto('network_cache')
      .values({ workspace_id: ws, key, version, payload, computed_at: now })
      .onConflict((oc) =>
        oc.columns(['workspace_id', 'key']).doUpdateSet({ version, payload, computed_at: now }),
      )
      .execute();
  }
}
