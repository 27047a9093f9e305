import { type Kysely, SqliteAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: used by migrations, which are schema-agnostic
export const isSqlite = (db: Kysely<any>): boolean => db.getExecutor().adapter instanceof SqliteAdapter;

/** SQLite's `integer primary key` is the auto-assigned rowid; PostgreSQL needs `serial`. */
// biome-ignore lint/suspicious/noExplicitAny: see isSqlite
export const idType = (db: Kysely<any>): 'integer' | 'serial' => (isSqlite(db) ? 'integer' : 'serial');
