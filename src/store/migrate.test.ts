import { expect, it } from 'vitest';
import { openStore } from './index.js';
import { migrations } from './migrations/index.js';
import { DIALECTS } from './test-support/dialects.js';

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] several processes' worth of openStore on a new database race safely`,
    async () => {
      const db = await d.create();
      try {
        const stores = await Promise.all([
          openStore(db.location),
          openStore(db.location),
          openStore(db.location),
        ]);
        const names = await stores[0]!.db
          // biome-ignore lint/suspicious/noExplicitAny: Kysely's bookkeeping table
          .selectFrom('kysely_migration' as any)
          .select('name')
          .execute();
        expect(names.map((n) => (n as { name: string }).name).sort()).toEqual(Object.keys(migrations).sort());
        const ws = await Promise.all(
          stores.map((s) => s.workspaces.ensure('default', '2026-11-23T00:00:00.000Z')),
        );
        expect(new Set(ws).size).toBe(1);
        for (const s of stores) await s.connection.close();
      } finally {
        await db.drop();
      }
    },
  );
}
