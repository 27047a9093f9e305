import type { DialectContext } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';

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
