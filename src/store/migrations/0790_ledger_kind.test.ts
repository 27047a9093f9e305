import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore, seedTeamOfThree } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] a ledger from before 0790 counts its coffees and one-to-ones as before, and no balance is marked for recomputing`,
    async () => {
      const db = await d.create();
      try {
        const conn = await migratedBefore(db.location, '0790');
        const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
        await seedTeamOfThree(conn, AT);
        // Coffee with Ada alone, lunch with Ada and Bea, a meeting with Bea alone.
        for (const [id, kind, people] of [
          [1, 'coffee', [1]],
          [2, 'lunch', [1, 2]],
          [3, 'meeting', [2]],
        ] as const) {
          await run(sql`insert into interactions (id, workspace_id, occurred_at, kind, capital, created_at)
            values (${id}, 1, ${AT}, ${kind}, 1, ${AT})`);
          for (const person of people)
            await run(sql`insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital, party)
              values (1, ${id}, ${person}, ${AT}, 1, ${people.length})`);
        }
        await run(sql`delete from capital_dirty`);
        await conn.close();

        const store = await openStore(db.location, { migrate: true });
        try {
          const engagement = await store.practice.engagement(1, [1, 2, 3], {
            informalKinds: ['coffee', 'lunch'],
            oneToOneSince: '2026-01-01',
          });
          expect([...engagement.values()].sort((a, b) => a.personId - b.personId)).toEqual([
            { personId: 1, informal: 2, oneToOne: 1 },
            { personId: 2, informal: 1, oneToOne: 1 },
          ]);
          // Only the backfill wrote to the ledger since the marks were cleared: nothing is stale.
          expect(await store.relationship.capitalStale(1, { halfLifeDays: 90, largeMeeting: 8 })).toBe(false);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
