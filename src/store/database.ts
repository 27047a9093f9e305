import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  Kysely,
  PostgresDialect,
  type QueryResult,
  SqliteDialect,
} from 'kysely';
import { RapportError } from '../domain/errors.js';
import { ChangeFeed, writesWatched } from './change-feed.js';
import { translateDatabaseError } from './constraint-errors.js';
import type { Database } from './schema.js';
import { SessionCache } from './session-cache.js';
import { bumpStateSql, changesState, transactionEdge, WHOLE_DATABASE } from './state-writes.js';
import { systemError } from './system-errors.js';

export type DialectName = 'sqlite' | 'postgres';

export interface Connection {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The file path or the URL with its password hidden, for messages. */
  location: string;
  /**
   * The raw SQLite handle, for paths that prepared statements make much faster. Only the Store
   * hands it to repositories, and only inside a transaction or read that holds Kysely's one
   * connection, so a raw statement never runs in the middle of someone else's transaction.
   */
  sqlite: BetterSqlite3.Database | null;
  /** What the user should know about the database itself (a file others can read). */
  warnings: string[];
  /**
   * Whether writes raise the state version: set once the state_versions table is known to exist
   * (after migrating), so migrations themselves and a database behind its schema are left alone.
   */
  versioned: Versioned;
  /** How many prepared statements this connection keeps (SQLite; 0 on PostgreSQL). */
  statements(): number;
  /**
   * Sessions kept between requests while PostgreSQL's change feed is live (after `listen`);
   * null on SQLite and until then.
   */
  sessions: SessionCache | null;
  /** Starts listening to the change feed (PostgreSQL with migration 0750; otherwise nothing). */
  listen(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Whether writes raise the state version, how many this process has made (see
 * Store.localWrites), and the change feed its writes to watched tables must move.
 */
export interface Versioned {
  on: boolean;
  writes: number;
  feed?: ChangeFeed;
}

const hooked = new WeakSet<DatabaseConnection>();
/** Connections inside a transaction: its start already raised the version (store.ts). */
const inTransaction = new WeakSet<DatabaseConnection>();
/** Connections inside a transaction that wrote a table the change feed watches. */
const wroteWatched = new WeakSet<DatabaseConnection>();

/**
 * The dialect with two hooks on every statement, whatever repository ran it: constraint
 * violations become typed errors, and a write outside a transaction raises the database's state
 * version right after it, on the same connection (writes inside one are covered by
 * SqlStore.transaction). The connection objects are patched in place, not wrapped: the
 * PostgreSQL driver releases a connection through a private method of its own object.
 */
function hookedDialect(
  inner: Dialect,
  location: string,
  versioned: Versioned,
  run?: (query: CompiledQuery) => Promise<QueryResult<unknown>>,
): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
    createDriver: () => {
      const driver = inner.createDriver();
      const acquire = driver.acquireConnection.bind(driver);
      driver.acquireConnection = async () => {
        const conn = await acquire();
        if (!hooked.has(conn)) {
          const execute = (run ?? conn.executeQuery.bind(conn)) as <R>(
            query: CompiledQuery,
          ) => Promise<QueryResult<R>>;
          conn.executeQuery = async <R>(query: CompiledQuery) => {
            try {
              const edge = transactionEdge(query.sql);
              if (edge === 'begin') inTransaction.add(conn);
              else if (edge === 'end') inTransaction.delete(conn);
              const result = await execute<R>(query);
              const { feed } = versioned;
              if (feed) {
                // What this process kept is dropped by its own writes at once, before the
                // caller hears they are done, and again at commit (the write then being visible
                // to the reads that refill it); other processes hear of them from the feed.
                if (writesWatched(query.sql)) {
                  if (inTransaction.has(conn)) wroteWatched.add(conn);
                  feed.changed();
                } else if (edge === 'end' && wroteWatched.has(conn)) {
                  wroteWatched.delete(conn);
                  feed.changed();
                }
              }
              if (versioned.on && !inTransaction.has(conn) && changesState(query.sql)) {
                versioned.writes++;
                await execute(CompiledQuery.raw(bumpStateSql(WHOLE_DATABASE)));
                feed?.changed();
              }
              return result;
            } catch (e) {
              throw systemError(e, location) ?? translateDatabaseError(e);
            }
          };
          hooked.add(conn);
        }
        return conn;
      };
      return driver;
    },
  };
}

/** Prepared statements kept per SQL text; enough for every query the repositories write. */
const STATEMENT_CACHE = 256;

/**
 * Kysely's SQLite driver, but preparing each distinct statement once: Kysely prepares on every
 * call, which was the largest part of a cached API answer's time (measured: 6.5 % of a person
 * page's CPU, BENCHMARKS.md). Runs under Kysely's connection lock like the driver it replaces.
 * Every statement finishes within the call (all/run, never iterate), so sharing one is safe.
 */
function cachedStatements(sqlite: BetterSqlite3.Database, statements: Map<string, BetterSqlite3.Statement>) {
  return async (query: CompiledQuery): Promise<QueryResult<unknown>> => {
    let stmt = statements.get(query.sql);
    if (stmt) statements.delete(query.sql);
    else stmt = sqlite.prepare(query.sql);
    statements.set(query.sql, stmt); // last: the Map's order is the recency order
    if (statements.size > STATEMENT_CACHE) statements.delete(statements.keys().next().value!);
    const parameters = query.parameters as unknown[];
    if (stmt.reader) return { rows: stmt.all(parameters) };
    const { changes, lastInsertRowid } = stmt.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  };
}

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//i.test(location);

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Refuses, before SQLite does something surprising, a path we cannot or should not open. */
function checkSqlitePath(path: string): void {
  const folder = dirname(path);
  if (!existsSync(folder)) {
    throw new RapportError(
      'database',
      `Cannot open database ${path}: the folder ${folder} does not exist. Create it first or pick another database location.`,
      { input: 'db' },
    );
  }
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) {
    throw new RapportError('database', `Cannot open database ${path}: it is a folder, not a file.`);
  }
  if (st.size === 0) return;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(16);
    readSync(fd, head, 0, 16, 0);
    if (head.toString('latin1') !== SQLITE_MAGIC) {
      throw new RapportError(
        'database',
        `${path} is not a Rapport database (not an SQLite file). Pick another database location, or move the file away.`,
        { input: 'db' },
      );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * The database holds private notes: a new file is created readable by its owner only (SQLite
 * gives its -wal and -shm files the same mode). An existing file keeps its mode, since the user
 * may have shared it on purpose, but a file others can read is pointed out.
 */
function privateFile(file: string): string[] {
  try {
    closeSync(openSync(file, 'wx', 0o600));
    return [];
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  const mode = statSync(file).mode & 0o777;
  if ((mode & 0o077) === 0) return [];
  return [
    `the database ${file} is readable by other users of this machine (mode ${mode.toString(8)}); it holds private notes. Make it private with: chmod 600 "${file}"`,
  ];
}

export function openSqlite(path: string): Connection {
  const file = path === ':memory:' ? path : resolve(path);
  let warnings: string[] = [];
  let sqlite: BetterSqlite3.Database;
  try {
    if (file !== ':memory:') {
      checkSqlitePath(file);
      warnings = privateFile(file);
    }
    sqlite = new BetterSqlite3(file, { timeout: 15_000 });
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Bulk loads touch several indexes of a million rows in scattered order; the default 2 MB
    // page cache turns that into disk thrashing (measured: 13k rows/s vs 150k+ with 256 MB).
    sqlite.pragma('cache_size = -262144');
    sqlite.pragma('temp_store = MEMORY');
  } catch (e) {
    if (e instanceof RapportError) throw e;
    throw (
      systemError(e, file) ??
      new RapportError('database', `Cannot open database ${file}: ${(e as Error).message}.`)
    );
  }
  const versioned: Versioned = { on: false, writes: 0 };
  const statements = new Map<string, BetterSqlite3.Statement>();
  const db = new Kysely<Database>({
    dialect: hookedDialect(
      new SqliteDialect({ database: sqlite }),
      file,
      versioned,
      cachedStatements(sqlite, statements),
    ),
  });
  return {
    db,
    dialect: 'sqlite',
    location: file,
    sqlite,
    warnings,
    versioned,
    statements: () => statements.size,
    sessions: null,
    listen: async () => {},
    close: async () => {
      await db.destroy();
    },
  };
}

export async function openPostgres(url: string, poolSize = 4): Promise<Connection> {
  // Loaded on demand: most runs use SQLite, and every millisecond of CLI start-up counts. Through
  // require, not import(): the CLI bundle runs as a cached script, where import() is unavailable.
  const pg = createRequire(import.meta.url)('pg') as typeof import('pg').default;
  // pg returns int8 (count, sum) as strings to avoid precision loss; our counts fit in doubles.
  const types = {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20 || oid === 1700) return (v: string) => Number(v);
      // biome-ignore lint/suspicious/noExplicitAny: pg's overloads
      return (pg.types.getTypeParser as any)(oid, format);
    },
  };
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle client losing its server must not crash the process with an unhandled 'error'.
  pool.on('error', () => {});
  const location = url.replace(/:[^:@/]*@/, ':***@');
  const versioned: Versioned = { on: false, writes: 0 };
  const db = new Kysely<Database>({
    dialect: hookedDialect(new PostgresDialect({ pool }), location, versioned),
  });
  const conn: Connection = {
    db,
    dialect: 'postgres',
    location,
    sqlite: null,
    warnings: [],
    versioned,
    statements: () => 0,
    sessions: null,
    listen: async () => {
      if (versioned.feed) return;
      const feed = new ChangeFeed(() => new pg.Client({ connectionString: url }));
      versioned.feed = feed;
      conn.sessions = new SessionCache(feed);
      await feed.start();
    },
    close: async () => {
      await versioned.feed?.close();
      await db.destroy();
    },
  };
  return conn;
}

export async function openConnection(location: string): Promise<Connection> {
  return isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
}
