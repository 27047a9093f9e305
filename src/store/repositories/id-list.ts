import { type SqlBool, sql } from 'kysely';
import type { DialectName } from '../database.js';

/**
 * `column in (ids)`. On PostgreSQL one array parameter (`= any($1)`): planning a statement with
 * thousands of separate parameters costs more than running it.
 */
export function idIn(dialect: DialectName, column: string, ids: readonly number[]) {
  return dialect === 'postgres'
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::integer[])`
    : sql<SqlBool>`${sql.ref(column)} in (${sql.join([...ids])})`;
}
