import { type Kysely, sql } from 'kysely';
import type { CapitalDay } from '../../domain/balance.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import { insertRollupRows, ROLLUP_COLUMNS, type RollupParams } from './capital-rows.js';
import { idIn } from './id-list.js';
import { jsonRows } from './json-rows.js';
import { LOCAL_MEMBER } from './member-relationships.js';

export type { RollupParams } from './capital-rows.js';

/** When I last had real contact with a person: alone, and in a small meeting. */
export interface CareContact {
  lastOneToOneAt: string | null;
  /** The last meeting of three people or more, up to the large-meeting size. */
  lastGroupAt: string | null;
}

export interface CapitalRollup extends CareContact {
  personId: number;
  anchorDay: string;
  /** Σ capital × 2^((day − anchorDay) / half-life). */
  weighted: number;
  /** The same sum over deposits and over withdrawals (positive), apart. */
  weightedDeposits: number;
  weightedWithdrawals: number;
  deposits: number;
  withdrawals: number;
  lastInteractionAt: string;
  /** The latest ledger day; the rollup answers for days on or after it. */
  maxDay: string;
}

/** A rollup row as read for everyone, where people with no ledger have nulls. */
export interface CapitalRollupFields extends CareContact {
  anchorDay: string | null;
  weighted: number | null;
  weightedDeposits: number | null;
  weightedWithdrawals: number | null;
  deposits: number;
  withdrawals: number;
  lastInteractionAt: string | null;
  maxDay: string | null;
}

/** Rows rebuilt at once from which PostgreSQL's statistics of the rollup are brought up to date. */
const ANALYZE_FROM = 1000;
const CHUNK = 500;

/** Most ids in one `in (...)` list: SQLite and PostgreSQL both cap the parameters of a statement. */
const MAX_IDS = 5000;

async function inChunks<T>(ids: readonly number[], run: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS) out.push(...(await run(ids.slice(i, i + MAX_IDS))));
  return out;
}

export interface CapitalSums {
  personId: number;
  /** Σ capital × 0.5^(age in whole days / half-life), unrounded. */
  decayed: number;
  /** The same over deposits alone (positive); decayed − decayedDeposits is the withdrawals' part. */
  decayedDeposits: number;
  deposits: number;
  withdrawals: number;
  lastInteractionAt: string | null;
}

/**
 * The member's social-capital ledger rolled up per person (`person_capital`, kept true by the
 * triggers of migrations 0101 and 0760): balances read one row per person, and only changed
 * people are recomputed. Every read and refresh is the bound member's: a balance is theirs.
 */
export class CapitalRepository {
  constructor(
    protected readonly db: Kysely<Database>,
    protected readonly dialect: DialectName,
    /** The asking member: tiers, cadences (and their own ledger) are theirs. */
    protected readonly member: number = LOCAL_MEMBER,
  ) {}

  /** `column in (ids)`, the dialect's fastest form. */
  protected idIn(column: string, ids: readonly number[]) {
    return idIn(this.dialect, column, ids);
  }

  /** Whether the capital rollup misses ledger changes or was built with other parameters. */
  async capitalStale(ws: number, params: RollupParams): Promise<boolean> {
    // One statement of seeks: any dirty mark, and the lowest and highest parameters the rollup
    // was built with, read at both ends of the parameters index (migration 0780). Asking for a
    // row with other parameters instead read every row of the member's rollup.
    const mine = sql`workspace_id = ${ws} and member_id = ${this.member}`;
    const end = (column: string, dir: 'asc' | 'desc') =>
      sql`(select ${sql.ref(column)} from person_capital where ${mine}
        order by half_life_days ${sql.raw(dir)}, large_meeting ${sql.raw(dir)} limit 1)`;
    const { rows } = await sql<{
      dirty: number | boolean;
      lo_half: number | null;
      lo_meeting: number | null;
      hi_half: number | null;
      hi_meeting: number | null;
    }>`select exists (select 1 from capital_dirty where ${mine}) as dirty,
        ${end('half_life_days', 'asc')} as lo_half, ${end('large_meeting', 'asc')} as lo_meeting,
        ${end('half_life_days', 'desc')} as hi_half, ${end('large_meeting', 'desc')} as hi_meeting`.execute(
      this.db,
    );
    const row = rows[0]!;
    if (Number(row.dirty) === 1) return true;
    const other = (half: number | null, meeting: number | null) =>
      half !== null && (Number(half) !== params.halfLifeDays || Number(meeting) !== params.largeMeeting);
    return other(row.lo_half, row.lo_meeting) || other(row.hi_half, row.hi_meeting);
  }

  /**
   * Recomputes the rollup rows of people whose ledger changed (or all, after a change of its
   * parameters), anchored on `today`. Call inside a transaction: the dirty marks are taken and
   * cleared together, so a change committed meanwhile is kept for the next refresh.
   */
  async refreshCapital(ws: number, today: string, params: RollupParams): Promise<number> {
    const { halfLifeDays, largeMeeting } = params;
    let q = this.db
      .selectFrom('capital_dirty')
      .select('person_id')
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member);
    if (this.dialect === 'postgres') q = q.forUpdate();
    const ids = new Set((await q.execute()).map((r) => r.person_id));
    const rehalf = await this.db
      .selectFrom('person_capital')
      .select('person_id')
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where((eb) =>
        eb.or([eb('half_life_days', '!=', halfLifeDays), eb('large_meeting', '!=', largeMeeting)]),
      )
      .execute();
    for (const r of rehalf) ids.add(r.person_id);
    const all = [...ids];
    const dayDiff =
      this.dialect === 'sqlite'
        ? sql<number>`(julianday(substr(ip.occurred_at, 1, 10)) - julianday(${today}))`
        : sql<number>`(cast(substr(ip.occurred_at, 1, 10) as date) - cast(${today} as date))`;
    const pow = this.dialect === 'sqlite' ? sql.raw('pow') : sql.raw('power');
    const weight = sql<number>`${pow}(cast(2 as double precision), ${dayDiff} / cast(${halfLifeDays} as double precision))`;
    for (let i = 0; i < all.length; i += CHUNK) {
      const chunk = all.slice(i, i + CHUNK);
      await this.db
        .deleteFrom('person_capital')
        .where('workspace_id', '=', ws)
        .where('member_id', '=', this.member)
        .where('person_id', 'in', chunk)
        .execute();
      await insertRollupRows(this.db, this.member, ws, chunk, weight, today, params);
      await this.db
        .deleteFrom('capital_dirty')
        .where('workspace_id', '=', ws)
        .where('member_id', '=', this.member)
        .where('person_id', 'in', chunk)
        .execute();
    }
    // A rollup built at once for thousands of people (the first read after a big import) leaves
    // PostgreSQL's planner thinking the table is empty until autovacuum comes by: focus then
    // joined 10,000 rollup rows to 3,000 relationships by a nested loop (14 ms instead of 3).
    if (this.dialect === 'postgres' && all.length >= ANALYZE_FROM)
      await sql`analyze person_capital`.execute(this.db);
    return all.length;
  }

  /** Everyone with their rollup row (null fields when they have no ledger), in one pass. */
  async peopleWithCapital(ws: number): Promise<(CapitalRollupFields & { personId: number; name: string })[]> {
    const rows = await this.db
      .selectFrom('people as p')
      .leftJoin('person_capital as c', (j) =>
        j
          .onRef('c.person_id', '=', 'p.id')
          .onRef('c.workspace_id', '=', 'p.workspace_id')
          .on('c.member_id', '=', this.member),
      )
      .select([
        'p.id',
        'p.name',
        'c.anchor_day',
        'c.weighted',
        'c.deposits',
        'c.withdrawals',
        'c.last_at',
        'c.max_day',
        'c.weighted_deposits',
        'c.weighted_withdrawals',
        'c.last_one_to_one_at',
        'c.last_group_at',
      ])
      .where('p.workspace_id', '=', ws)
      .execute();
    return rows.map((r) => ({
      personId: r.id,
      name: r.name,
      anchorDay: r.anchor_day,
      weighted: r.weighted === null ? null : Number(r.weighted),
      weightedDeposits: r.weighted_deposits === null ? null : Number(r.weighted_deposits),
      weightedWithdrawals: r.weighted_withdrawals === null ? null : Number(r.weighted_withdrawals),
      deposits: Number(r.deposits ?? 0),
      withdrawals: Number(r.withdrawals ?? 0),
      lastInteractionAt: r.last_at,
      maxDay: r.max_day,
      lastOneToOneAt: r.last_one_to_one_at,
      lastGroupAt: r.last_group_at,
    }));
  }

  /**
   * The last contacts in the rollup rows of everyone the member has a relationship row for: the
   * member's rows of `relationships` joined to theirs of the rollup, on the same key.
   */
  async lastContactsOfMine(
    ws: number,
  ): Promise<(CareContact & { personId: number; lastInteractionAt: string; maxDay: string })[]> {
    const q = this.db
      .selectFrom('relationships as rl')
      .innerJoin('person_capital as c', (j) =>
        j
          .onRef('c.workspace_id', '=', 'rl.workspace_id')
          .onRef('c.member_id', '=', 'rl.member_id')
          .onRef('c.person_id', '=', 'rl.person_id'),
      )
      .select(['c.person_id', 'c.last_at', 'c.max_day', 'c.last_one_to_one_at', 'c.last_group_at'])
      .where('rl.workspace_id', '=', ws)
      .where('rl.member_id', '=', this.member);
    // Thousands of rows for a member who tiers many: one JSON text (all text and ids).
    const { rows } = await jsonRows(this.dialect, q, [
      'person_id',
      'last_at',
      'max_day',
      'last_one_to_one_at',
      'last_group_at',
    ]).execute(this.db);
    const parsed = JSON.parse(rows[0]!.j) as [number, string, string, string | null, string | null][];
    return parsed.map(([personId, lastInteractionAt, maxDay, lastOneToOneAt, lastGroupAt]) => ({
      personId,
      lastInteractionAt,
      maxDay,
      lastOneToOneAt,
      lastGroupAt,
    }));
  }

  /** The rollup rows, all or some people's (people with no ledger have none). */
  async capitalRollup(ws: number, personIds?: readonly number[]): Promise<CapitalRollup[]> {
    let q = this.db
      .selectFrom('person_capital')
      .select(['person_id', ...ROLLUP_COLUMNS])
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member);
    if (personIds !== undefined) {
      if (personIds.length === 0) return [];
      if (personIds.length > MAX_IDS) return inChunks(personIds, (ids) => this.capitalRollup(ws, ids));
      q = q.where(this.idIn('person_id', personIds));
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      personId: r.person_id,
      anchorDay: r.anchor_day,
      weighted: Number(r.weighted),
      weightedDeposits: Number(r.weighted_deposits),
      weightedWithdrawals: Number(r.weighted_withdrawals),
      deposits: Number(r.deposits),
      withdrawals: Number(r.withdrawals),
      lastInteractionAt: r.last_at,
      maxDay: r.max_day,
      lastOneToOneAt: r.last_one_to_one_at,
      lastGroupAt: r.last_group_at,
    }));
  }

  /**
   * Decayed capital per person, summed in the database. The weight is the rule of
   * `domain/balance.ts` (`decayWeight` of the whole days between the entry's day and `today`,
   * future days counting in full), written once per dialect.
   */
  async capitalSums(
    ws: number,
    today: string,
    halfLifeDays: number,
    personIds?: readonly number[],
  ): Promise<CapitalSums[]> {
    const age =
      this.dialect === 'sqlite'
        ? sql<number>`max(0, julianday(${today}) - julianday(substr(ip.occurred_at, 1, 10)))`
        : sql<number>`greatest(0, cast(${today} as date) - cast(substr(ip.occurred_at, 1, 10) as date))`;
    const pow = this.dialect === 'sqlite' ? sql.raw('pow') : sql.raw('power');
    let q = this.db
      .selectFrom('interaction_people as ip')
      .select([
        'ip.person_id',
        // Floating point on purpose: PostgreSQL's numeric power() is orders of magnitude slower.
        sql<number>`sum(ip.capital * ${pow}(cast(0.5 as double precision), ${age} / cast(${halfLifeDays} as double precision)))`.as(
          'decayed',
        ),
        sql<number>`sum(case when ip.capital > 0 then ip.capital * ${pow}(cast(0.5 as double precision), ${age} / cast(${halfLifeDays} as double precision)) else 0 end)`.as(
          'decayed_deposits',
        ),
        sql<number>`sum(case when ip.capital > 0 then ip.capital else 0 end)`.as('deposits'),
        sql<number>`sum(case when ip.capital < 0 then -ip.capital else 0 end)`.as('withdrawals'),
        sql<string>`max(ip.occurred_at)`.as('last'),
      ])
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.member)
      .groupBy('ip.person_id');
    if (personIds !== undefined) {
      if (personIds.length === 0) return [];
      if (personIds.length > MAX_IDS)
        return inChunks(personIds, (ids) => this.capitalSums(ws, today, halfLifeDays, ids));
      q = q.where(this.idIn('ip.person_id', personIds));
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      personId: r.person_id,
      decayed: Number(r.decayed),
      decayedDeposits: Number(r.decayed_deposits),
      deposits: Number(r.deposits),
      withdrawals: Number(r.withdrawals),
      lastInteractionAt: r.last,
    }));
  }

  /** One person's capital per UTC day, oldest first: what `domain/balance.ts` sums. */
  async capitalDays(
    ws: number,
    personId: number,
  ): Promise<{ days: CapitalDay[]; lastInteractionAt: string | null }> {
    const rows = await this.db
      .selectFrom('interaction_people as ip')
      .select([
        sql<string>`substr(ip.occurred_at, 1, 10)`.as('day'),
        sql<number>`sum(case when ip.capital > 0 then ip.capital else 0 end)`.as('deposits'),
        sql<number>`sum(case when ip.capital < 0 then -ip.capital else 0 end)`.as('withdrawals'),
        sql<string>`max(ip.occurred_at)`.as('last'),
      ])
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.member)
      .where('ip.person_id', '=', personId)
      .groupBy(sql`substr(ip.occurred_at, 1, 10)`)
      .orderBy('day')
      .execute();
    return {
      days: rows.map((r) => ({
        day: r.day,
        deposits: Number(r.deposits),
        withdrawals: Number(r.withdrawals),
      })),
      lastInteractionAt:
        rows.length === 0 ? null : rows.reduce((m, r) => (r.last > m ? r.last : m), rows[0]!.last),
    };
  }
}
