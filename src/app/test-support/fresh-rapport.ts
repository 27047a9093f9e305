import { createSqliteDatabase, type DialectContext } from '../../store/test-support/dialects.js';
import { openRapport, type Rapport } from '../core/context.js';
import { loadDemo } from '../workspace/index.js';

/**
 * A Rapport over a fresh, migrated database of the dialect, in a workspace of its own, with the
 * clock pinned: what every use-case test starts from. `cleanup` closes and drops the database.
 */
export async function freshRapport(
  fresh: DialectContext['fresh'],
  now: Date,
): Promise<{ r: Rapport; cleanup: () => Promise<void> }> {
  const f = await fresh();
  const r: Rapport = {
    store: f.store,
    ws: await f.store.workspaces.ensure('default', now.toISOString()),
    now: () => now,
    close: async () => {},
  };
  return { r, cleanup: f.cleanup };
}

/** A Rapport over a new SQLite file holding the demo organisation, the clock pinned. */
export async function demoRapport(now: Date): Promise<{ r: Rapport; cleanup: () => Promise<void> }> {
  const db = await createSqliteDatabase();
  const r = await openRapport({ db: db.location, now: () => now });
  await loadDemo(r);
  return {
    r,
    cleanup: async () => {
      await r.close();
      await db.drop();
    },
  };
}
