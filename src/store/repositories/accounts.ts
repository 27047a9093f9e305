import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { Role, SessionCache, SessionMember } from '../session-cache.js';
import { WHOLE_DATABASE } from '../state-writes.js';

export type { Role } from '../session-cache.js';

export interface StoredUser {
  id: number;
  email: string;
  name: string;
  passwordHash: string;
  isOwner: boolean;
  personalWorkspaceId: number | null;
}

export interface StoredSession {
  userId: number;
  workspaceId: number;
  expiresAt: string;
}

export interface StoredToken {
  id: number;
  userId: number;
  workspaceId: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface StoredNote {
  id: number;
  personId: number;
  authorId: number | null;
  authorName?: string | null;
  body: string;
  shared: boolean;
  createdAt: string;
}

const user = (r: {
  id: number;
  email: string;
  name: string;
  password_hash: string;
  is_owner: number;
  personal_workspace_id: number | null;
}): StoredUser => ({
  id: r.id,
  email: r.email,
  name: r.name,
  passwordHash: r.password_hash,
  isOwner: r.is_owner === 1,
  personalWorkspaceId: r.personal_workspace_id,
});

/** Users, memberships, sessions, API tokens, login attempts and notes: the server's accounts. */
interface SessionRow {
  user_id: number;
  workspace_id: number;
  role: string;
  expires_at: string;
  own?: number | null;
  whole?: number | null;
}

export class AccountsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Whether the database has state versions (see sessionMember). */
    private readonly versioned: { readonly on: boolean },
    /** Sessions kept between requests, when a change feed is live (top-level handle only). */
    private readonly kept: () => SessionCache | null = () => null,
  ) {}

  async countUsers(): Promise<number> {
    const r = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async userByEmail(email: string): Promise<StoredUser | null> {
    const r = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return r ? user(r) : null;
  }

  async user(id: number): Promise<StoredUser | null> {
    const r = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return r ? user(r) : null;
  }

  async insertUser(u: Omit<StoredUser, 'id'>, now: string): Promise<number> {
    const r = await this.db
      .insertInto('users')
      .values({
        email: u.email,
        name: u.name,
        password_hash: u.passwordHash,
        is_owner: u.isOwner ? 1 : 0,
        personal_workspace_id: u.personalWorkspaceId,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async setPassword(userId: number, passwordHash: string): Promise<void> {
    await this.db
      .updateTable('users')
      .set({ password_hash: passwordHash })
      .where('id', '=', userId)
      .execute();
  }

  async addMember(ws: number, userId: number, role: Role, now: string): Promise<void> {
    await this.db
      .insertInto('members')
      .values({ workspace_id: ws, user_id: userId, role, created_at: now })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doUpdateSet({ role }))
      .execute();
  }

  async removeMember(ws: number, userId: number): Promise<number> {
    const r = await this.db
      .deleteFrom('members')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async role(ws: number, userId: number): Promise<Role | null> {
    const r = await this.db
      .selectFrom('members')
      .select('role')
      .where('workspace_id', '=', ws)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return (r?.role as Role | undefined) ?? null;
  }

  async members(ws: number): Promise<{ id: number; email: string; name: string; role: Role }[]> {
    const rows = await this.db
      .selectFrom('members as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['u.id', 'u.email', 'u.name', 'm.role'])
      .where('m.workspace_id', '=', ws)
      .orderBy('u.name')
      .execute();
    return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role as Role }));
  }

  async workspacesOf(userId: number): Promise<{ id: number; name: string; role: Role }[]> {
    const rows = await this.db
      .selectFrom('members as m')
      .innerJoin('workspaces as w', 'w.id', 'm.workspace_id')
      .select(['w.id', 'w.name', 'm.role'])
      .where('m.user_id', '=', userId)
      .orderBy('w.id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role }));
  }

  async insertSession(idHash: string, s: StoredSession, now: string): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: idHash,
        user_id: s.userId,
        workspace_id: s.workspaceId,
        created_at: now,
        expires_at: s.expiresAt,
      })
      .execute();
  }

  async session(idHash: string, now: string): Promise<StoredSession | null> {
    const r = await this.db
      .selectFrom('sessions')
      .select(['user_id', 'workspace_id', 'expires_at'])
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return r ? { userId: r.user_id, workspaceId: r.workspace_id, expiresAt: r.expires_at } : null;
  }

  /**
   * A live session with the member's role in its workspace and the workspace's state version
   * (WorkspacesRepository.stateVersion), in one query: every signed-in request asks it, so it is
   * the one read a request cannot avoid. Null when the session is unknown, expired, or its user
   * is no longer a member there.
   */
  async sessionMember(idHash: string, now: string): Promise<SessionMember | null> {
    const kept = this.kept();
    const hit = await kept?.get(idHash, now);
    if (hit) return hit;
    const generation = kept?.generation();
    // Built once per handle and run with this call's values: building it through the query
    // builder cost as much CPU as running it (BENCHMARKS.md, the API under load).
    this.sessionQuery ??= this.compileSessionQuery();
    const { query, hash, at } = this.sessionQuery;
    const parameters = query.parameters.map((p) => (p === hash ? idHash : p === at ? now : p));
    const { rows } = await this.db.executeQuery<SessionRow>({ ...query, parameters });
    const r = rows[0];
    if (!r) return null;
    const member: SessionMember = {
      userId: r.user_id,
      ws: r.workspace_id,
      role: r.role as Role,
      state: this.versioned.on ? `${r.whole ?? 0}.${r.own ?? 0}` : null,
    };
    if (kept && generation !== undefined) kept.put(idHash, member, r.expires_at, generation);
    return member;
  }

  private sessionQuery: { query: CompiledQuery; hash: string; at: string } | undefined;

  private compileSessionQuery(): { query: CompiledQuery; hash: string; at: string } {
    // Placeholders no real value can equal, swapped for the call's values in sessionMember.
    const hash = '\u0000session-hash';
    const at = '\u0000now';
    const base = this.db
      .selectFrom('sessions as s')
      .innerJoin('members as m', (j) =>
        j.onRef('m.workspace_id', '=', 's.workspace_id').onRef('m.user_id', '=', 's.user_id'),
      )
      .where('s.id_hash', '=', hash)
      .where('s.expires_at', '>', at);
    const query = this.versioned.on
      ? base
          .leftJoin('state_versions as v', 'v.workspace_id', 's.workspace_id')
          .leftJoin('state_versions as g', (j) => j.on('g.workspace_id', '=', WHOLE_DATABASE))
          .select([
            's.user_id',
            's.workspace_id',
            's.expires_at',
            'm.role',
            'v.version as own',
            'g.version as whole',
          ])
          .compile()
      : base.select(['s.user_id', 's.workspace_id', 's.expires_at', 'm.role']).compile();
    return { query, hash, at };
  }

  async setSessionWorkspace(idHash: string, ws: number): Promise<void> {
    await this.db.updateTable('sessions').set({ workspace_id: ws }).where('id_hash', '=', idHash).execute();
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of a user ("log out everywhere"), and the expired ones of anybody. */
  async deleteSessionsOf(userId: number, now: string): Promise<number> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    const r = await this.db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async insertToken(t: Omit<StoredToken, 'id' | 'lastUsedAt'> & { tokenHash: string }): Promise<number> {
    const r = await this.db
      .insertInto('api_tokens')
      .values({
        user_id: t.userId,
        workspace_id: t.workspaceId,
        name: t.name,
        token_hash: t.tokenHash,
        created_at: t.createdAt,
        last_used_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  async tokenByHash(tokenHash: string): Promise<StoredToken | null> {
    const r = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return r
      ? {
          id: r.id,
          userId: r.user_id,
          workspaceId: r.workspace_id,
          name: r.name,
          createdAt: r.created_at,
          lastUsedAt: r.last_used_at,
        }
      : null;
  }

  async tokens(userId: number, ws: number): Promise<StoredToken[]> {
    const rows = await this.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .where('workspace_id', '=', ws)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      workspaceId: r.workspace_id,
      name: r.name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
    }));
  }

  async deleteToken(id: number, userId: number): Promise<number> {
    const r = await this.db
      .deleteFrom('api_tokens')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async recordLoginFailure(key: string, at: string): Promise<void> {
    await this.db.insertInto('login_attempts').values({ key, at }).execute();
  }

  async loginFailuresSince(key: string, since: string): Promise<number> {
    const r = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>', since)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async clearLoginFailures(key: string): Promise<void> {
    await this.db.deleteFrom('login_attempts').where('key', '=', key).execute();
  }

  async insertNote(ws: number, n: Omit<StoredNote, 'id'>): Promise<number> {
    const r = await this.db
      .insertInto('notes')
      .values({
        workspace_id: ws,
        person_id: n.personId,
        author_id: n.authorId,
        body: n.body,
        shared: n.shared ? 1 : 0,
        created_at: n.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return r.id;
  }

  /** The notes on a person that `viewer` may read: their own and the shared ones, newest first. */
  async notesFor(ws: number, personId: number, viewer: number | null): Promise<StoredNote[]> {
    let q = this.db
      .selectFrom('notes as n')
      .leftJoin('users as u', 'u.id', 'n.author_id')
      .select([
        'n.id',
        'n.person_id',
        'n.author_id',
        'n.body',
        'n.shared',
        'n.created_at',
        'u.name as author_name',
      ])
      .where('n.workspace_id', '=', ws)
      .where('n.person_id', '=', personId);
    q =
      viewer === null
        ? q.where((eb) => eb.or([eb('n.shared', '=', 1), eb('n.author_id', 'is', null)]))
        : q.where((eb) => eb.or([eb('n.shared', '=', 1), eb('n.author_id', '=', viewer)]));
    const rows = await q.orderBy('n.id', 'desc').execute();
    return rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      authorId: r.author_id,
      authorName: r.author_name,
      body: r.body,
      shared: r.shared === 1,
      createdAt: r.created_at,
    }));
  }
}
