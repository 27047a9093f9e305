import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from './index.js';
import { createPostgresDatabase, pgAvailable, type TestDatabase } from './test-support/dialects.js';

// A server on PostgreSQL keeps sessions in memory while the change feed is live (migration
// 0750): another process's logout, role change or write must still be seen by the very next
// request, and a lost feed must stop the keeping rather than serve what it may have missed.

const NOW = '2026-11-23T10:00:00.000Z';
const LATER = '2026-11-30T10:00:00.000Z';
const hash = (i: number) => `session-${i}`;

describe.skipIf(!pgAvailable)('sessions kept by a listening server [postgres]', () => {
  let db: TestDatabase;
  let server: Store;
  let other: Store;
  let ws: number;
  let user: number;
  beforeEach(async () => {
    db = await createPostgresDatabase();
    other = await openStore(db.location, { migrate: true });
    server = await openStore(db.location, { listen: true });
    ws = await other.workspaces.ensure('default', NOW);
    user = await other.accounts.insertUser(
      { email: 'ada@example.com', name: 'Ada', passwordHash: 'x', isOwner: true, personalWorkspaceId: ws },
      NOW,
    );
    await other.accounts.addMember(ws, user, 'owner', NOW);
  });
  afterEach(async () => {
    await server.close();
    await other.close();
    await db.drop();
  });

  const signIn = (i: number) =>
    other.accounts.insertSession(hash(i), { userId: user, workspaceId: ws, expiresAt: LATER }, NOW);

  it('answers a known session from memory, and forgets it the moment another process signs it out', async () => {
    for (let i = 0; i < 50; i++) {
      await signIn(i);
      expect(await server.accounts.sessionMember(hash(i), NOW)).toMatchObject({
        userId: user,
        role: 'owner',
      });
      expect(await server.accounts.sessionMember(hash(i), NOW)).toMatchObject({ userId: user });
      expect(server.cacheSizes().sessions).toBe(1);
      await other.accounts.deleteSession(hash(i));
      expect(await server.accounts.sessionMember(hash(i), NOW), `round ${i}`).toBeNull();
    }
  });

  it("sees another process's role change, state change and sign-out-everywhere at once", async () => {
    await signIn(1);
    const first = (await server.accounts.sessionMember(hash(1), NOW))!;
    await server.accounts.sessionMember(hash(1), NOW);
    await other.accounts.addMember(ws, user, 'viewer', NOW);
    expect(await server.accounts.sessionMember(hash(1), NOW)).toMatchObject({ role: 'viewer' });
    await other.settings.set(ws, 'focus.maxItems', 3);
    const moved = (await server.accounts.sessionMember(hash(1), NOW))!;
    expect(moved.state).not.toBe(first.state);
    await other.accounts.deleteSessionsOf(user, NOW);
    expect(await server.accounts.sessionMember(hash(1), NOW)).toBeNull();
  });

  it('keeps nothing past expiry, and signs out its own sessions at once', async () => {
    await signIn(1);
    await server.accounts.sessionMember(hash(1), NOW);
    expect(await server.accounts.sessionMember(hash(1), LATER)).toBeNull();
    expect(await server.accounts.sessionMember(hash(1), NOW)).not.toBeNull();
    await server.accounts.deleteSession(hash(1));
    expect(await server.accounts.sessionMember(hash(1), NOW)).toBeNull();
  });

  it('reads every request from the database while its feed is lost, and keeps again once it listens again', async () => {
    await signIn(1);
    await server.accounts.sessionMember(hash(1), NOW);
    const admin = new pg.Client({ connectionString: db.location });
    await admin.connect();
    try {
      await admin.query(
        "select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'listen %'",
      );
      // The server notices the closed connection; what it missed meanwhile must not be served.
      await new Promise((r) => setTimeout(r, 200));
      await other.accounts.deleteSession(hash(1));
      expect(await server.accounts.sessionMember(hash(1), NOW)).toBeNull();
      await signIn(2);
      let kept = 0;
      for (let i = 0; i < 100 && kept === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        await server.accounts.sessionMember(hash(2), NOW);
        kept = server.cacheSizes().sessions;
      }
      expect(kept).toBe(1);
      await other.accounts.deleteSession(hash(2));
      expect(await server.accounts.sessionMember(hash(2), NOW)).toBeNull();
    } finally {
      await admin.end();
    }
  });
});
