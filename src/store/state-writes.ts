/**
 * Which statements change what a reader of a workspace can see, so that the state version
 * (migration 0700) moves with them. Every statement of every repository passes the connection
 * hook in database.ts, and every write transaction passes SqlStore.transaction: those two places
 * raise the version, nothing else has to remember to.
 */

/**
 * Tables whose writes change nothing a cached answer is computed from: sign-in bookkeeping, the
 * activity log, caches and rollups derived from other tables, the version itself, migrations.
 * Any other table counts as state, so a new table is versioned unless it is added here.
 */
const NOT_STATE = new Set([
  'sessions',
  'login_attempts',
  'api_tokens',
  'activity',
  'network_cache',
  'capital_dirty',
  'person_capital',
  'state_versions',
  'kysely_migration',
  'kysely_migration_lock',
]);

const WRITE =
  /^\s*(?:insert\s+(?:or\s+\w+\s+)?into|replace\s+into|update(?:\s+or\s+\w+)?|delete\s+from|merge\s+into)\s+"?(\w+)"?/i;
const CTE_WRITE = /^\s*with\b[\s\S]*\b(?:insert|update|delete)\b/i;

/** Whether a statement outside a transaction changes a workspace's state. */
export function changesState(sql: string): boolean {
  const m = WRITE.exec(sql);
  if (m) return !NOT_STATE.has(m[1]!.toLowerCase());
  // A data-modifying CTE: its table is not worth parsing out, so it counts.
  return CTE_WRITE.test(sql);
}

/** Whether a statement opens (`begin`) or closes (`end`) a transaction on its connection. */
export function transactionEdge(sql: string): 'begin' | 'end' | null {
  if (/^\s*(?:begin|start\s+transaction)\b/i.test(sql)) return 'begin';
  if (/^\s*(?:commit|end|rollback)\s*(?:transaction\s*)?;?\s*$/i.test(sql)) return 'end';
  return null;
}

/** Row 0 of state_versions: the whole database, raised by writes that name no workspace. */
export const WHOLE_DATABASE = 0;

/** Raises one row of state_versions; the same text on SQLite and PostgreSQL. */
export const bumpStateSql = (ws: number): string => {
  if (!Number.isSafeInteger(ws) || ws < 0) throw new Error(`bad workspace id ${ws}`);
  return `insert into state_versions (workspace_id, version) values (${ws}, 1) on conflict (workspace_id) do update set version = state_versions.version + 1`;
};
