import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../schema.js';

/** What a rollup row is built with: a row built with other values is stale. */
export interface RollupParams {
  halfLifeDays: number;
  /** Meetings of more people than this, me included, are not contact for a cadence. */
  largeMeeting: number;
}

/** What a rollup row holds besides its keys and parameters. */
export const ROLLUP_COLUMNS = [
  'anchor_day',
  'weighted',
  'deposits',
  'withdrawals',
  'last_at',
  'max_day',
  'weighted_deposits',
  'weighted_withdrawals',
  'last_one_to_one_at',
  'last_group_at',
] as const;

/**
 * How a rollup row is made: one row per person of `chunk` from their ledger rows of `member`,
 * each weighted by its decay `weight` (worked out once per ledger row: power() is most of the
 * cost), summed into balances and the dates of the last contacts.
 */
export async function insertRollupRows(
  db: Kysely<Database>,
  member: number,
  ws: number,
  chunk: number[],
  weight: RawBuilder<number>,
  today: string,
  { halfLifeDays, largeMeeting }: RollupParams,
): Promise<void> {
  await db
    .insertInto('person_capital')
    // In the order of the select below.
    .columns(['workspace_id', 'member_id', 'person_id', 'half_life_days', ...ROLLUP_COLUMNS, 'large_meeting'])
    .expression((eb) =>
      eb
        .selectFrom(
          eb
            .selectFrom('interaction_people as ip')
            .innerJoin('people as p', 'p.id', 'ip.person_id')
            .select([
              'ip.workspace_id',
              'ip.member_id',
              'ip.person_id',
              'ip.occurred_at',
              'ip.capital',
              'ip.party',
              weight.as('w'),
            ])
            .where('ip.workspace_id', '=', ws)
            .where('ip.member_id', '=', member)
            .where('ip.person_id', 'in', chunk)
            .as('ip'),
        )
        .select([
          'ip.workspace_id',
          'ip.member_id',
          'ip.person_id',
          sql<number>`${halfLifeDays}`.as('half_life_days'),
          sql<string>`${today}`.as('anchor_day'),
          sql<number>`sum(ip.capital * ip.w)`.as('weighted'),
          sql<number>`sum(case when ip.capital > 0 then ip.capital else 0 end)`.as('deposits'),
          sql<number>`sum(case when ip.capital < 0 then -ip.capital else 0 end)`.as('withdrawals'),
          sql<string>`max(ip.occurred_at)`.as('last_at'),
          sql<string>`max(substr(ip.occurred_at, 1, 10))`.as('max_day'),
          sql<number>`sum(case when ip.capital > 0 then ip.capital * ip.w else 0 end)`.as(
            'weighted_deposits',
          ),
          sql<number>`sum(case when ip.capital < 0 then -ip.capital * ip.w else 0 end)`.as(
            'weighted_withdrawals',
          ),
          sql<string>`max(case when ip.party = 1 then ip.occurred_at end)`.as('last_one_to_one_at'),
          // party + 1 (me) people in the room.
          sql<string>`max(case when ip.party > 1 and ip.party + 1 <= ${largeMeeting} then ip.occurred_at end)`.as(
            'last_group_at',
          ),
          sql<number>`${largeMeeting}`.as('large_meeting'),
        ])
        .groupBy(['ip.workspace_id', 'ip.member_id', 'ip.person_id']),
    )
    .execute();
}
