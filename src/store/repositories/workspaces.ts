import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { WHOLE_DATABASE } from '../state-writes.js';
import type { MemberRelationshipsRepository } from './member-relationships.js';

export class WorkspacesRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Whether the database has state versions (see stateVersion). */
    private readonly versioned: { readonly on: boolean },
    /** The asking member's relationships, where their "me" is kept. */
    private readonly mine: MemberRelationshipsRepository,
  ) {}

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

  /** Who the asking member is in the org chart. */
  async me(ws: number): Promise<number | null> {
    return this.mine.me(ws);
  }

  async setMe(ws: number, personId: number | null): Promise<void> {
    await this.mine.setMe(ws, personId);
  }

  /**
   * A string that changes whenever anything in the workspace changes, through any process: the
   * workspace's row of state_versions and the whole database's (migration 0700). Read it before
   * computing an answer to cache under it, so a write in between makes the entry unreachable
   * rather than stale. Null on a database behind its schema, which has no versions.
   */
  async stateVersion(ws: number): Promise<string | null> {
    if (!this.versioned.on) return null;
    const rows = await this.db
      .selectFrom('state_versions')
      .select(['workspace_id', 'version'])
      .where('workspace_id', 'in', [WHOLE_DATABASE, ws])
      .execute();
    const of = (id: number) => rows.find((r) => r.workspace_id === id)?.version ?? 0;
    return `${of(WHOLE_DATABASE)}.${of(ws)}`;
  }
}
