import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { type Plan, parseStrategy, planStepFields, STRATEGIES, type Strategy } from '../../domain/plan.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

export interface PlanView extends Plan {
  name: string;
}

export interface PlanCommand {
  strategy?: string;
  step?: string;
  due?: string;
  /** A step id to mark done. */
  done?: string;
}

async function views(r: Rapport, plans: Plan[]): Promise<PlanView[]> {
  const people = await r.store.relationship.people(r.ws);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return plans.map((p) => ({ ...p, name: names.get(p.personId) ?? `#${p.personId}` }));
}

/**
 * An improvement plan for one relationship (DESIGN.md idea 4): a strategy and dated steps. A
 * second step with the same strategy joins the existing plan. Without a step, lists the plans.
 */
export async function plan(r: Rapport, ref: string, cmd: PlanCommand): Promise<PlanView[]> {
  const personId = await resolvePersonId(r.store, r.ws, ref);
  if (cmd.done !== undefined) {
    const stepId = Number(cmd.done.replace(/^#/, ''));
    const mine = (await r.store.plans.list(r.ws, personId)).some((p) => p.steps.some((s) => s.id === stepId));
    if (!Number.isInteger(stepId) || !mine) {
      throw new NotFoundError('plan step', cmd.done);
    }
    await r.store.plans.completeStep(r.ws, stepId, r.now().toISOString());
  } else if (cmd.step !== undefined || cmd.strategy !== undefined || cmd.due !== undefined) {
    if (cmd.strategy === undefined) {
      throw new ValidationError('strategy', `A plan step needs a strategy: one of ${STRATEGIES.join(', ')}.`);
    }
    const strategy: Strategy = parseStrategy(cmd.strategy);
    const step = planStepFields({ text: cmd.step, due: cmd.due });
    await r.store.transaction(async (store) => {
      const planId =
        (await store.plans.findId(r.ws, personId, strategy)) ??
        (await store.plans.create(r.ws, personId, strategy, r.now().toISOString()));
      await store.plans.addStep(r.ws, planId, step.text, step.due);
    });
  }
  return views(r, await r.store.plans.list(r.ws, personId));
}

/** Every plan in the workspace. */
export async function listPlans(r: Rapport): Promise<PlanView[]> {
  return views(r, await r.store.plans.list(r.ws));
}
