import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Per-workspace settings as JSON values; the domain owns the defaults and their meaning. */
export class SettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async all(ws: number): Promise<Record<string, unknown>> {
    const rows = await this.db
      .selectFrom('settings')
      .select(['key', 'value'])
      .where('workspace_id', '=', ws)
      .execute();
    return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  }

  async set(ws: number, key: string, value: unknown): Promise<void> {
    const json = JSON.stringify(value);
    await this.db
      .insertInto('settings')
      .values({ workspace_id: ws, key, value: json })
      .onConflict((oc) => oc.columns(['workspace_id', 'key']).doUpdateSet({ value: json }))
      .execute();
  }

  async remove(ws: number, key: string): Promise<void> {
    await this.db.deleteFrom('settings').where('workspace_id', '=', ws).where('key', '=', key).execute();
  }
}
