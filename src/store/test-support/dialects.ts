import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store } from '../index.js';
import { createPostgresDatabase, createSqliteDatabase, PG_URL } from './databases.js';

export { createPostgresDatabase, createSqliteDatabase, PG_URL, type TestDatabase } from './databases.js';

/**
 * Storage tests run once per dialect, each test in a fresh database: a new SQLite file, or a
 * new PostgreSQL database created for it and dropped after. PostgreSQL tests are skipped with
 * a printed line when the server is not reachable, unless RAPPORT_TEST_PG=required (CI).
 */
const pgRequired = process.env.RAPPORT_TEST_PG === 'required';

async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export const pgAvailable = await pgReachable();
if (!pgAvailable) {
  if (pgRequired) throw new Error(`RAPPORT_TEST_PG=required but PostgreSQL at ${PG_URL} does not answer.`);
  console.warn(
    `PostgreSQL at ${PG_URL} is not reachable: PostgreSQL tests are SKIPPED (set RAPPORT_TEST_PG=required to fail instead).`,
  );
}

export const DIALECTS = [
  { name: 'sqlite' as const, create: createSqliteDatabase, available: true },
  { name: 'postgres' as const, create: createPostgresDatabase, available: pgAvailable },
];

export interface DialectContext {
  dialect: 'sqlite' | 'postgres';
  /** A fresh, migrated database for this test; closed and dropped by the returned cleanup. */
  fresh(): Promise<{ store: Store; location: string; cleanup(): Promise<void> }>;
}

/** Runs the suite once per dialect: `describeEachDialect('people', ({ fresh }) => { it(...) })`. */
export function describeEachDialect(title: string, suite: (ctx: DialectContext) => void): void {
  for (const d of DIALECTS) {
    const run = d.available ? describe : describe.skip;
    run(`${title} [${d.name}]`, () => {
      suite({
        dialect: d.name,
        fresh: async () => {
          const db = await d.create();
          // Migrated once here; every later open in the test uses it as it is.
          const store = await openStore(db.location, { migrate: true });
          return {
            store,
            location: db.location,
            cleanup: async () => {
              await store.close();
              await db.drop();
            },
          };
        },
      });
    });
  }
}
