import type { PersonFields } from '../domain/person.js';
import type { NewInteraction } from './repositories/interactions.js';
import { nameKey } from './repositories/people.js';
import type { Store } from './store.js';

export interface BulkPerson {
  fields: PersonFields;
  managerId: number | null;
}

const PG_CHUNK = 1000;

/**
 * Inserts many people in one go and returns their ids in input order. On SQLite this uses
 * prepared statements on the raw handle (several times faster than building each query);
 * call it inside `store.transaction` so it is all-or-nothing and one fsync.
 */
export async function insertPeople(
  store: Store,
  ws: number,
  rows: BulkPerson[],
  now: string,
): Promise<number[]> {
  const sqlite = store.connection.sqlite;
  if (sqlite) {
    const person = sqlite.prepare(
      `insert into people (workspace_id, name, name_key, title, team, department, level, manager_id, phone, company,
        category, tier, cadence_days, interests, communication, notes, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const email = sqlite.prepare(
      'insert into person_emails (workspace_id, person_id, email, position) values (?, ?, ?, ?)',
    );
    const ids: number[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const { fields: f, managerId } = rows[i]!;
      const id = Number(
        person.run(
          ws,
          f.name,
          nameKey(f.name),
          f.title,
          f.team,
          f.department,
          f.level,
          managerId,
          f.phone,
          f.company,
          f.category,
          f.tier,
          f.cadenceDays,
          JSON.stringify(f.interests),
          f.communication,
          f.notes,
          now,
          now,
        ).lastInsertRowid,
      );
      ids[i] = id;
      for (let j = 0; j < f.emails.length; j++) email.run(ws, id, f.emails[j], j);
    }
    return ids;
  }
  const ids: number[] = [];
  for (let start = 0; start < rows.length; start += PG_CHUNK) {
    const chunk = rows.slice(start, start + PG_CHUNK);
    const inserted = await store.db
      .insertInto('people')
      .values(
        chunk.map(({ fields: f, managerId }) => ({
          workspace_id: ws,
          name: f.name,
          name_key: nameKey(f.name),
          title: f.title,
          team: f.team,
          department: f.department,
          level: f.level,
          manager_id: managerId,
          phone: f.phone,
          company: f.company,
          category: f.category,
          tier: f.tier,
          cadence_days: f.cadenceDays,
          interests: JSON.stringify(f.interests),
          communication: f.communication,
          notes: f.notes,
          created_at: now,
          updated_at: now,
        })),
      )
      .returning('id')
      .execute();
    const chunkIds = inserted.map((r) => r.id);
    ids.push(...chunkIds);
    const emails = chunk.flatMap(({ fields }, i) =>
      fields.emails.map((e, position) => ({ workspace_id: ws, person_id: chunkIds[i]!, email: e, position })),
    );
    if (emails.length > 0) await store.db.insertInto('person_emails').values(emails).execute();
  }
  return ids;
}

/** Inserts many interactions (with their participants); returns how many. Same rules as insertPeople. */
export async function insertInteractions(
  store: Store,
  ws: number,
  rows: NewInteraction[],
  now: string,
): Promise<number> {
  const sqlite = store.connection.sqlite;
  if (sqlite) {
    const interaction = sqlite.prepare(
      `insert into interactions (workspace_id, occurred_at, kind, capital, note, initiative_id, source, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const participant = sqlite.prepare(
      'insert into interaction_people (workspace_id, interaction_id, person_id, occurred_at, capital) values (?, ?, ?, ?, ?)',
    );
    for (const r of rows) {
      const id = interaction.run(
        ws,
        r.occurredAt,
        r.kind,
        r.capital,
        r.note,
        r.initiativeId,
        r.source,
        now,
      ).lastInsertRowid;
      for (const p of r.personIds) participant.run(ws, id, p, r.occurredAt, r.capital);
    }
    return rows.length;
  }
  for (let start = 0; start < rows.length; start += PG_CHUNK) {
    const chunk = rows.slice(start, start + PG_CHUNK);
    const inserted = await store.db
      .insertInto('interactions')
      .values(
        chunk.map((r) => ({
          workspace_id: ws,
          occurred_at: r.occurredAt,
          kind: r.kind,
          capital: r.capital,
          note: r.note,
          initiative_id: r.initiativeId,
          source: r.source,
          created_at: now,
        })),
      )
      .returning('id')
      .execute();
    const participants = chunk.flatMap((r, i) =>
      r.personIds.map((person_id) => ({
        workspace_id: ws,
        interaction_id: inserted[i]!.id,
        person_id,
        occurred_at: r.occurredAt,
        capital: r.capital,
      })),
    );
    if (participants.length > 0)
      await store.db.insertInto('interaction_people').values(participants).execute();
  }
  return rows.length;
}
