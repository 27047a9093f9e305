import type { Kysely, Selectable } from 'kysely';
import type { Assessment, AssessmentFields } from '../../domain/assessment.js';
import type { AssessmentsTable, Database } from '../schema.js';

export const toAssessment = (r: Selectable<AssessmentsTable>): Assessment => ({
  id: r.id,
  initiativeId: r.initiative_id,
  personId: r.person_id,
  influence: r.influence,
  stance: r.stance,
  interconnectedness: r.interconnectedness,
  note: r.note,
  assessedAt: r.assessed_at,
});

/** Assessments are append-only: there is no update, the history is the record. */
export class AssessmentsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async insert(
    ws: number,
    initiativeId: number,
    personId: number,
    fields: AssessmentFields,
    assessedAt: string,
  ): Promise<Assessment> {
    const row = await this.db
      .insertInto('assessments')
      .values({
        workspace_id: ws,
        initiative_id: initiativeId,
        person_id: personId,
        influence: fields.influence,
        stance: fields.stance,
        interconnectedness: fields.interconnectedness,
        note: fields.note,
        assessed_at: assessedAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAssessment(row);
  }

  async get(ws: number, id: number): Promise<Assessment | undefined> {
    const row = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? toAssessment(row) : undefined;
  }

  async remove(ws: number, id: number): Promise<void> {
    await this.db.deleteFrom('assessments').where('workspace_id', '=', ws).where('id', '=', id).execute();
  }

  async forInitiative(ws: number, initiativeId: number): Promise<Assessment[]> {
    const rows = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('initiative_id', '=', initiativeId)
      .orderBy('assessed_at')
      .orderBy('id')
      .execute();
    return rows.map(toAssessment);
  }

  async forPerson(ws: number, personId: number): Promise<Assessment[]> {
    const rows = await this.db
      .selectFrom('assessments')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('person_id', '=', personId)
      .orderBy('assessed_at')
      .orderBy('id')
      .execute();
    return rows.map(toAssessment);
  }
}
