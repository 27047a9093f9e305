import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore, type Store } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore, seedTeamOfThree } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';
const LATER = '2026-11-10T09:00:00.000Z';

/** Every current placement on an active map: [initiative, person, stance, stance before]. */
async function current(store: Store): Promise<number[][]> {
  const r = await store.relationship.focusAssessments(1, {
    influence: 0,
    stance: 20,
    stanceDrop: 30,
    staleBefore: '2000-01-01',
  });
  return r.flagged
    .map((a) => [a.initiativeId, a.personId, a.stance, a.previousStance ?? Number.NaN])
    .sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
}

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] the current assessments, from before 0781 and through every later change, are the latest by time then id`,
    async () => {
      const db = await d.create();
      try {
        const conn = await migratedBefore(db.location, '0781');
        const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
        await seedTeamOfThree(conn, AT);
        await run(sql`insert into initiatives (id, workspace_id, name, name_key, description, status, created_at)
          values (1, 1, 'Apollo', 'apollo', null, 'active', ${AT}), (2, 1, 'Old', 'old', null, 'archived', ${AT})`);
        // Ada twice at the same moment (the later id is current), Bea once, Cy on the archived map.
        for (const [id, ini, person, stance, at] of [
          [1, 1, 1, 10, AT],
          [2, 1, 1, -30, AT],
          [3, 1, 2, 50, AT],
          [4, 2, 3, 70, AT],
        ] as const) {
          await run(sql`insert into assessments (id, workspace_id, initiative_id, person_id, influence, stance, assessed_at)
            values (${id}, 1, ${ini}, ${person}, 60, ${stance}, ${at})`);
        }
        if (conn.dialect === 'postgres') {
          for (const [table, last] of [
            ['assessments', 4],
            ['people', 3],
            ['initiatives', 2],
            ['workspaces', 1],
          ] as const)
            await run(sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${last})`);
        }
        await conn.close();

        const store = await openStore(db.location, { migrate: true });
        try {
          expect(await current(store)).toEqual([
            [1, 1, -30, 10],
            [1, 2, 50, Number.NaN],
          ]);
          // A new assessment is current, the one it follows its stance before.
          const fresh = await store.assessments.insert(
            1,
            1,
            2,
            { influence: 80, stance: 5, interconnectedness: null, note: null },
            LATER,
          );
          // One dated in the past changes nothing current but may be the stance before.
          await store.assessments.insert(
            1,
            1,
            1,
            { influence: 60, stance: 99, interconnectedness: null, note: null },
            '2026-10-01T09:00:00.000Z',
          );
          expect(await current(store)).toEqual([
            [1, 1, -30, 10],
            [1, 2, 5, 50],
          ]);
          // Removing the current one brings back the one before.
          await store.assessments.remove(1, fresh.id);
          await store.assessments.remove(1, 2);
          expect(await current(store)).toEqual([
            [1, 1, 10, 99],
            [1, 2, 50, Number.NaN],
          ]);
          // Merging Bea into Ada moves her assessment with her; removing Ada takes every row.
          await store.transaction((tx) => tx.people.mergeInto(1, 1, 2));
          expect(await current(store)).toEqual([[1, 1, 50, 10]]);
          await store.people.remove(1, 1);
          expect(await current(store)).toEqual([]);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
