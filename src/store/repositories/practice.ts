import { type Kysely, sql } from 'kysely';
import type { Category, Tier } from '../../domain/person.js';
import type { DialectName } from '../database.js';
import type { Database } from '../schema.js';
import { idIn } from './id-list.js';

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
  /** Capital moved on or after `capitalSince` (positive: deposits). */
  recentCapital: number;
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
}

/**
 * The aggregates behind thanks, attention, deposits and stages. Each returns one row per person
 * (or per unthanked favour), never one per interaction.
 */
export class PracticeRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: DialectName,
  ) {}

  private idIn(column: string, ids: readonly number[]) {
    return idIn(this.dialect, column, ids);
  }

  /**
   * Favours of the given kinds with no `gratitude` entry with that person on or after their day
   * (a thank-you logged the same day settles it).
   */
  async unthankedHelp(ws: number, kinds: readonly string[], gratitude: string): Promise<UnthankedHelp[]> {
    const { rows } = await sql<{
      person_id: number;
      id: number;
      occurred_at: string;
      kind: string;
      note: string | null;
    }>`select ip.person_id, i.id, i.occurred_at, i.kind, i.note
        from interaction_people ip join interactions i on i.id = ip.interaction_id
        where ip.workspace_id = ${ws} and i.kind in (${sql.join([...kinds])})
          and not exists (
            select 1 from interaction_people g join interactions gi on gi.id = g.interaction_id
            where g.workspace_id = ip.workspace_id and g.person_id = ip.person_id
              and gi.kind = ${gratitude} and g.occurred_at >= ip.occurred_at)
        order by ip.occurred_at, i.id`.execute(this.db);
    return rows.map((r) => ({
      personId: Number(r.person_id),
      interactionId: Number(r.id),
      occurredAt: r.occurred_at,
      kind: r.kind,
      note: r.note,
    }));
  }

  /** Per person, the entries of one kind on or after `since` (how many thank-yous, to whom). */
  async kindCounts(ws: number, kind: string, since: string): Promise<Map<number, number>> {
    const rows = await this.db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select((eb) => ['ip.person_id', eb.fn.countAll<number>().as('n')])
      .where('ip.workspace_id', '=', ws)
      .where('ip.occurred_at', '>=', since)
      .where('i.kind', '=', kind)
      .groupBy('ip.person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id, Number(r.n)]));
  }

  /** Per person met on or after `since`: my share of interactions with them. */
  async contactShares(ws: number, since: string): Promise<ContactShare[]> {
    const { rows } = await sql<{ person_id: number; share: number; n: number }>`
      with sizes as (
        select interaction_id, count(*) as n from interaction_people
        where workspace_id = ${ws} and occurred_at >= ${since} group by interaction_id)
      select ip.person_id, sum(1.0 / s.n) as share, count(*) as n
        from interaction_people ip join sizes s on s.interaction_id = ip.interaction_id
        where ip.workspace_id = ${ws} and ip.occurred_at >= ${since}
        group by ip.person_id`.execute(this.db);
    return rows.map((r) => ({ personId: Number(r.person_id), share: Number(r.share), count: Number(r.n) }));
  }

  /** Everyone with at least one interaction ever. */
  async everMet(ws: number): Promise<Set<number>> {
    const rows = await this.db
      .selectFrom('interaction_people')
      .select('person_id')
      .distinct()
      .where('workspace_id', '=', ws)
      .execute();
    return new Set(rows.map((r) => r.person_id));
  }

  /** Informal contacts ever, recent one-to-ones and recent capital, for the given people. */
  async engagement(
    ws: number,
    ids: readonly number[],
    w: { informalKinds: readonly string[]; oneToOneSince: string; capitalSince: string },
  ): Promise<Map<number, Engagement>> {
    const out = new Map<number, Engagement>();
    if (ids.length === 0) return out;
    const { rows } = await sql<{ person_id: number; informal: number; one: number; capital: number }>`
      select ip.person_id,
          sum(case when i.kind in (${sql.join([...w.informalKinds])}) then 1 else 0 end) as informal,
          sum(case when ip.occurred_at >= ${w.oneToOneSince} and (select count(*) from interaction_people o
            where o.interaction_id = ip.interaction_id) = 1 then 1 else 0 end) as one,
          sum(case when ip.occurred_at >= ${w.capitalSince} then ip.capital else 0 end) as capital
        from interaction_people ip join interactions i on i.id = ip.interaction_id
        where ip.workspace_id = ${ws} and ${this.idIn('ip.person_id', ids)}
        group by ip.person_id`.execute(this.db);
    for (const r of rows) {
      out.set(Number(r.person_id), {
        personId: Number(r.person_id),
        informal: Number(r.informal),
        oneToOne: Number(r.one),
        recentCapital: Number(r.capital),
      });
    }
    return out;
  }

  /** Names, departments and interests of the given people. */
  async people(ws: number, ids: readonly number[]): Promise<PracticePerson[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'name', 'department', 'team', 'category', 'tier', 'interests'])
      .where('workspace_id', '=', ws)
      .where(this.idIn('id', ids))
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      department: r.department,
      team: r.team,
      category: r.category as Category,
      tier: r.tier as Tier,
      interests: JSON.parse(r.interests) as string[],
    }));
  }
}
