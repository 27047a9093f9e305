import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { openStore } from '../index.js';
import { DIALECTS } from '../test-support/dialects.js';
import { migratedBefore } from '../test-support/migrated-before.js';

const AT = '2026-11-01T09:00:00.000Z';

for (const d of DIALECTS) {
  it.skipIf(!d.available)(
    `[${d.name}] migrating gives every person's notes to the owner, or the CLI's local member, and none to a teammate`,
    async () => {
      const db = await d.create();
      try {
        const conn = await migratedBefore(db.location, '0770');
        const run = (q: ReturnType<typeof sql>) => q.execute(conn.db);
        await run(sql`insert into workspaces (id, name, me_person_id, created_at) values
          (1, 'team', null, ${AT}), (2, 'cli-only', null, ${AT})`);
        for (const [id, ws, name, notes] of [
          [1, 1, 'Ada', 'prefers mornings'],
          [2, 1, 'Bea', 'runs the budget'],
          [3, 1, 'Cy', null],
          [5, 2, 'Dee', 'met at the offsite'],
        ] as const) {
          await run(sql`insert into people (id, workspace_id, name, name_key, category, notes, created_at, updated_at)
            values (${id}, ${ws}, ${name}, ${name.toLowerCase()}, 'stakeholder', ${notes}, ${AT}, ${AT})`);
        }
        await run(sql`insert into users (id, email, name, password_hash, is_owner, personal_workspace_id, created_at)
          values (7, 'olivia@example.com', 'Olivia', 'x', 1, 1, ${AT}), (8, 'teo@example.com', 'Teo', 'x', 0, null, ${AT})`);
        await run(sql`insert into members (workspace_id, user_id, role, created_at)
          values (1, 7, 'owner', ${AT}), (1, 8, 'editor', ${AT})`);
        // Ada already has the owner's tier: her row takes the note; Bea gets a row for it.
        await run(sql`insert into relationships (workspace_id, member_id, person_id, tier, cadence_days)
          values (1, 7, 1, 'partner', 14), (1, 8, 2, 'friend', null)`);
        await conn.close();

        const store = await openStore(db.location, { migrate: true });
        try {
          const view = async (member: number, ws: number) =>
            (await store.as(member).people.list(ws)).map((p) => [p.name, p.tier, p.notes]);
          expect(await view(7, 1)).toEqual([
            ['Ada', 'partner', 'prefers mornings'],
            ['Bea', 'none', 'runs the budget'],
            ['Cy', 'none', null],
          ]);
          expect(await view(8, 1)).toEqual([
            ['Ada', 'none', null],
            ['Bea', 'friend', null],
            ['Cy', 'none', null],
          ]);
          expect(await view(0, 2)).toEqual([['Dee', 'none', 'met at the offsite']]);
        } finally {
          await store.close();
        }
      } finally {
        await db.drop();
      }
    },
  );
}
