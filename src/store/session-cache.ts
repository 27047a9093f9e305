import type { ChangeFeed } from './change-feed.js';

export type Role = 'owner' | 'editor' | 'viewer';

export interface SessionMember {
  userId: number;
  ws: number;
  role: Role;
  state: string | null;
}

interface Kept {
  member: SessionMember;
  expiresAt: string;
  generation: number;
}

/** Enough for every browser of a large team; past it the oldest are read again. */
const MAX_SESSIONS = 10_000;

/**
 * Live sessions with their member's role and workspace state version, kept while the change
 * feed is live and silent: any notification, any write of this process to a watched table, or
 * a lost listening connection drops them all. Each use waits for the feed to sync first, so a
 * logout or a write by another process that returned before the request began is seen by it.
 */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly feed: ChangeFeed) {
    feed.onChange(() => this.kept.clear());
  }

  /** The generation to pass to `put` with a member read from the database now. */
  generation(): number {
    return this.feed.generation;
  }

  get size(): number {
    return this.kept.size;
  }

  async get(idHash: string, now: string): Promise<SessionMember | undefined> {
    if (!this.feed.live) return undefined;
    const k = this.kept.get(idHash);
    if (!k) return undefined;
    // Every change committed before this request began is read (and has cleared this cache)
    // once the feed has synced; a feed that cannot sync sends the request to the database.
    try {
      await this.feed.synced();
    } catch {
      return undefined;
    }
    if (k.generation !== this.feed.generation || !this.feed.live || k.expiresAt <= now) {
      this.kept.delete(idHash);
      return undefined;
    }
    return k.member;
  }

  /** Keeps what was read at `generation`, unless something changed since it was read. */
  put(idHash: string, member: SessionMember, expiresAt: string, generation: number): void {
    if (!this.feed.live || generation !== this.feed.generation) return;
    this.kept.set(idHash, { member, expiresAt, generation });
    if (this.kept.size > MAX_SESSIONS) this.kept.delete(this.kept.keys().next().value!);
  }
}
