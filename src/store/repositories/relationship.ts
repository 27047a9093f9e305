import { type Kysely, sql } from 'kysely';
import type { Assessment } from '../../domain/assessment.js';
import type { CapitalDay } from '../../domain/balance.js';
import type { Category, Tier } from '../../domain/person.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import { toAssessment } from './assessments.js';

/** The fields of a person the relationship rules read: no emails, notes or contact details. */
export interface RelationshipPerson {
  id: number;
  name: string;
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
}

export interface CapitalSums {
  personId: number;
  /** Σ capital × 0.5^(age in whole days / half-life), unrounded. */
  decayed: number;
  deposits: number;
  withdrawals: number;
  lastInteractionAt: string | null;
}

/**
 * The aggregates behind balances, nurture, focus, coverage and review. Each is one indexed
 * query whose result is one row per person (or per tagged pair), never one per interaction.
 */
export class RelationshipRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  async people(ws: number): Promise<RelationshipPerson[]> {
    const rows = await this.db
      .selectFrom('people')
      .select([
        'id',
        'name',
        'team',
        'level',
        'manager_id',
        'category',
        'tier',
        'cadence_days',
        'interests',
        'created_at',
      ])
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      team: r.team,
      level: r.level,
      managerId: r.manager_id,
      category: r.category as Category,
      tier: r.tier as Tier,
      cadenceDays: r.cadence_days,
      hasInterests: r.interests !== '[]',
      createdAt: r.created_at,
    }));
  }

  /**
   * Last interaction and the count since `since`, per person. Correlated per person so each is
   * an index seek (max) or a short range scan (recent rows only), not a pass over the ledger.
   */
  async contactStats(
    ws: number,
    since: string,
    personIds?: readonly number[],
  ): Promise<Map<number, ContactStats>> {
    let q = this.db
      .selectFrom('people as p')
      .select((eb) => [
        'p.id',
        eb
          .selectFrom('interaction_people as ip')
          .select((e) => e.fn.max('ip.occurred_at').as('m'))
          .whereRef('ip.workspace_id', '=', 'p.workspace_id')
          .whereRef('ip.person_id', '=', 'p.id')
          .as('last'),
        eb
          .selectFrom('interaction_people as ip')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('ip.workspace_id', '=', 'p.workspace_id')
          .whereRef('ip.person_id', '=', 'p.id')
          .where('ip.occurred_at', '>=', since)
          .as('recent'),
      ])
      .where('p.workspace_id', '=', ws);
    if (personIds !== undefined) {
      if (personIds.length === 0) return new Map();
      q = q.where('p.id', 'in', [...personIds]);
    }
    const rows = await q.execute();
    return new Map(
      rows.map((r) => [
        r.id,
        { lastInteractionAt: (r.last as string | null) ?? null, recent: Number(r.recent ?? 0) },
      ]),
    );
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
        sql<number>`sum(ip.capital * ${pow}(0.5, ${age} * 1.0 / ${halfLifeDays}))`.as('decayed'),
        sql<number>`sum(case when ip.capital > 0 then ip.capital else 0 end)`.as('deposits'),
        sql<number>`sum(case when ip.capital < 0 then -ip.capital else 0 end)`.as('withdrawals'),
        sql<string>`max(ip.occurred_at)`.as('last'),
      ])
      .where('ip.workspace_id', '=', ws)
      .groupBy('ip.person_id');
    if (personIds !== undefined) {
      if (personIds.length === 0) return [];
      q = q.where('ip.person_id', 'in', [...personIds]);
    }
    const rows = await q.execute();
    return rows.map((r) => ({
      personId: r.person_id,
      decayed: Number(r.decayed),
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

  /** Every assessment on an active initiative, oldest first: current ones and their history. */
  async activeAssessments(ws: number): Promise<Assessment[]> {
    const rows = await this.db
      .selectFrom('assessments as a')
      .innerJoin('initiatives as i', 'i.id', 'a.initiative_id')
      .selectAll('a')
      .where('a.workspace_id', '=', ws)
      .where('i.status', '=', 'active')
      .orderBy('a.assessed_at')
      .orderBy('a.id')
      .execute();
    return rows.map(toAssessment);
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

  /** Everyone who took part in an interaction together with `personId`. */
  async sharedInteractionPartners(ws: number, personId: number): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('interaction_people as a')
      .innerJoin('interaction_people as b', 'b.interaction_id', 'a.interaction_id')
      .select('b.person_id')
      .distinct()
      .where('a.workspace_id', '=', ws)
      .where('a.person_id', '=', personId)
      .where('b.person_id', '!=', personId)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }
}
