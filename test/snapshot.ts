import Database from 'better-sqlite3';

/** Every row of every table of a SQLite file: equal snapshots mean nothing was written. */
export function snapshot(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      )
      .all() as { name: string }[];
    return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}"`).all()]));
  } finally {
    db.close();
  }
}
