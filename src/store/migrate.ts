import { type MigrationProvider, type MigrationResultSet, Migrator, sql } from 'kysely';
import { RapportError } from '../domain/errors.js';
import type { Connection } from './database.js';
import { migrations } from './migrations/index.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Names of migrations already applied, or null when the database is new. */
export async function applied(conn: Connection): Promise<Set<string> | null> {
  try {
    const rows = await conn.db
      // biome-ignore lint/suspicious/noExplicitAny: Kysely's own bookkeeping table
      .selectFrom('kysely_migration' as any)
      .select('name')
      .execute();
    return new Set(rows.map((r) => (r as { name: string }).name));
  } catch {
    return null;
  }
}

/**
 * Brings the schema up to date. Cheap when nothing is pending (one query), which keeps every CLI
 * call fast. Two processes starting at once on a new database race to create the tables: each
 * migration runs in a transaction, so the loser's attempt rolls back, and it retries and finds
 * the work done.
 */
/** Errors another process migrating at the same moment causes; anything else fails at once. */
function isContention(error: unknown): boolean {
  // The error may come translated (a RapportError naming the clash, the driver's error as its
  // cause) or raw: either one telling of the other process is enough.
  const translated = error as { cause?: unknown };
  return [error, translated?.cause].some((x) => {
    const e = x as { code?: string; message?: string } | undefined;
    // 42701 / "duplicate column": an ALTER TABLE … ADD COLUMN the other process ran first.
    if (
      e?.code &&
      ['SQLITE_BUSY', 'SQLITE_LOCKED', '23505', '42P07', '40P01', '42710', '42701'].includes(e.code)
    )
      return true;
    // A migration's name recorded by the other process between our read and our write.
    if (/^SQLITE_CONSTRAINT/.test(e?.code ?? '') && /kysely_migration/.test(e?.message ?? '')) return true;
    return /database is locked|already exists|duplicate column|deadlock/i.test(e?.message ?? '');
  });
}

/**
 * On SQLite, Kysely runs migrations outside any transaction (its SQLite adapter claims no
 * transactional DDL), so two processes migrating one new file interleaved statement by
 * statement: one could drop and rebuild a table (0760's rollup) while the other was between the
 * same two steps, and fail with "no such table" (test/concurrency.test.ts, seen under load).
 * SQLite does run DDL in a transaction: the whole run holds the write lock, a second process
 * finds the work done once it has it, and a failed migration leaves nothing half-made.
 */
async function migrateSqliteAlone(conn: Connection, wanted: string[]): Promise<MigrationResultSet> {
  // Not waiting inside SQLite for the lock: that wait blocks the whole thread, so a second
  // connection in the same process would hold up the very migration it waits for. Busy at once,
  // the caller backs off without blocking and tries again.
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(conn.db);
  await sql`pragma busy_timeout = 0`.execute(conn.db);
  try {
    await sql`begin immediate`.execute(conn.db);
  } catch (error) {
    return { error };
  } finally {
    await sql`${sql.raw(`pragma busy_timeout = ${Number(rows[0]?.timeout ?? 15_000)}`)}`.execute(conn.db);
  }
  try {
    const done = await applied(conn);
    const result =
      done && wanted.every((n) => done.has(n))
        ? { results: [] }
        : await new Migrator({ db: conn.db, provider, allowUnorderedMigrations: true }).migrateToLatest();
    await sql`${sql.raw(result.error ? 'rollback' : 'commit')}`.execute(conn.db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(conn.db).catch(() => undefined);
    return { error };
  }
}

export async function migrateToLatest(conn: Connection): Promise<void> {
  const wanted = Object.keys(migrations);
  // SQLite refuses (rather than waits for) a lock upgrade while another process migrates, so
  // the loser retries with jittered backoff for a while before giving up.
  const deadline = Date.now() + 30_000;
  for (let attempt = 1; ; attempt++) {
    const done = await applied(conn);
    if (done && wanted.every((n) => done.has(n))) return;
    const { error, results } = await (conn.dialect === 'sqlite'
      ? migrateSqliteAlone(conn, wanted)
      : new Migrator({ db: conn.db, provider, allowUnorderedMigrations: true }).migrateToLatest());
    if (!error) return;
    if (!isContention(error) || Date.now() > deadline) {
      const message = (error as Error).message ?? String(error);
      if (/ECONNREFUSED|ENOTFOUND|ETIMEDOUT/.test(message)) {
        throw new RapportError(
          'database',
          `Cannot reach the database server at ${conn.location} (${message.split(' ')[1] ?? message}). Is it running, and is the URL right?`,
        );
      }
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'setup';
      throw new RapportError(
        'database',
        `Could not prepare the database ${conn.location} (migration ${failed}): ${(error as Error).message ?? String(error)}.`,
      );
    }
    await sleep(Math.min(1000, 25 * 2 ** Math.min(attempt, 6)) * (0.5 + Math.random()));
  }
}
