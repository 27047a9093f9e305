import type { Store } from '../../store/index.js';
import type { Principal } from './accounts.js';
import { secret, sha256 } from './accounts.js';

// A calendar app subscribes to a URL and sends no cookie and no header, so the feed's URL holds
// its own secret. It is kept like an API token (hashed, listed, revoked with DELETE /tokens/:id)
// but has a prefix of its own: it opens the feed and nothing else.
const FEED_PREFIX = 'rpc_';
export const CALENDAR_FEED_NAME = 'Calendar feed';

export interface CalendarFeed {
  id: number;
  /** Shown once: the path to give a calendar app, under the server's address. */
  path: string;
  createdAt: string;
}

/** A new secret feed of the caller's reminders in the caller's workspace. */
export async function createCalendarFeed(store: Store, p: Principal, now: Date): Promise<CalendarFeed> {
  const token = `${FEED_PREFIX}${secret()}`;
  const createdAt = now.toISOString();
  const id = await store.accounts.insertToken({
    userId: p.userId,
    workspaceId: p.ws,
    name: CALENDAR_FEED_NAME,
    tokenHash: sha256(token),
    createdAt,
  });
  return { id, path: `/api/v1/calendar/${token}.ics`, createdAt };
}

/** Whose feed a URL's secret opens, while its owner is still a member; null otherwise. */
export async function calendarFeedPrincipal(store: Store, token: string): Promise<Principal | null> {
  const bare = token.endsWith('.ics') ? token.slice(0, -4) : token;
  if (!bare.startsWith(FEED_PREFIX)) return null;
  const t = await store.accounts.tokenByHash(sha256(bare));
  if (!t) return null;
  const role = await store.accounts.role(t.workspaceId, t.userId);
  return role ? { userId: t.userId, ws: t.workspaceId, role } : null;
}
