import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openConnection } from '../database.js';
import { openStore } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore, seedTeamOfThree } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';
const TODAY = '2026-11-01';

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] after 0780 a rollup built before it still says when it is stale, and with which settings`,
    async () => {
      const db = await d.create();
      try {
        const conn = await migratedBefore(db.location, '0780');
        const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
        await seedTeamOfThree(conn, AT);
        for (const id of [1, 2, 3]) {
          await run(sql`insert into interactions (id, workspace_id, occurred_at, kind, capital, note, created_at)
            values (${id}, 1, ${AT}, 'help-given', 3, null, ${AT})`);
          await run(sql`insert into interaction_people (workspace_id, member_id, interaction_id, person_id, occurred_at, capital, party)
            values (1, 0, ${id}, ${id}, ${AT}, 3, 1)`);
        }
        await conn.close();

        const store = await openStore(db.location, { migrate: true });
        try {
          const rel = store.relationship;
          const params = { halfLifeDays: 180, largeMeeting: 6 };
          expect(await rel.capitalStale(1, params)).toBe(true);
          await store.transaction((tx) => tx.relationship.refreshCapital(1, TODAY, params));
          expect(await rel.capitalStale(1, params)).toBe(false);
          expect((await rel.capitalRollup(1)).map((r) => [r.personId, r.deposits])).toEqual([
            [1, 3],
            [2, 3],
            [3, 3],
          ]);
          // Another half-life or meeting size, whether above or below the one it was built with.
          for (const other of [
            { halfLifeDays: 90, largeMeeting: 6 },
            { halfLifeDays: 365, largeMeeting: 6 },
            { halfLifeDays: 180, largeMeeting: 4 },
            { halfLifeDays: 180, largeMeeting: 10 },
          ]) {
            expect(await rel.capitalStale(1, other)).toBe(true);
          }
          // One row built with other settings among rows built with these (Bea's, between Ada's
          // and Cy's): a rollup left so by an older Rapport, or a refresh that read other settings.
          for (const change of [sql`half_life_days = 90`, sql`large_meeting = 10`]) {
            const raw = await openConnection(db.location);
            await sql`update person_capital set ${change} where person_id = 2`.execute(raw.db);
            await raw.close();
            expect(await rel.capitalStale(1, params)).toBe(true);
            await store.transaction((tx) => tx.relationship.refreshCapital(1, TODAY, params));
            expect(await rel.capitalStale(1, params)).toBe(false);
          }
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
