/**
 * Rows per statement of a bulk insert on SQLite. better-sqlite3 pays a native call, the binding
 * and a reset per run, which for narrow rows is most of the insert: a million external ids took
 * 1.85 CPU s one row per run, 1.28 s fifty per run; a million people 2.6 s against 1.9 s ten per
 * run (BENCHMARKS.md, "Org import, columnar fast path"). Wider statements stop paying: binding
 * hundreds of arguments per call costs what the calls saved.
 */
export const ROWS_PER_RUN = 16;

/**
 * New ties per insert statement: six narrow columns, so wider runs still pay (a million ties
 * in one transaction: 2.69–2.87 s one per run, 2.40–2.50 s 64 per run).
 */
export const TIES_PER_RUN = 64;

/** `(?, ?, ?), (?, ?, ?)`: the placeholders of `rows` rows of `columns` columns. */
export const placeholders = (columns: number, rows: number): string =>
  Array(rows)
    .fill(`(${Array(columns).fill('?').join(', ')})`)
    .join(', ');
