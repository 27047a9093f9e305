import { type JoinBuilder, type Kysely, sql } from 'kysely';
import type { Tier } from '../../domain/person.js';
import type { Database } from '../schema.js';

/**
 * The member a database used only by the CLI works as, before any account exists. The first
 * account to own such a workspace adopts its rows (`adoptLocal`).
 */
export const LOCAL_MEMBER = 0;

/**
 * The join from people (as `p`) to the member's row (as `rl`): all three columns of the key,
 * so it is one index seek per person. A left join: no row means the default view.
 */
export function memberRow(member: number) {
  // biome-ignore lint/suspicious/noExplicitAny: the callers' builders differ only in the other tables they select
  return <J extends JoinBuilder<any, any>>(j: J): J =>
    j
      .onRef('rl.workspace_id', '=', 'p.workspace_id')
      .on('rl.member_id', '=', member)
      .onRef('rl.person_id', '=', 'p.id') as J;
}

/** A member's own view of a person: what a new person has until the member says otherwise. */
export interface MemberView {
  tier: Tier;
  cadenceDays: number | null;
  /** Their own notes on the person (migration 0770). */
  notes: string | null;
}

export const DEFAULT_VIEW: MemberView = { tier: 'none', cadenceDays: null, notes: null };

const isDefault = (v: MemberView): boolean =>
  v.tier === DEFAULT_VIEW.tier && v.cadenceDays === null && v.notes === null;

/**
 * A member's tier, cadence and notes with people, and their "me" (migrations 0720, 0770). Rows
 * that equal the default are not kept, so the table holds only the relationships a member has tended.
 */
export class MemberRelationshipsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Whose relationships these are. */
    readonly member: number,
  ) {}

  /** Writes the member's tier, cadence and notes with each person ([personId, view]). */
  async setMany(ws: number, rows: readonly (readonly [number, MemberView])[]): Promise<void> {
    const kept = rows.filter(([, v]) => !isDefault(v));
    const dropped = rows.filter(([, v]) => isDefault(v));
    for (let i = 0; i < dropped.length; i += 500) {
      await this.db
        .deleteFrom('relationships')
        .where('workspace_id', '=', ws)
        .where('member_id', '=', this.member)
        .where(
          'person_id',
          'in',
          dropped.slice(i, i + 500).map(([id]) => id),
        )
        .execute();
    }
    for (let i = 0; i < kept.length; i += 500) {
      await this.db
        .insertInto('relationships')
        .values(
          kept.slice(i, i + 500).map(([personId, v]) => ({
            workspace_id: ws,
            member_id: this.member,
            person_id: personId,
            tier: v.tier,
            cadence_days: v.cadenceDays,
            notes: v.notes,
          })),
        )
        .onConflict((oc) =>
          oc.columns(['workspace_id', 'member_id', 'person_id']).doUpdateSet((eb) => ({
            tier: eb.ref('excluded.tier'),
            cadence_days: eb.ref('excluded.cadence_days'),
            notes: eb.ref('excluded.notes'),
          })),
        )
        .execute();
    }
  }

  /**
   * Sets the member's notes on each person ([personId, notes]), keeping their tier and cadence:
   * set-wise, for an import's changed people. Rows left at the default are dropped.
   */
  async setNotes(ws: number, rows: readonly (readonly [number, string | null])[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 500) {
      const part = rows.slice(i, i + 500);
      const noted = part.filter(([, notes]) => notes !== null);
      if (noted.length > 0) {
        await this.db
          .insertInto('relationships')
          .values(
            noted.map(([personId, notes]) => ({
              workspace_id: ws,
              member_id: this.member,
              person_id: personId,
              tier: DEFAULT_VIEW.tier,
              cadence_days: null,
              notes,
            })),
          )
          .onConflict((oc) =>
            oc
              .columns(['workspace_id', 'member_id', 'person_id'])
              .doUpdateSet((eb) => ({ notes: eb.ref('excluded.notes') })),
          )
          .execute();
      }
      const cleared = part.filter(([, notes]) => notes === null).map(([id]) => id);
      if (cleared.length > 0) {
        await this.db
          .updateTable('relationships')
          .set({ notes: null })
          .where('workspace_id', '=', ws)
          .where('member_id', '=', this.member)
          .where('person_id', 'in', cleared)
          .execute();
        await this.db
          .deleteFrom('relationships')
          .where('workspace_id', '=', ws)
          .where('member_id', '=', this.member)
          .where('person_id', 'in', cleared)
          .where('tier', '=', DEFAULT_VIEW.tier)
          .where('cadence_days', 'is', null)
          .execute();
      }
    }
  }

  async get(ws: number, personId: number): Promise<MemberView> {
    const row = await this.db
      .selectFrom('relationships')
      .select(['tier', 'cadence_days', 'notes'])
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where('person_id', '=', personId)
      .executeTakeFirst();
    return row ? { tier: row.tier as Tier, cadenceDays: row.cadence_days, notes: row.notes } : DEFAULT_VIEW;
  }

  /** Changes only what is given, keeping the rest of the member's view. */
  async set(ws: number, personId: number, changes: Partial<MemberView>): Promise<void> {
    const next = { ...(await this.get(ws, personId)), ...changes };
    await this.setMany(ws, [[personId, next]]);
  }

  /** The member's "me": member 0's lives on the workspace, an account's on its membership. */
  async me(ws: number): Promise<number | null> {
    if (this.member === LOCAL_MEMBER) {
      const row = await this.db
        .selectFrom('workspaces')
        .select('me_person_id')
        .where('id', '=', ws)
        .executeTakeFirst();
      return row?.me_person_id ?? null;
    }
    const row = await this.db
      .selectFrom('members')
      .select('me_person_id')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', this.member)
      .executeTakeFirst();
    return row?.me_person_id ?? null;
  }

  async setMe(ws: number, personId: number | null): Promise<void> {
    if (this.member === LOCAL_MEMBER) {
      await this.db.updateTable('workspaces').set({ me_person_id: personId }).where('id', '=', ws).execute();
      return;
    }
    await this.db
      .updateTable('members')
      .set({ me_person_id: personId })
      .where('workspace_id', '=', ws)
      .where('user_id', '=', this.member)
      .execute();
  }

  /**
   * The account `userId` takes over what the local member kept in workspace `ws` (its tiers,
   * cadences, plans, ledger and "me"), so the CLI and the server go on with the same data once
   * the CLI's workspace becomes the owner's. Rows the account already has win. In a transaction.
   */
  async adoptLocal(ws: number, userId: number): Promise<void> {
    await this.db
      .deleteFrom('relationships')
      .where('workspace_id', '=', ws)
      .where('member_id', '=', LOCAL_MEMBER)
      .where('person_id', 'in', (eb) =>
        eb
          .selectFrom('relationships as mine')
          .select('mine.person_id')
          .where('mine.workspace_id', '=', ws)
          .where('mine.member_id', '=', userId),
      )
      .execute();
    // The ledger rows follow their interactions; the rollup triggers mark both members' rows.
    const owned = [
      ['relationships', 'member_id'],
      ['plans', 'author_id'],
      ['interactions', 'author_id'],
      ['interaction_people', 'member_id'],
    ] as const;
    for (const [table, column] of owned) {
      await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${userId}
        where workspace_id = ${ws} and ${sql.ref(column)} = ${LOCAL_MEMBER}`.execute(this.db);
    }
    for (const table of ['person_capital', 'capital_dirty'] as const)
      await this.db
        .deleteFrom(table)
        .where('workspace_id', '=', ws)
        .where('member_id', '=', LOCAL_MEMBER)
        .execute();
    const me = await this.db
      .selectFrom('workspaces')
      .select('me_person_id')
      .where('id', '=', ws)
      .executeTakeFirst();
    if (me?.me_person_id != null) {
      await this.db
        .updateTable('members')
        .set({ me_person_id: me.me_person_id })
        .where('workspace_id', '=', ws)
        .where('user_id', '=', userId)
        .where('me_person_id', 'is', null)
        .execute();
      await this.db.updateTable('workspaces').set({ me_person_id: null }).where('id', '=', ws).execute();
    }
  }

  /** The member the CLI works as by default: the workspace's owner, else the local member. */
  async defaultMember(ws: number): Promise<number> {
    const row = await this.db
      .selectFrom('members')
      .select((eb) => eb.fn.min('user_id').as('id'))
      .where('workspace_id', '=', ws)
      .where('role', '=', 'owner')
      .executeTakeFirst();
    return row?.id == null ? LOCAL_MEMBER : Number(row.id);
  }
}
