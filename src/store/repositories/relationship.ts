import { type ExpressionBuilder, sql } from 'kysely';
import { type Assessment, byAssessedAt } from '../../domain/assessment.js';
import type { Category, Tier } from '../../domain/person.js';
import type { Database } from '../schema.js';
import { toAssessment } from './assessments.js';
import { CapitalRepository } from './capital.js';
import { jsonRows } from './json-rows.js';
import { memberRow } from './member-relationships.js';

/** The fields of a person the relationship rules read: no emails, notes or contact details. */
export interface RelationshipPerson {
  id: number;
  name: string;
  /** Job title: an executive assistant or chief of staff sits next to their executive. */
  title: string | null;
  team: string | null;
  level: number | null;
  managerId: number | null;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  hasInterests: boolean;
  createdAt: string;
}

export interface ContactStats {
  lastInteractionAt: string | null;
  /** Interactions on or after the window start. */
  recent: number;
  /** Interactions on or after the long window's start (equal to `recent` when none was asked). */
  long: number;
}

export interface OrgRow {
  id: number;
  managerId: number | null;
  level: number | null;
  category: Category;
  tier: Tier;
  title: string | null;
}

/** A current assessment the focus list acts on, with the one before it. */
export interface FlaggedAssessment {
  initiativeId: number;
  personId: number;
  influence: number;
  stance: number;
  assessedAt: string;
  previousStance: number | null;
}

export interface StaleMap {
  initiativeId: number;
  count: number;
  oldestAt: string;
  /** One of the people, to name when there is only one. */
  somePersonId: number;
}

const _CHUNK = 500;

/** Stale placements the focus list weighs for its one re-assessment line: the most influential. */
const STALE_SHORTLIST = 20;

/** The columns of a person's read, in the order of `PersonRow`. */
const PERSON_COLUMNS = [
  'id',
  'name',
  'title',
  'team',
  'level',
  'manager_id',
  'category',
  'tier',
  'cadence_days',
  'created_at',
  'has_interests',
];
type PersonRow = [
  number,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  string,
  string | null,
  number | null,
  string,
  number,
];

/** The columns of focus's assessments query, in the order of `FocusRow`. */
const FOCUS_COLUMNS = [
  'kind',
  'initiative_id',
  'person_id',
  'influence',
  'stance',
  'assessed_at',
  'prev_stance',
  'n',
];
type FocusRow = [string, number, number, number | null, number | null, string, number | null, number];

/** Most ids in one `in (...)` list: SQLite and PostgreSQL both cap the parameters of a statement. */
const MAX_IDS = 5000;

async function inChunks<T>(ids: readonly number[], run: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += MAX_IDS) out.push(...(await run(ids.slice(i, i + MAX_IDS))));
  return out;
}

/**
 * The aggregates behind balances, nurture, focus, coverage and review. Each is one indexed
 * query whose result is one row per person (or per tagged pair), never one per interaction.
 */
export type {
  CapitalRollup,
  CapitalRollupFields,
  CapitalSums,
  CareContact,
  RollupParams,
} from './capital.js';

export class RelationshipRepository extends CapitalRepository {
  /** Everyone, or only people with a care cadence (a tier or their own), or only the given ids. */
  async people(
    ws: number,
    only?: { tiered?: boolean; ids?: readonly number[] },
  ): Promise<RelationshipPerson[]> {
    // Only people the member gave a tier, a cadence or a note: their rows, a range of the key,
    // joined to those people by id (scanning everyone and probing each was 2-3x slower on SQLite;
    // listing the rows' ids in a second statement cost a round trip and the list).
    const tieredOnly = only?.tiered === true && only.ids === undefined;
    if (only?.ids !== undefined && only.ids.length === 0) return [];
    if (only?.ids !== undefined && only.ids.length > MAX_IDS) {
      return inChunks(only.ids, (ids) => this.people(ws, { ...only, ids }));
    }
    let q = (
      tieredOnly
        ? this.db
            .selectFrom('relationships as rl')
            .innerJoin('people as p', (j) =>
              j.onRef('p.workspace_id', '=', 'rl.workspace_id').onRef('p.id', '=', 'rl.person_id'),
            )
            .where('rl.workspace_id', '=', ws)
            .where('rl.member_id', '=', this.member)
        : this.db.selectFrom('people as p').leftJoin('relationships as rl', memberRow(this.member))
    )
      .select([
        'p.id',
        'p.name',
        'p.title',
        'p.team',
        'p.level',
        'p.manager_id',
        'p.category',
        'rl.tier',
        'rl.cadence_days',
        'p.created_at',
        // Whether, not which: the interests themselves stay in the database.
        sql<number>`case when p.interests = '[]' then 0 else 1 end`.as('has_interests'),
      ])
      .where('p.workspace_id', '=', ws);
    if (only?.tiered && !tieredOnly) q = q.where('rl.person_id', 'is not', null);
    if (only?.ids !== undefined) q = q.where(this.idIn('p.id', only.ids));
    // Thousands of rows for the tiered or everyone: one JSON text of them, in the order of ids.
    const { rows } = await jsonRows(this.dialect, q, PERSON_COLUMNS, ['id']).execute(this.db);
    return (JSON.parse(rows[0]!.j) as PersonRow[]).map(
      ([id, name, title, team, level, managerId, category, tier, cadenceDays, createdAt, hasInterests]) => ({
        id,
        name,
        title,
        team,
        level,
        managerId,
        category: category as Category,
        tier: (tier ?? 'none') as Tier,
        cadenceDays,
        hasInterests: Number(hasInterests) === 1,
        createdAt,
      }),
    );
  }

  /**
   * Last interaction and the count since `since`, per person. Correlated per person so each is
   * an index seek (max) or a short range scan (recent rows only), not a pass over the ledger.
   */
  async contactStats(
    ws: number,
    since: string,
    personIds?: readonly number[],
    longSince?: string,
  ): Promise<Map<number, ContactStats>> {
    const countSince = (eb: ExpressionBuilder<Database & { p: Database['people'] }, 'p'>, from: string) =>
      eb
        .selectFrom('interaction_people as ip')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('ip.workspace_id', '=', 'p.workspace_id')
        .where('ip.member_id', '=', this.member)
        .whereRef('ip.person_id', '=', 'p.id')
        .where('ip.occurred_at', '>=', from);
    let q = this.db
      .selectFrom('people as p')
      .select((eb) => [
        'p.id',
        eb
          .selectFrom('interaction_people as ip')
          .select((e) => e.fn.max('ip.occurred_at').as('m'))
          .whereRef('ip.workspace_id', '=', 'p.workspace_id')
          .where('ip.member_id', '=', this.member)
          .whereRef('ip.person_id', '=', 'p.id')
          .as('last'),
        countSince(eb, since).as('recent'),
        // Only the importance score asks for the long window; other callers pay for one count.
        longSince === undefined ? sql<number>`null`.as('long') : countSince(eb, longSince).as('long'),
      ])
      .where('p.workspace_id', '=', ws);
    if (personIds !== undefined) {
      if (personIds.length === 0) return new Map();
      if (personIds.length > MAX_IDS) {
        const parts = await inChunks(personIds, async (ids) => [
          ...(await this.contactStats(ws, since, ids, longSince)),
        ]);
        return new Map(parts);
      }
      q = q.where(this.idIn('p.id', personIds));
    }
    const rows = await q.execute();
    return new Map(
      rows.map((r) => [
        r.id,
        {
          lastInteractionAt: (r.last as string | null) ?? null,
          recent: Number(r.recent ?? 0),
          long: r.long === null ? Number(r.recent ?? 0) : Number(r.long),
        },
      ]),
    );
  }

  /** The reporting tree and tiers only: what coverage needs, without names or contact details. */
  async orgChart(ws: number): Promise<OrgRow[]> {
    const rows = await this.db
      .selectFrom('people as p')
      .leftJoin('relationships as rl', memberRow(this.member))
      .select(['p.id', 'p.manager_id', 'p.level', 'p.category', 'rl.tier', 'p.title'])
      .where('p.workspace_id', '=', ws)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      managerId: r.manager_id,
      level: r.level,
      category: r.category as Category,
      tier: (r.tier ?? 'none') as Tier,
      title: r.title,
    }));
  }

  /**
   * What the focus list needs from the maps of active initiatives, computed in the database:
   * current assessments that are high-influence detractors or whose stance fell, with the
   * previous one, and per initiative how many current assessments are older than `staleBefore`.
   */
  async focusAssessments(
    ws: number,
    t: { influence: number; stance: number; stanceDrop: number; staleBefore: string },
  ): Promise<{ flagged: FlaggedAssessment[]; stale: StaleMap[]; staleTop: FlaggedAssessment[] }> {
    // The current assessment per (active initiative, person) with the previous stance, kept by
    // triggers (migration 0781): ranking every assessment here was most of a focus at scale.
    const current = sql`select c.initiative_id, c.person_id, c.influence, c.stance, c.assessed_at, c.prev_stance
      from current_assessments c join initiatives i on i.id = c.initiative_id
      where c.workspace_id = ${ws} and i.status = 'active'`;
    // One statement over the current rows (read where each branch needs them: a range of their
    // table is cheaper than a copy of it): flagged rows ('f': every high-influence
    // placement and every big drop), stale counts per map ('s') and the most influential stale
    // placements ('t', a shortlist for the one re-assessment line).
    const query = sql`with cur as not materialized (${current})
      select 'f' as kind, initiative_id, person_id, influence, stance, assessed_at, prev_stance, 1 as n
        from cur
        where influence >= ${t.influence} or prev_stance - stance >= ${t.stanceDrop}
      union all
      select 's', initiative_id, min(person_id), null, null, min(assessed_at), null, count(*)
        from cur where assessed_at < ${t.staleBefore} group by initiative_id
      union all
      select * from (select 't' as kind, initiative_id, person_id, influence, stance, assessed_at, prev_stance, 1 as n
        from cur where assessed_at < ${t.staleBefore}
        order by influence desc, assessed_at, person_id limit ${STALE_SHORTLIST}) top`;
    // Thousands of flagged rows at scale (every high-influence placement): one JSON text of them.
    const { rows: text } = await jsonRows(this.dialect, query, FOCUS_COLUMNS).execute(this.db);
    const rows = JSON.parse(text[0]!.j) as FocusRow[];
    const placement = ([, ini, person, influence, stance, at, prev]: FocusRow): FlaggedAssessment => ({
      initiativeId: ini,
      personId: person,
      influence: Number(influence),
      stance: Number(stance),
      assessedAt: at,
      previousStance: prev,
    });
    return {
      flagged: rows.filter((r) => r[0] === 'f').map(placement),
      staleTop: rows.filter((r) => r[0] === 't').map(placement),
      stale: rows
        .filter((r) => r[0] === 's')
        .map(([, ini, person, , , at, , n]) => ({
          initiativeId: ini,
          count: n,
          oldestAt: at,
          somePersonId: person,
        })),
    };
  }

  /**
   * Every assessment on an active initiative (of some people, if given), oldest first: current
   * ones and their history.
   * Sorted here rather than in SQL: PostgreSQL's collation-aware text sort costs more than the
   * query itself, and ISO times sort correctly as plain strings.
   */
  async activeAssessments(ws: number, personIds?: readonly number[]): Promise<Assessment[]> {
    let q = this.db
      .selectFrom('assessments as a')
      .innerJoin('initiatives as i', 'i.id', 'a.initiative_id')
      .selectAll('a')
      .where('a.workspace_id', '=', ws)
      .where('i.status', '=', 'active');
    if (personIds !== undefined) {
      if (personIds.length === 0) return [];
      if (personIds.length > MAX_IDS) {
        return (await inChunks(personIds, (ids) => this.activeAssessments(ws, ids))).sort(byAssessedAt);
      }
      q = q.where(this.idIn('a.person_id', personIds));
    }
    const rows = await q.execute();
    return rows.map(toAssessment).sort(byAssessedAt);
  }

  /** (initiative, person) pairs with an interaction tagged with the initiative. */
  async taggedPeople(ws: number, initiativeIds: readonly number[]): Promise<Map<number, Set<number>>> {
    const out = new Map<number, Set<number>>();
    if (initiativeIds.length === 0) return out;
    const rows = await this.db
      .selectFrom('interactions as i')
      .innerJoin('interaction_people as ip', 'ip.interaction_id', 'i.id')
      .select(['i.initiative_id', 'ip.person_id'])
      .distinct()
      .where('i.workspace_id', '=', ws)
      .where('i.author_id', '=', this.member)
      .where('i.initiative_id', 'in', [...initiativeIds])
      .execute();
    for (const r of rows) {
      const id = r.initiative_id!;
      const set = out.get(id) ?? new Set<number>();
      set.add(r.person_id);
      out.set(id, set);
    }
    return out;
  }

  /** Each interaction `personId` shared with someone else: who, and when (one row per pair). */
  async sharedInteractions(
    ws: number,
    personId: number,
  ): Promise<{ personId: number; occurredAt: string }[]> {
    const rows = await this.db
      .selectFrom('interaction_people as a')
      .innerJoin('interaction_people as b', 'b.interaction_id', 'a.interaction_id')
      .select(['b.person_id', 'b.occurred_at'])
      .where('a.workspace_id', '=', ws)
      .where('a.member_id', '=', this.member)
      .where('a.person_id', '=', personId)
      .where('b.person_id', '!=', personId)
      .execute();
    return rows.map((r) => ({ personId: r.person_id, occurredAt: r.occurred_at }));
  }
}
