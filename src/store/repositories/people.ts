import type { Kysely, Selectable } from 'kysely';
import type { Category, Person, PersonFields, Tier } from '../../domain/person.js';
import type { Database, PeopleTable } from '../schema.js';
import { MemberRelationshipsRepository, memberRow } from './member-relationships.js';
import { MergeRepository } from './merge.js';

/** A person's row with the asking member's tier, cadence and notes (null: no row, the default). */
type Row = Selectable<PeopleTable> & {
  tier: string | null;
  cadence_days: number | null;
  notes: string | null;
};

export const nameKey = (name: string): string => name.trim().toLowerCase();

function toPerson(row: Row, emails: string[]): Person {
  return {
    id: row.id,
    name: row.name,
    title: row.title,
    team: row.team,
    department: row.department,
    level: row.level,
    managerId: row.manager_id,
    emails,
    phone: row.phone,
    company: row.company,
    category: row.category as Category,
    tier: (row.tier ?? 'none') as Tier,
    cadenceDays: row.cadence_days,
    interests: JSON.parse(row.interests) as string[],
    communication: row.communication,
    notes: row.notes,
    location: row.location,
    hireDate: row.hire_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(fields: PersonFields) {
  return {
    name: fields.name,
    name_key: nameKey(fields.name),
    title: fields.title,
    team: fields.team,
    department: fields.department,
    level: fields.level,
    phone: fields.phone,
    company: fields.company,
    category: fields.category,
    interests: JSON.stringify(fields.interests),
    communication: fields.communication,
    location: fields.location,
    hire_date: fields.hireDate,
  };
}

/** The column each person field is stored in (emails live in their own table; tier, cadence and notes are the member's). */
const COLUMN_OF: Record<
  Exclude<keyof PersonFields, 'emails' | 'tier' | 'cadenceDays' | 'notes'>,
  Exclude<keyof ReturnType<typeof toRow>, 'name_key'>
> = {
  name: 'name',
  title: 'title',
  team: 'team',
  department: 'department',
  level: 'level',
  phone: 'phone',
  company: 'company',
  category: 'category',
  interests: 'interests',
  communication: 'communication',
  location: 'location',
  hireDate: 'hire_date',
};

/** Every query about people. Each method takes the workspace id first: nothing crosses workspaces. */
export class PeopleRepository {
  private readonly mine: MemberRelationshipsRepository;

  /** `member`: whose tier and cadence people are read and written with. */
  constructor(
    private readonly db: Kysely<Database>,
    private readonly member: number,
  ) {
    this.mine = new MemberRelationshipsRepository(db, member);
  }

  /** People with the member's tier and cadence: one seek of the relationships key per person. */
  private selectPeople(ws: number) {
    return this.db
      .selectFrom('people as p')
      .leftJoin('relationships as rl', memberRow(this.member))
      .selectAll('p')
      .select(['rl.tier', 'rl.cadence_days', 'rl.notes'])
      .where('p.workspace_id', '=', ws);
  }

  async insert(ws: number, fields: PersonFields, managerId: number | null, now: string): Promise<number> {
    const { id } = await this.db
      .insertInto('people')
      .values({ workspace_id: ws, ...toRow(fields), manager_id: managerId, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.setEmails(ws, id, fields.emails);
    await this.mine.setMany(ws, [
      [id, { tier: fields.tier, cadenceDays: fields.cadenceDays, notes: fields.notes }],
    ]);
    return id;
  }

  /**
   * Writes only the fields given (and the manager when given): two edits of different fields
   * never overwrite each other with values read before the other committed.
   */
  async update(
    ws: number,
    id: number,
    changes: Partial<PersonFields> & { managerId?: number | null },
    now: string,
  ) {
    const { managerId, emails, tier, cadenceDays, notes, ...fields } = changes;
    if (tier !== undefined || cadenceDays !== undefined || notes !== undefined) {
      await this.mine.set(ws, id, {
        ...(tier === undefined ? {} : { tier }),
        ...(cadenceDays === undefined ? {} : { cadenceDays }),
        ...(notes === undefined ? {} : { notes }),
      });
    }
    const row: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
      row[COLUMN_OF[key]] = key === 'interests' ? JSON.stringify(value) : value;
      if (key === 'name') row.name_key = nameKey(value as string);
    }
    if (managerId !== undefined) row.manager_id = managerId;
    await this.db
      .updateTable('people')
      .set({ ...row, updated_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
    if (emails !== undefined) await this.setEmails(ws, id, emails);
  }

  private async setEmails(ws: number, personId: number, emails: string[]) {
    await this.db
      .deleteFrom('person_emails')
      .where('workspace_id', '=', ws)
      .where('person_id', '=', personId)
      .execute();
    if (emails.length === 0) return;
    await this.db
      .insertInto('person_emails')
      .values(emails.map((email, position) => ({ workspace_id: ws, person_id: personId, email, position })))
      .execute();
  }

  async get(ws: number, id: number): Promise<Person | undefined> {
    const row = await this.selectPeople(ws).where('p.id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    return toPerson(row, await this.emailsOf(ws, id));
  }

  async emailsOf(ws: number, personId: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('person_emails')
      .select('email')
      .where('workspace_id', '=', ws)
      .where('person_id', '=', personId)
      .orderBy('position')
      .execute();
    return rows.map((r) => r.email);
  }

  async list(ws: number): Promise<Person[]> {
    const [rows, emails] = await Promise.all([
      this.selectPeople(ws).orderBy('p.name_key').orderBy('p.id').execute(),
      this.db
        .selectFrom('person_emails')
        .select(['person_id', 'email'])
        .where('workspace_id', '=', ws)
        .orderBy('person_id')
        .orderBy('position')
        .execute(),
    ]);
    const byPerson = new Map<number, string[]>();
    for (const e of emails) {
      const list = byPerson.get(e.person_id);
      if (list) list.push(e.email);
      else byPerson.set(e.person_id, [e.email]);
    }
    return rows.map((r) => toPerson(r, byPerson.get(r.id) ?? []));
  }

  async count(ws: number): Promise<number> {
    const { n } = await this.db
      .selectFrom('people')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .executeTakeFirstOrThrow();
    return Number(n);
  }

  async idsByName(ws: number, name: string): Promise<{ id: number; name: string; title: string | null }[]> {
    return this.db
      .selectFrom('people')
      .select(['id', 'name', 'title'])
      .where('workspace_id', '=', ws)
      .where('name_key', '=', nameKey(name))
      .orderBy('id')
      .execute();
  }

  async idByEmail(ws: number, email: string): Promise<number | undefined> {
    const row = await this.db
      .selectFrom('person_emails')
      .select('person_id')
      .where('workspace_id', '=', ws)
      .where('email', '=', email.trim().toLowerCase())
      .executeTakeFirst();
    return row?.person_id;
  }

  async exists(ws: number, id: number): Promise<boolean> {
    const row = await this.db
      .selectFrom('people')
      .select('id')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Manager of every person: the reporting tree, for loop checks and org levels. */
  async managerMap(ws: number): Promise<Map<number, number | null>> {
    const rows = await this.db
      .selectFrom('people')
      .select(['id', 'manager_id'])
      .where('workspace_id', '=', ws)
      .execute();
    return new Map(rows.map((r) => [r.id, r.manager_id]));
  }

  async reports(ws: number, managerId: number): Promise<{ id: number; name: string }[]> {
    return this.db
      .selectFrom('people')
      .select(['id', 'name'])
      .where('workspace_id', '=', ws)
      .where('manager_id', '=', managerId)
      .orderBy('name_key')
      .execute();
  }

  /**
   * Moves everything of `merged` (ledger, assessments, plans, emails, reports, "me") onto
   * `survivor` and deletes `merged`. Ties move through the network repository. In a transaction.
   */
  async mergeInto(ws: number, survivor: number, merged: number): Promise<void> {
    await new MergeRepository(this.db).mergeInto(ws, survivor, merged);
  }

  async remove(ws: number, id: number, reportsTo: number | null = null): Promise<void> {
    // Reports move up to the removed person's manager (not to nobody); the rest cascades
    // (emails, assessments, ledger rows).
    await this.db
      .updateTable('people')
      .set({ manager_id: reportsTo })
      .where('workspace_id', '=', ws)
      .where('manager_id', '=', id)
      .execute();
    await this.db.deleteFrom('people').where('workspace_id', '=', ws).where('id', '=', id).execute();
  }
}
