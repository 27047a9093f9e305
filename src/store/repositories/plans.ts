import type { Kysely } from 'kysely';
import type { Plan, Strategy } from '../../domain/plan.js';
import type { Database } from '../schema.js';

/** Improvement plans and their dated steps: the asking member's own, nobody else's. */
export class PlansRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly member: number,
  ) {}

  private mine(ws: number) {
    return this.db.selectFrom('plans').where('workspace_id', '=', ws).where('author_id', '=', this.member);
  }

  async create(ws: number, personId: number, strategy: Strategy, now: string): Promise<number> {
    const { id } = await this.db
      .insertInto('plans')
      .values({ workspace_id: ws, author_id: this.member, person_id: personId, strategy, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  async findId(ws: number, personId: number, strategy: Strategy): Promise<number | undefined> {
    const row = await this.mine(ws)
      .select('id')
      .where('person_id', '=', personId)
      .where('strategy', '=', strategy)
      .orderBy('id')
      .executeTakeFirst();
    return row?.id;
  }

  async addStep(ws: number, planId: number, text: string, due: string): Promise<number> {
    const { id } = await this.db
      .insertInto('plan_steps')
      .values({ workspace_id: ws, plan_id: planId, text, due, done_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    return id;
  }

  /** Marks a step done; false when no step of the member's plans has that id. */
  async completeStep(ws: number, stepId: number, now: string): Promise<boolean> {
    const r = await this.db
      .updateTable('plan_steps')
      .set({ done_at: now })
      .where('workspace_id', '=', ws)
      .where('id', '=', stepId)
      .where('plan_id', 'in', this.mine(ws).select('id'))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  /** Plans with their steps (by due day), all or one person's. */
  async list(ws: number, personId?: number): Promise<Plan[]> {
    let q = this.mine(ws).selectAll();
    if (personId !== undefined) q = q.where('person_id', '=', personId);
    const plans = await q.orderBy('id').execute();
    if (plans.length === 0) return [];
    const steps = await this.db
      .selectFrom('plan_steps')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where(
        'plan_id',
        'in',
        plans.map((p) => p.id),
      )
      .orderBy('due')
      .orderBy('id')
      .execute();
    return plans.map((p) => ({
      id: p.id,
      personId: p.person_id,
      strategy: p.strategy as Strategy,
      createdAt: p.created_at,
      steps: steps
        .filter((s) => s.plan_id === p.id)
        .map((s) => ({ id: s.id, text: s.text, due: s.due, doneAt: s.done_at })),
    }));
  }

  /** Plans that have an open step due on or before `day`, with all their steps. */
  async withStepsDue(ws: number, day: string): Promise<Plan[]> {
    const ids = await this.db
      .selectFrom('plan_steps')
      .select('plan_id')
      .distinct()
      .where('workspace_id', '=', ws)
      .where('due', '<=', day)
      .where('done_at', 'is', null)
      .where('plan_id', 'in', this.mine(ws).select('id'))
      .execute();
    if (ids.length === 0) return [];
    const wanted = new Set(ids.map((r) => r.plan_id));
    return (await this.list(ws)).filter((p) => wanted.has(p.id));
  }
}
