import type pg from 'pg';
import { CHANGE_CHANNEL } from './migrations/0750_change_feed.js';

/** Tables whose writes change what a signed-in request reads first (AccountsRepository.sessionMember). */
const WATCHED = /^\s*(?:insert\s+into|update|delete\s+from)\s+"?(state_versions|sessions|members|users)"?\b/i;

/** Whether a statement writes a table the feed watches. */
export const writesWatched = (sql: string): boolean => WATCHED.test(sql);

/**
 * PostgreSQL's word, on a connection of its own listening to migration 0750's triggers, that
 * something a signed-in request depends on changed, in any process. `generation` moves with
 * every notification, every write this process makes to a watched table, and every loss or
 * regain of the listening connection (notifications may have been missed meanwhile); what was
 * read at one generation may be kept while the generation has not moved and the feed is live.
 *
 * A notification reaches this process a little after the writer's commit returns, so a request
 * must not trust what is kept before `synced()`: one trivial round trip on the listening
 * connection that started after the request did. The writer's backend signals every listener
 * before its commit is acknowledged, and a listener's backend sends what it was signalled for
 * before it answers anything sent later, so once the round trip is back every change committed
 * before the request began has been read. Requests arriving together share one round trip.
 */
export class ChangeFeed {
  generation = 0;
  live = false;
  private client: pg.Client | null = null;
  private closed = false;
  private retry: NodeJS.Timeout | null = null;
  private readonly listeners: (() => void)[] = [];
  /** The round trip on its way, and the one to start when it is back (see synced). */
  private current: Promise<void> | null = null;
  private queued: Promise<void> | null = null;

  constructor(private readonly newClient: () => pg.Client) {}

  /** Calls `fn` at every change (to drop what was kept). */
  onChange(fn: () => void): void {
    this.listeners.push(fn);
  }

  changed(): void {
    this.generation++;
    for (const fn of this.listeners) fn();
  }

  /** Starts listening; resolves once the first LISTEN is in place or has failed (then it retries). */
  async start(): Promise<void> {
    const client = this.newClient();
    let lost = false;
    const onLost = () => {
      if (lost) return;
      lost = true;
      this.lose(client);
    };
    client.on('notification', () => this.changed());
    client.on('error', onLost);
    client.on('end', onLost);
    try {
      await client.connect();
      await client.query(`listen ${CHANGE_CHANNEL}`);
    } catch {
      onLost();
      return;
    }
    if (this.closed || lost) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.changed(); // whatever changed while nobody listened
    this.live = true;
  }

  /**
   * Resolves once every notification of a change committed before this call has been read;
   * rejects when the feed is not live (then read the database instead).
   */
  synced(): Promise<void> {
    if (!this.current) {
      this.current = this.roundTrip();
      return this.current;
    }
    // The one on its way left before this call: what was committed just before may pass it.
    this.queued ??= this.current.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  private next(): Promise<void> {
    this.queued = null;
    this.current = this.roundTrip();
    return this.current;
  }

  private roundTrip(): Promise<void> {
    const client = this.client;
    const done = () => {
      this.current = null;
    };
    if (!client || !this.live) {
      done();
      return Promise.reject(new Error('The change feed is not listening.'));
    }
    return client.query(';').then(done, (e: unknown) => {
      done();
      throw e;
    });
  }

  private lose(client: pg.Client): void {
    if (this.client === client) this.client = null;
    this.live = false;
    this.changed();
    client.end().catch(() => {});
    if (this.closed) return;
    this.retry = setTimeout(() => void this.start(), 1000);
    this.retry.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    this.changed();
    if (this.retry) clearTimeout(this.retry);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }
}
