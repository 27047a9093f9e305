import { type Kysely, sql } from 'kysely';
import type { Category, Tier } from '../../domain/person.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import { idIn } from './id-list.js';
import { memberRow } from './member-relationships.js';

/** The condition of the practice index (migration 0500): SQLite uses the index only when a query repeats it. */
const PRACTICE_KINDS = sql.raw(
  `i.kind in ('help-received', 'introduction-received', 'gratitude', 'coffee', 'lunch')`,
);

/** A favour someone did me, not yet followed by a `gratitude` entry with them. */
export interface UnthankedHelp {
  personId: number;
  interactionId: number;
  occurredAt: string;
  kind: string;
  note: string | null;
}

/** My contact with one person over a window. */
export interface ContactShare {
  personId: number;
  /** Interactions with them; one shared by n people counts 1/n to each. */
  share: number;
  /** Interactions with them, whole. */
  count: number;
}

/** What the relationship stage of a person is computed from. */
export interface Engagement {
  personId: number;
  /** Informal contacts (coffee, lunch…) ever. */
  informal: number;
  /** One-to-one interactions on or after `oneToOneSince`. */
  oneToOne: number;
}

/** The fields of a person the practices read: department and interests, no contact details. */
export interface PracticePerson {
  id: number;
  name: string;
  department: string | null;
  team: string | null;
  category: Category;
  tier: Tier;
  interests: string[];
  /** How they like to be communicated with. */
  communication: string | null;
}

/**
 * The aggregates behind thanks, attention, deposits and stages. Each returns one row per person
 * (or per unthanked favour), never one per interaction.
 */
export class PracticeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
    /** Whose ledger is read and whose tiers the people carry. */
    private readonly member: number,
  ) {}

  /**
   * SQLite's CROSS JOIN keeps the join order written (the ledger's date or kind index first); the
   * planner would otherwise start from the people side. PostgreSQL plans a plain join well.
   */
  private get join() {
    return this.dialect === 'sqlite' ? sql.raw('cross join') : sql.raw('join');
  }

  private idIn(column: string, ids: readonly number[]) {
    return idIn(this.dialect, column, ids);
  }

  /**
   * Favours of the given kinds on or after `since` with no `gratitude` entry with that person on
   * or after their day (a thank-you logged the same day settles it). Both sides read the
   * practice index: the favours of the window and the thank-yous since its start, never the
   * whole ledger.
   */
  async unthankedHelp(
    ws: number,
    kinds: readonly string[],
    gratitude: string,
    since: string,
    oldest?: number,
  ): Promise<UnthankedHelp[]> {
    if (oldest !== undefined) return this.oldestUnthanked(ws, kinds, gratitude, since, oldest);
    const { rows } = await sql<{
      person_id: number;
      id: number;
      occurred_at: string;
      kind: string;
      note: string | null;
    }>`with thanked as (
        select ip.person_id, max(i.occurred_at) as last
          from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
          where i.workspace_id = ${ws} and i.author_id = ${this.member} and ${PRACTICE_KINDS} and i.kind = ${gratitude} and i.occurred_at >= ${since}
          group by ip.person_id)
      select ip.person_id, i.id, i.occurred_at, i.kind, i.note
        from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
          left join thanked t on t.person_id = ip.person_id
        where i.workspace_id = ${ws} and i.author_id = ${this.member} and ${PRACTICE_KINDS} and i.kind in (${sql.join([...kinds])})
          and i.occurred_at >= ${since} and (t.last is null or t.last < substr(i.occurred_at, 1, 10))
        order by i.occurred_at, i.id`.execute(this.db);
    return rows.map((r) => ({
      personId: Number(r.person_id),
      interactionId: Number(r.id),
      occurredAt: r.occurred_at,
      kind: r.kind,
      note: r.note,
    }));
  }

  /**
   * The `limit` oldest unthanked favours of each kind since `since`. Read in the practice
   * index's order, so the thank-you check runs for those rows only, not for every favour of a
   * long ledger (what focus needs: its two lines come from the oldest).
   */
  private async oldestUnthanked(
    ws: number,
    kinds: readonly string[],
    gratitude: string,
    since: string,
    limit: number,
  ): Promise<UnthankedHelp[]> {
    const out: UnthankedHelp[] = [];
    for (const kind of kinds) {
      const { rows } = await sql<{ person_id: number; id: number; occurred_at: string; note: string | null }>`
        select ip.person_id, i.id, i.occurred_at, i.note
          from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
          where i.workspace_id = ${ws} and i.author_id = ${this.member} and ${PRACTICE_KINDS} and i.kind = ${kind} and i.occurred_at >= ${since}
            and not exists (
              select 1 from interaction_people g ${this.join} interactions gi on gi.id = g.interaction_id
              where g.workspace_id = ${ws} and g.member_id = ${this.member} and g.person_id = ip.person_id
                and g.occurred_at >= substr(i.occurred_at, 1, 10)
                and gi.kind = ${gratitude})
          order by i.occurred_at, i.id
          limit ${limit}`.execute(this.db);
      for (const r of rows) {
        out.push({
          personId: Number(r.person_id),
          interactionId: Number(r.id),
          occurredAt: r.occurred_at,
          kind,
          note: r.note,
        });
      }
    }
    return out.sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.interactionId - b.interactionId,
    );
  }

  /** Per person, the entries of one kind (a practice kind: gratitude…) on or after `since`. */
  async kindCounts(ws: number, kind: string, since: string): Promise<Map<number, number>> {
    const { rows } = await sql<{ person_id: number; n: number }>`
      select ip.person_id, count(*) as n
        from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
        where i.workspace_id = ${ws} and i.author_id = ${this.member} and ${PRACTICE_KINDS} and i.kind = ${kind} and i.occurred_at >= ${since}
        group by ip.person_id`.execute(this.db);
    return new Map(rows.map((r) => [Number(r.person_id), Number(r.n)]));
  }

  /** Entries of one kind with one person on or after `since` (how often I asked them). */
  async kindCountWith(ws: number, personId: number, kind: string, since: string): Promise<number> {
    const row = await this.db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.member)
      .where('ip.person_id', '=', personId)
      .where('ip.occurred_at', '>=', since)
      .where('i.kind', '=', kind)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /**
   * Per person met on or after `since`: my share of interactions with them. Driven by the
   * ledger's date index, so the window is read, not the whole ledger.
   */
  async contactShares(ws: number, since: string): Promise<ContactShare[]> {
    // PostgreSQL counts each interaction's people with a window over one join (measured 0.9 s
    // against 1.4 s for joining the ledger twice on a million entries); SQLite joins twice through
    // its indexes, which is the faster there.
    const { rows } =
      this.dialect === 'postgres'
        ? await sql<{ person_id: number; share: number; n: number }>`
          select person_id, sum(1.0 / n) as share, count(*) as n from (
            select ip.person_id, count(*) over (partition by ip.interaction_id) as n
              from interactions i join interaction_people ip on ip.interaction_id = i.id
              where i.workspace_id = ${ws} and i.author_id = ${this.member} and i.occurred_at >= ${since}) x
          group by person_id`.execute(this.db)
        : await sql<{ person_id: number; share: number; n: number }>`
          with sizes as (
            select ip.interaction_id, count(*) as n
              from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
              where i.workspace_id = ${ws} and i.author_id = ${this.member} and i.occurred_at >= ${since}
              group by ip.interaction_id)
          select ip.person_id, sum(1.0 / s.n) as share, count(*) as n
            from sizes s ${this.join} interaction_people ip on ip.interaction_id = s.interaction_id
            group by ip.person_id`.execute(this.db);
    return rows.map((r) => ({ personId: Number(r.person_id), share: Number(r.share), count: Number(r.n) }));
  }

  /**
   * The newest entry of the workspace's ledgers: what a cached view of the member's depends on
   * (one primary-key read). Any member's new entry moves it: a cache dropped too often, never kept
   * too long; asking for the member's own newest would scan their whole ledger.
   */
  async ledgerMark(ws: number): Promise<number> {
    // Newest first along the primary key, stopping at the first row of the workspace. The unary
    // plus keeps SQLite off the workspace indexes, through which it would read every entry and
    // sort (measured 94–335 ms against 0.4 ms on a million entries).
    const { rows } = await sql<{ id: number }>`
      select id from interactions where +workspace_id = ${ws} order by id desc limit 1`.execute(this.db);
    return Number(rows[0]?.id ?? 0);
  }

  /** Capital moved per person on or after `since` (positive: I gave more than I took). */
  async recentCapital(ws: number, since: string): Promise<Map<number, number>> {
    const { rows } = await sql<{ person_id: number; capital: number }>`
      select ip.person_id, sum(i.capital) as capital
        from interactions i ${this.join} interaction_people ip on ip.interaction_id = i.id
        where i.workspace_id = ${ws} and i.author_id = ${this.member} and i.occurred_at >= ${since}
        group by ip.person_id`.execute(this.db);
    return new Map(rows.map((r) => [Number(r.person_id), Number(r.capital)]));
  }

  /** People in the workspace and the newest change to any: what a cached view of them depends on. */
  async peopleMark(ws: number): Promise<string> {
    const row = await this.db
      .selectFrom('people')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('updated_at').as('last')])
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    return `${Number(row.n)}:${String(row.last ?? '')}`;
  }

  /**
   * Per person, their highest current influence on an active initiative and which one, for
   * people at or above `minInfluence`: the current assessment is the one with no later one.
   */
  async currentInfluence(
    ws: number,
    minInfluence: number,
  ): Promise<Map<number, { influence: number; initiativeId: number }>> {
    const { rows } = await sql<{ person_id: number; initiative_id: number; influence: number }>`
      select a.person_id, a.initiative_id, a.influence
        from assessments a join initiatives i on i.id = a.initiative_id
        where a.workspace_id = ${ws} and i.status = 'active' and a.influence >= ${minInfluence}
          and not exists (select 1 from assessments b
            where b.workspace_id = a.workspace_id and b.initiative_id = a.initiative_id and b.person_id = a.person_id
              and (b.assessed_at > a.assessed_at or (b.assessed_at = a.assessed_at and b.id > a.id)))`.execute(
      this.db,
    );
    const out = new Map<number, { influence: number; initiativeId: number }>();
    for (const r of rows) {
      const seen = out.get(Number(r.person_id));
      if (!seen || Number(r.influence) > seen.influence) {
        out.set(Number(r.person_id), {
          influence: Number(r.influence),
          initiativeId: Number(r.initiative_id),
        });
      }
    }
    return out;
  }

  /** Everyone with at least one interaction ever. */
  async everMet(ws: number): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('interaction_people')
      .select('person_id')
      .distinct()
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }

  /** Informal contacts ever and recent one-to-ones, for the given people. */
  async engagement(
    ws: number,
    ids: readonly number[],
    w: { informalKinds: readonly string[]; oneToOneSince: string },
  ): Promise<Map<number, Engagement>> {
    if (ids.length === 0) return new Map();
    return this.engagementRows(ws, w, ids);
  }

  /**
   * Of the given people, those with a one-to-one interaction ever. Per person it stops at the
   * first interaction nobody else took part in, so an engaged person costs a seek or two.
   */
  async withOneToOne(ws: number, ids: readonly number[]): Promise<Set<number>> {
    if (ids.length === 0) return new Set();
    const { rows } = await sql<{ id: number }>`
      select p.id from people p
        where p.workspace_id = ${ws} and ${this.idIn('p.id', ids)} and exists (
          select 1 from interaction_people ip
            where ip.workspace_id = p.workspace_id and ip.member_id = ${this.member} and ip.person_id = p.id and not exists (
              select 1 from interaction_people o
                where o.interaction_id = ip.interaction_id and o.person_id <> ip.person_id))`.execute(
      this.db,
    );
    return new Set(rows.map((r) => Number(r.id)));
  }

  /** Informal contacts ever and one-to-ones since `since`, for everyone engaged at all. */
  async engagementOfAll(
    ws: number,
    w: { informalKinds: readonly string[]; oneToOneSince: string },
  ): Promise<Map<number, Engagement>> {
    const all = await this.engagementRows(ws, w, null);
    for (const [id, e] of all) if (e.informal === 0 && e.oneToOne === 0) all.delete(id);
    return all;
  }

  /**
   * Engagement from the member's ledger rows alone (of `ids`, or everyone's): the ledger index
   * holds each row's date, size and kind (migrations 0600, 0790), so neither read leaves it.
   */
  private async engagementRows(
    ws: number,
    w: { informalKinds: readonly string[]; oneToOneSince: string },
    ids: readonly number[] | null,
  ): Promise<Map<number, Engagement>> {
    const { rows } = await sql<{ person_id: number; informal: number; one: number }>`
      select ip.person_id,
          sum(case when ip.kind in (${sql.join([...w.informalKinds])}) then 1 else 0 end) as informal,
          sum(case when ip.occurred_at >= ${w.oneToOneSince} and ip.party = 1 then 1 else 0 end) as one
        from interaction_people ip
        where ip.workspace_id = ${ws} and ip.member_id = ${this.member}
          ${ids === null ? sql`` : sql`and ${this.idIn('ip.person_id', ids)}`}
        group by ip.person_id`.execute(this.db);
    const out = new Map<number, Engagement>();
    for (const r of rows) {
      const personId = Number(r.person_id);
      out.set(personId, { personId, informal: Number(r.informal), oneToOne: Number(r.one) });
    }
    return out;
  }

  /** Names, departments and interests of the given people. */
  async people(ws: number, ids: readonly number[]): Promise<PracticePerson[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('people as p')
      .leftJoin('relationships as rl', memberRow(this.member))
      .select([
        'p.id',
        'p.name',
        'p.department',
        'p.team',
        'p.category',
        'rl.tier',
        'p.interests',
        'p.communication',
      ])
      .where('p.workspace_id', '=', ws)
      .where(this.idIn('p.id', ids))
      .orderBy('p.id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      department: r.department,
      team: r.team,
      category: r.category as Category,
      tier: (r.tier ?? 'none') as Tier,
      interests: JSON.parse(r.interests) as string[],
      communication: r.communication,
    }));
  }
}
