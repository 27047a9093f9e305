import { type Kysely, sql } from 'kysely';

// Whose notes: the free-text notes on a person (`people.notes`: the CLI's --notes, the notes
// column of contact files) belong to the member who wrote them, beside their tier and cadence,
// as the issue of "whose data" asks. Every existing note goes to the workspace's owner, or to
// member 0 where there is no account (the rule of 0720), then the shared column is dropped so
// no code can read another member's note through it.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('relationships').addColumn('notes', 'text').execute();
  const owner = sql`coalesce((select min(m.user_id) from members m
    where m.workspace_id = p.workspace_id and m.role = 'owner'), 0)`;
  // Rows that exist take the note; people with a note and no row get one with the default tier.
  await sql`update relationships set notes = (select p.notes from people p
      where p.workspace_id = relationships.workspace_id and p.id = relationships.person_id)
    where member_id = (select ${owner} from people p
      where p.workspace_id = relationships.workspace_id and p.id = relationships.person_id)`.execute(db);
  await sql`insert into relationships (workspace_id, member_id, person_id, tier, cadence_days, notes)
    select p.workspace_id, ${owner}, p.id, 'none', null, p.notes from people p
    where p.notes is not null and not exists (select 1 from relationships r
      where r.workspace_id = p.workspace_id and r.person_id = p.id and r.member_id = ${owner})`.execute(db);
  await db.schema.alterTable('people').dropColumn('notes').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('people').addColumn('notes', 'text').execute();
  await sql`update people set notes = (select r.notes from relationships r
    where r.workspace_id = people.workspace_id and r.person_id = people.id
      and r.member_id = coalesce((select min(m.user_id) from members m
        where m.workspace_id = people.workspace_id and m.role = 'owner'), 0))`.execute(db);
  await sql`delete from relationships where tier = 'none' and cadence_days is null`.execute(db);
  await db.schema.alterTable('relationships').dropColumn('notes').execute();
}
