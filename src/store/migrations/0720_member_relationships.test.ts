import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';

/**
 * A database as it was before 0720: tiers and cadences on people, "me" on the workspace.
 * Workspace 1 is the CLI's, later adopted by an owner account; workspace 2 was never adopted.
 */
async function oldDatabase(location: string): Promise<void> {
  const conn = await migratedBefore(location, '0720');
  const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
  await run(sql`insert into workspaces (id, name, me_person_id, created_at) values
    (1, 'default', 2, ${AT}), (2, 'cli-only', 5, ${AT})`);
  const person = (id: number, ws: number, name: string, tier: string, cadence: number | null) =>
    run(sql`insert into people (id, workspace_id, name, name_key, category, tier, cadence_days, created_at, updated_at)
      values (${id}, ${ws}, ${name}, ${name.toLowerCase()}, 'stakeholder', ${tier}, ${cadence}, ${AT}, ${AT})`);
  await person(1, 1, 'Ada', 'partner', null);
  await person(2, 1, 'Me Myself', 'none', null);
  await person(3, 1, 'Bea', 'none', 45);
  await person(4, 1, 'Cy', 'friend', 10);
  await person(5, 2, 'Dee', 'acquaintance', null);
  await person(6, 2, 'Eve', 'none', null);
  await run(sql`insert into users (id, email, name, password_hash, is_owner, personal_workspace_id, created_at)
    values (7, 'olivia@example.com', 'Olivia', 'x', 1, 1, ${AT}), (8, 'teo@example.com', 'Teo', 'x', 0, null, ${AT})`);
  await run(sql`insert into members (workspace_id, user_id, role, created_at)
    values (1, 7, 'owner', ${AT}), (1, 8, 'editor', ${AT})`);
  await run(sql`insert into plans (id, workspace_id, person_id, strategy, created_at)
    values (1, 1, 1, 'empathize', ${AT}), (2, 2, 5, 'proactive', ${AT})`);
  await run(sql`insert into plan_steps (id, workspace_id, plan_id, text, due, done_at)
    values (1, 1, 1, 'Ask Ada about the launch', '2026-11-10', null), (2, 2, 2, 'Coffee with Dee', '2026-11-12', null)`);
  if (conn.dialect === 'postgres') {
    await run(sql`select setval(pg_get_serial_sequence('plans', 'id'), 2)`);
    await run(sql`select setval(pg_get_serial_sequence('plan_steps', 'id'), 2)`);
    await run(sql`select setval(pg_get_serial_sequence('people', 'id'), 6)`);
    await run(sql`select setval(pg_get_serial_sequence('workspaces', 'id'), 2)`);
    await run(sql`select setval(pg_get_serial_sequence('users', 'id'), 8)`);
  }
  await conn.close();
}

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] migrating keeps every tier, cadence, plan and "me": the owner's, or the CLI's local member's`,
    async () => {
      const db = await d.create();
      try {
        await oldDatabase(db.location);
        const store = await openStore(db.location, { migrate: true });
        try {
          const view = async (member: number, ws: number) =>
            (await store.as(member).people.list(ws)).map((p) => [p.name, p.tier, p.cadenceDays]);
          expect(await view(7, 1)).toEqual([
            ['Ada', 'partner', null],
            ['Bea', 'none', 45],
            ['Cy', 'friend', 10],
            ['Me Myself', 'none', null],
          ]);
          expect(await store.as(7).workspaces.me(1)).toBe(2);
          // The teammate starts with the defaults a new person gets, and no "me".
          expect((await view(8, 1)).map(([, tier, cadence]) => [tier, cadence])).toEqual(
            Array(4).fill(['none', null]),
          );
          expect(await store.as(8).workspaces.me(1)).toBe(null);
          // The workspace nobody owns stays the local member's (the CLI with no account).
          expect(await view(0, 2)).toEqual([
            ['Dee', 'acquaintance', null],
            ['Eve', 'none', null],
          ]);
          expect(await store.workspaces.me(2)).toBe(5);
          const steps = async (member: number, ws: number) =>
            (await store.as(member).plans.list(ws)).flatMap((p) => p.steps.map((s) => s.text));
          expect(await steps(7, 1)).toEqual(['Ask Ada about the launch']);
          expect(await steps(8, 1)).toEqual([]);
          expect(await steps(0, 2)).toEqual(['Coffee with Dee']);
          expect(await store.relationships.defaultMember(1)).toBe(7);
          expect(await store.relationships.defaultMember(2)).toBe(0);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
