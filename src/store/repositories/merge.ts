import { type Kysely, sql } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Moves everything that belongs to one person onto another, then deletes the first: ledger
 * entries (without listing the survivor twice in one interaction), assessments, plans,
 * emails, reports, every member's "me", tier and notes. Run inside a transaction.
 */
export class MergeRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async mergeInto(ws: number, survivor: number, merged: number): Promise<void> {
    const db = this.db;
    const both = await db
      .selectFrom('interaction_people')
      .select('interaction_id')
      .where('workspace_id', '=', ws)
      .where('person_id', '=', survivor)
      .execute();
    const shared = both.map((r) => r.interaction_id);
    if (shared.length > 0) {
      const gone = await db
        .deleteFrom('interaction_people')
        .where('workspace_id', '=', ws)
        .where('person_id', '=', merged)
        .where('interaction_id', 'in', shared)
        .returning('interaction_id')
        .execute();
      // Those meetings had one person fewer than logged: a meeting with someone and their
      // duplicate was a one-to-one.
      if (gone.length > 0)
        await db
          .updateTable('interaction_people')
          .set((eb) => ({ party: eb('party', '-', 1) }))
          .where('workspace_id', '=', ws)
          .where(
            'interaction_id',
            'in',
            gone.map((g) => g.interaction_id),
          )
          .execute();
    }
    await db
      .updateTable('interaction_people')
      .set({ person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('person_id', '=', merged)
      .execute();
    await db
      .updateTable('assessments')
      .set({ person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('person_id', '=', merged)
      .execute();
    await db
      .updateTable('plans')
      .set({ person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('person_id', '=', merged)
      .execute();
    const emails = await db
      .selectFrom('person_emails')
      .select(['email', 'person_id', 'position'])
      .where('workspace_id', '=', ws)
      .where('person_id', 'in', [survivor, merged])
      .orderBy('person_id')
      .execute();
    const start = emails.filter((e) => e.person_id === survivor).length;
    const moving = emails.filter((e) => e.person_id === merged).sort((a, b) => a.position - b.position);
    for (const [i, e] of moving.entries()) {
      await db
        .updateTable('person_emails')
        .set({ person_id: survivor, position: start + i })
        .where('workspace_id', '=', ws)
        .where('email', '=', e.email)
        .execute();
    }
    // The merged person's employee id and LinkedIn URL now name the survivor.
    await db
      .updateTable('person_external_ids')
      .set({ person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('person_id', '=', merged)
      .execute();
    await db
      .updateTable('people')
      .set({ manager_id: survivor })
      .where('workspace_id', '=', ws)
      .where('manager_id', '=', merged)
      .where('id', '!=', survivor)
      .execute();
    await db
      .updateTable('workspaces')
      .set({ me_person_id: survivor })
      .where('id', '=', ws)
      .where('me_person_id', '=', merged)
      .execute();
    await db
      .updateTable('members')
      .set({ me_person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('me_person_id', '=', merged)
      .execute();
    // A member with notes on both keeps both, as a merge does with the asking member's fields.
    const goneNotes = sql`(select g.notes from relationships g where g.workspace_id = ${ws}
      and g.member_id = relationships.member_id and g.person_id = ${merged})`;
    await sql`update relationships set notes = case
        when notes is null or notes = ${goneNotes} then ${goneNotes}
        else notes || ${'\n'} || ${goneNotes} end
      where workspace_id = ${ws} and person_id = ${survivor} and ${goneNotes} is not null`.execute(db);
    // Every member's tier with the merged person goes to the survivor where they had none.
    await db
      .updateTable('relationships')
      .set({ person_id: survivor })
      .where('workspace_id', '=', ws)
      .where('person_id', '=', merged)
      .where('member_id', 'not in', (eb) =>
        eb
          .selectFrom('relationships as s')
          .select('s.member_id')
          .where('s.workspace_id', '=', ws)
          .where('s.person_id', '=', survivor),
      )
      .execute();
    await db.deleteFrom('people').where('workspace_id', '=', ws).where('id', '=', merged).execute();
  }
}
