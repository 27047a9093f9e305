import type { Kysely, Selectable } from 'kysely';
import type { Initiative, InitiativeStatus } from '../../domain/initiative.js';
import type { Database, InitiativesTable } from '../schema.js';
import { nameKey } from './people.js';

const toInitiative = (r: Selectable<InitiativesTable>): Initiative => ({
  id: r.id,
  name: r.name,
  description: r.description,
  status: r.status as InitiativeStatus,
  createdAt: r.created_at,
  archivedAt: r.archived_at,
});

export class InitiativesRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(ws: number, name: string, description: string | null, now: string): Promise<number> {
    const { id } = await this.db
      .insertInto('initiatives')
      .values({
        workspace_id: ws,
        name,
        name_key: nameKey(name),
        description,
        status: 'active',
        created_at: now,
        archived_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async byName(ws: number, name: string): Promise<Initiative | undefined> {
    const r = await this.db
      .selectFrom('initiatives')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('name_key', '=', nameKey(name))
      .executeTakeFirst();
    return r && toInitiative(r);
  }

  async get(ws: number, id: number): Promise<Initiative | undefined> {
    const r = await this.db
      .selectFrom('initiatives')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return r && toInitiative(r);
  }

  async list(ws: number, opts: { includeArchived?: boolean } = {}): Promise<Initiative[]> {
    let q = this.db.selectFrom('initiatives').selectAll().where('workspace_id', '=', ws);
    if (!opts.includeArchived) q = q.where('status', '=', 'active');
    const rows = await q.orderBy('name_key').execute();
    return rows.map(toInitiative);
  }

  async archive(ws: number, id: number, now: string): Promise<void> {
    await this.db
      .updateTable('initiatives')
      .set({ status: 'archived', archived_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
  }
}
