import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// Throwaway databases for tests and benchmarks: a file in a new temporary folder, or a new
// database on a PostgreSQL server. No test framework here, so benchmarks can use it too.

export const PG_URL = process.env.RAPPORT_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  /** What to pass as --db / openStore(). */
  location: string;
  drop(): Promise<void>;
}

export async function createSqliteDatabase(prefix = 'rapport-test-'): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    location: join(dir, 'test.db'),
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A new, empty PostgreSQL database on the server of `serverUrl`, dropped by `drop()`. */
export async function createPostgresDatabase(
  serverUrl = PG_URL,
  prefix = 'rapport_t_',
): Promise<TestDatabase> {
  const name = `${prefix}${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
