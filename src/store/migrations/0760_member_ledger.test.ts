import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';
const TODAY = '2026-11-01';
const HALF = { halfLifeDays: 180, largeMeeting: 8 };

/**
 * A database as it was before 0760: one ledger per workspace. Workspace 1 has an owner (7) and
 * an editor (8); workspace 2 is the CLI's alone (member 0).
 */
async function oldDatabase(location: string): Promise<void> {
  const conn = await migratedBefore(location, '0760');
  const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
  await run(sql`insert into workspaces (id, name, me_person_id, created_at) values
    (1, 'team', null, ${AT}), (2, 'cli-only', null, ${AT})`);
  for (const [id, ws, name] of [
    [1, 1, 'Ada'],
    [2, 1, 'Bea'],
    [5, 2, 'Dee'],
  ] as const) {
    await run(sql`insert into people (id, workspace_id, name, name_key, category, created_at, updated_at)
      values (${id}, ${ws}, ${name}, ${name.toLowerCase()}, 'stakeholder', ${AT}, ${AT})`);
  }
  await run(sql`insert into users (id, email, name, password_hash, is_owner, personal_workspace_id, created_at)
    values (7, 'olivia@example.com', 'Olivia', 'x', 1, 1, ${AT}), (8, 'teo@example.com', 'Teo', 'x', 0, null, ${AT})`);
  await run(sql`insert into members (workspace_id, user_id, role, created_at)
    values (1, 7, 'owner', ${AT}), (1, 8, 'editor', ${AT})`);
  for (const [id, ws, kind, capital, people] of [
    [1, 1, 'help-given', 5, [1]],
    [2, 1, 'meeting', 1, [1, 2]],
    [3, 2, 'ask', -2, [5]],
  ] as const) {
    await run(sql`insert into interactions (id, workspace_id, occurred_at, kind, capital, note, created_at)
      values (${id}, ${ws}, ${AT}, ${kind}, ${capital}, ${`note ${id}`}, ${AT})`);
    for (const p of people) {
      await run(sql`insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital, party)
        values (${ws}, ${id}, ${p}, ${AT}, ${capital}, ${people.length})`);
    }
  }
  if (conn.dialect === 'postgres') {
    for (const [table, last] of [
      ['interactions', 3],
      ['people', 5],
      ['workspaces', 2],
      ['users', 8],
    ] as const)
      await run(sql`select setval(pg_get_serial_sequence(${table}, 'id'), ${last})`);
  }
  await conn.close();
}

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] migrating gives every ledger entry to the owner, or the CLI's local member, and nothing to a teammate`,
    async () => {
      const db = await d.create();
      try {
        await oldDatabase(db.location);
        const store = await openStore(db.location, { migrate: true });
        try {
          const totals = (member: number, ws: number, person: number) =>
            store.as(member).interactions.ledgerTotals(ws, person);
          expect(await totals(7, 1, 1)).toEqual({ entries: 2, deposits: 6, withdrawals: 0 });
          expect(await totals(7, 1, 2)).toEqual({ entries: 1, deposits: 1, withdrawals: 0 });
          expect(await totals(8, 1, 1)).toEqual({ entries: 0, deposits: 0, withdrawals: 0 });
          expect(await totals(0, 2, 5)).toEqual({ entries: 1, deposits: 0, withdrawals: 2 });
          // Nothing is shared until its author says so.
          expect(await store.as(8).interactions.ledger(1, 1, { shared: true })).toEqual([]);
          expect((await store.as(7).interactions.get(1, 2))?.shared).toBe(false);

          // The rollup, rebuilt per member: the owner's balances as before, none for the teammate.
          const rollup = async (member: number, ws: number) => {
            const s = store.as(member);
            await s.transaction((t) => t.relationship.refreshCapital(ws, TODAY, HALF));
            return (await s.relationship.capitalRollup(ws)).map((r) => [r.personId, r.weighted]);
          };
          expect(await rollup(7, 1)).toEqual([
            [1, 6],
            [2, 1],
          ]);
          expect(await rollup(8, 1)).toEqual([]);
          expect(await rollup(0, 2)).toEqual([[5, -2]]);

          // The first owner of the CLI's workspace adopts its ledger, rollup and all.
          await store.transaction((t) => t.relationships.adoptLocal(2, 8));
          expect(await totals(8, 2, 5)).toEqual({ entries: 1, deposits: 0, withdrawals: 2 });
          expect(await totals(0, 2, 5)).toEqual({ entries: 0, deposits: 0, withdrawals: 0 });
          expect(await rollup(8, 2)).toEqual([[5, -2]]);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
