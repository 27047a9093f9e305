import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export class WorkspacesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The id of the named workspace, created on first use (safe when two processes race). */
  async ensure(name: string, now: string): Promise<number> {
    const found = await this.db
      .selectFrom('workspaces')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirst();
    if (found) return found.id;
    await this.db
      .insertInto('workspaces')
      .values({ name, me_person_id: null, created_at: now })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('workspaces')
      .select('id')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async name(ws: number): Promise<string | undefined> {
    const row = await this.db.selectFrom('workspaces').select('name').where('id', '=', ws).executeTakeFirst();
    return row?.name;
  }

  async me(ws: number): Promise<number | null> {
    const row = await this.db
      .selectFrom('workspaces')
      .select('me_person_id')
      .where('id', '=', ws)
      .executeTakeFirst();
    return row?.me_person_id ?? null;
  }

  async setMe(ws: number, personId: number | null): Promise<void> {
    await this.db.updateTable('workspaces').set({ me_person_id: personId }).where('id', '=', ws).execute();
  }
}
