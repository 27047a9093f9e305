import { expect, it } from 'vitest';
import { openConnection } from './database.js';
import { openStore } from './index.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';
import { DIALECTS } from './test-support/dialects.js';

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] several processes' worth of openStore on a new database race safely`,
    async () => {
      const db = await d.create();
      try {
        const conns = await Promise.all([1, 2, 3].map(() => openConnection(db.location)));
        await Promise.all(conns.map((c) => migrateToLatest(c)));
        const names = await conns[0]!.db
          // biome-ignore lint/suspicious/noExplicitAny: Kysely's bookkeeping table
          .selectFrom('kysely_migration' as any)
          .select('name')
          .execute();
        expect(names.map((n) => (n as { name: string }).name).sort()).toEqual(Object.keys(migrations).sort());
        for (const c of conns) await c.close();
        const stores = await Promise.all([1, 2, 3].map(() => openStore(db.location)));
        const ws = await Promise.all(
          stores.map((s) => s.workspaces.ensure('default', '2026-11-23T00:00:00.000Z')),
        );
        expect(new Set(ws).size).toBe(1);
        for (const s of stores) await s.close();
      } finally {
        await db.drop();
      }
    },
  );
}
