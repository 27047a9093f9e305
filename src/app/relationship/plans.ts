import { parseInput } from '../../contract/common.js';
import { PersonInput } from '../../contract/people.js';
import { AddPlanStepInput, CompletePlanStepInput, type PlanView } from '../../contract/relationship.js';
import { NotFoundError } from '../../domain/errors.js';
import { type Plan, planStepFields } from '../../domain/plan.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { logInteraction } from './log.js';

export type { PlanView };

async function views(r: Rapport, plans: Plan[]): Promise<PlanView[]> {
  const people = await r.store.relationship.people(r.ws);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return plans.map(({ id, personId, ...plan }) => ({
    id,
    person: { id: personId, name: names.get(personId) ?? `#${personId}` },
    ...plan,
  }));
}

/** One person's improvement plans: a strategy each, with dated steps. */
export async function plansFor(r: Rapport, raw: PersonInput): Promise<PlanView[]> {
  const personId = await resolvePersonId(r.store, r.ws, parseInput(PersonInput, raw).person);
  return views(r, await r.store.plans.list(r.ws, personId));
}

/**
 * Adds a dated step to the person's plan with that strategy, starting the plan if there is
 * none; returns the person's plans.
 */
export async function addPlanStep(r: Rapport, raw: AddPlanStepInput): Promise<PlanView[]> {
  const input = parseInput(AddPlanStepInput, raw);
  const personId = await resolvePersonId(r.store, r.ws, input.person);
  const step = planStepFields({ text: input.step, due: input.due });
  await r.store.transaction(async (store) => {
    const planId =
      (await store.plans.findId(r.ws, personId, input.strategy)) ??
      (await store.plans.create(r.ws, personId, input.strategy, r.now().toISOString()));
    await store.plans.addStep(r.ws, planId, step.text, step.due);
  });
  return views(r, await r.store.plans.list(r.ws, personId));
}

/** Marks one of the person's plan steps done; returns the person's plans. */
export async function completePlanStep(r: Rapport, raw: CompletePlanStepInput): Promise<PlanView[]> {
  const input = parseInput(CompletePlanStepInput, raw);
  const personId = await resolvePersonId(r.store, r.ws, input.person);
  const step = (await r.store.plans.list(r.ws, personId))
    .flatMap((p) => p.steps)
    .find((s) => s.id === input.stepId);
  if (!step) throw new NotFoundError('plan step', `#${input.stepId}`);
  // Logged first: it is the part that can be refused (logging with yourself), and the step
  // is only marked done once the interaction it was is in the ledger.
  if (input.log !== undefined)
    await logInteraction(r, { people: [personId], kind: input.log, note: `Plan step: ${step.text}` });
  await r.store.plans.completeStep(r.ws, input.stepId, r.now().toISOString());
  return views(r, await r.store.plans.list(r.ws, personId));
}

/** Every plan in the workspace. */
export async function listPlans(r: Rapport): Promise<PlanView[]> {
  return views(r, await r.store.plans.list(r.ws));
}
