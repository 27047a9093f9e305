import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface ActivityEntry {
  id: number;
  at: string;
  userId: number | null;
  userName: string | null;
  action: string;
  target: string | null;
}

/** The activity log of a workspace: appended to, read newest first, page by page. */
export class ActivityRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async record(
    ws: number,
    e: { userId: number | null; at: string; action: string; target: string | null },
  ): Promise<void> {
    await this.db
      .insertInto('activity')
      .values({ workspace_id: ws, user_id: e.userId, at: e.at, action: e.action, target: e.target })
      .execute();
  }

  /** The newest `limit` entries, or those older than the entry `before`. */
  async list(ws: number, limit: number, before?: number): Promise<ActivityEntry[]> {
    let q = this.db
      .selectFrom('activity as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select(['a.id', 'a.at', 'a.user_id', 'u.name', 'a.action', 'a.target'])
      .where('a.workspace_id', '=', ws)
      .orderBy('a.id', 'desc')
      .limit(limit);
    if (before !== undefined) q = q.where('a.id', '<', before);
    return (await q.execute()).map((r) => ({
      id: r.id,
      at: r.at,
      userId: r.user_id,
      userName: r.name,
      action: r.action,
      target: r.target,
    }));
  }
}
