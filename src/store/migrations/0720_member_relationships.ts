import { type Kysely, sql } from 'kysely';

// Whose data: a member's tier and cadence with a person, and who "me" is in the org chart,
// belong to the member, not to the workspace (people.tier, people.cadence_days and
// workspaces.me_person_id before). Member 0 is the local member of a database used only by the
// CLI, before any account exists; `workspaces.me_person_id` stays as that member's "me" (and
// the first account to own the workspace adopts member 0's rows, see RelationshipsRepository).
// Every existing value goes to the workspace's owner when it has one, else to member 0.
// A person with no row for a member has the tier and cadence a new person gets (none, the
// tier's default): only the rows that differ are kept.
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the current schema type
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relationships')
    .addColumn('workspace_id', 'integer', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'integer', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('cadence_days', 'integer')
    // The key is the join every read of people makes: one index seek per person.
    .addPrimaryKeyConstraint('relationships_pk', ['workspace_id', 'member_id', 'person_id'])
    .execute();
  await db.schema.alterTable('members').addColumn('me_person_id', 'integer').execute();

  const owner = sql`coalesce((select min(m.user_id) from members m
    where m.workspace_id = p.workspace_id and m.role = 'owner'), 0)`;
  await sql`insert into relationships (workspace_id, member_id, person_id, tier, cadence_days)
    select p.workspace_id, ${owner}, p.id, p.tier, p.cadence_days from people p
    where p.tier <> 'none' or p.cadence_days is not null`.execute(db);
  await sql`update members set me_person_id = (select w.me_person_id from workspaces w where w.id = members.workspace_id)
    where role = 'owner' and user_id = (select min(m.user_id) from members m
      where m.workspace_id = members.workspace_id and m.role = 'owner')`.execute(db);
  await sql`update workspaces set me_person_id = null
    where exists (select 1 from members m where m.workspace_id = workspaces.id and m.role = 'owner')`.execute(
    db,
  );

  await db.schema.alterTable('people').dropColumn('tier').execute();
  await db.schema.alterTable('people').dropColumn('cadence_days').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('people')
    .addColumn('tier', 'text', (c) => c.notNull().defaultTo('none'))
    .execute();
  await db.schema.alterTable('people').addColumn('cadence_days', 'integer').execute();
  // Back to one value per person: the owner's (or the local member's) relationship.
  const mine = (col: string) => sql`(select r.${sql.ref(col)} from relationships r
    where r.workspace_id = people.workspace_id and r.person_id = people.id
      and r.member_id = coalesce((select min(m.user_id) from members m
        where m.workspace_id = people.workspace_id and m.role = 'owner'), 0))`;
  await sql`update people set tier = coalesce(${mine('tier')}, 'none'), cadence_days = ${mine('cadence_days')}`.execute(
    db,
  );
  await sql`update workspaces set me_person_id = (select m.me_person_id from members m
    where m.workspace_id = workspaces.id and m.role = 'owner' order by m.user_id limit 1)
    where me_person_id is null`.execute(db);
  await db.schema.alterTable('members').dropColumn('me_person_id').execute();
  await db.schema.dropTable('relationships').execute();
}
