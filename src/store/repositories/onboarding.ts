import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface StoredOnboardingList {
  id: number;
  memberId: number;
  memberName: string;
  personId: number | null;
  name: string;
  createdBy: number | null;
  createdAt: string;
  items: { id: number; personId: number; why: string | null; position: number }[];
}

/** People-to-meet lists of a workspace and their items. */
export class OnboardingRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insertList(
    ws: number,
    l: { memberId: number; personId: number | null; name: string; createdBy: number; createdAt: string },
    items: readonly { personId: number; why: string | null }[],
  ): Promise<number> {
    const { id } = await this.db
      .insertInto('onboarding_lists')
      .values({
        workspace_id: ws,
        member_id: l.memberId,
        person_id: l.personId,
        name: l.name,
        created_by: l.createdBy,
        created_at: l.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addItems(id, items, 0);
    return id;
  }

  /** Appends items after `from` (the positions already used). */
  async addItems(
    listId: number,
    items: readonly { personId: number; why: string | null }[],
    from: number,
  ): Promise<void> {
    if (items.length === 0) return;
    await this.db
      .insertInto('onboarding_items')
      .values(
        items.map((i, k) => ({ list_id: listId, person_id: i.personId, why: i.why, position: from + k + 1 })),
      )
      .execute();
  }

  /** The workspace's lists, all or those made for one member, oldest first, with their items in order. */
  async lists(ws: number, opts: { memberId?: number; id?: number } = {}): Promise<StoredOnboardingList[]> {
    let q = this.db
      .selectFrom('onboarding_lists as l')
      .innerJoin('users as u', 'u.id', 'l.member_id')
      .select([
        'l.id',
        'l.member_id',
        'u.name',
        'l.person_id',
        'l.name as list_name',
        'l.created_by',
        'l.created_at',
      ])
      .where('l.workspace_id', '=', ws)
      .orderBy('l.id');
    if (opts.memberId !== undefined) q = q.where('l.member_id', '=', opts.memberId);
    if (opts.id !== undefined) q = q.where('l.id', '=', opts.id);
    const rows = await q.execute();
    if (rows.length === 0) return [];
    const items = await this.db
      .selectFrom('onboarding_items')
      .select(['id', 'list_id', 'person_id', 'why', 'position'])
      .where(
        'list_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      memberId: r.member_id,
      memberName: r.name,
      personId: r.person_id,
      name: r.list_name,
      createdBy: r.created_by,
      createdAt: r.created_at,
      items: items
        .filter((i) => i.list_id === r.id)
        .map((i) => ({ id: i.id, personId: i.person_id, why: i.why, position: i.position })),
    }));
  }

  /** When `member` first met each of these people (any interaction they logged) on or after `since`. */
  async firstMetSince(
    ws: number,
    member: number,
    personIds: readonly number[],
    since: string,
  ): Promise<Map<number, string>> {
    if (personIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('interaction_people')
      .select((eb) => ['person_id', eb.fn.min('occurred_at').as('first')])
      .where('workspace_id', '=', ws)
      .where('member_id', '=', member)
      .where('person_id', 'in', personIds)
      .where('occurred_at', '>=', since)
      .groupBy('person_id')
      .execute();
    return new Map(rows.map((r) => [r.person_id, r.first as string]));
  }
}
