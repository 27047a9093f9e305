import * as z from 'zod';
import {
  addPlanStep,
  allBalances,
  ask,
  attention,
  completePlanStep,
  coverage,
  deposits,
  editInteraction,
  focus,
  ledger,
  listPlans,
  logInteraction,
  nurture,
  onboardingOf,
  personBalance,
  plansFor,
  prep,
  removeInteraction,
  restoreInteraction,
  thanks,
} from '../../app/index.js';
import {
  AddPlanStepInput,
  AskCheck,
  AskInput,
  AttentionView,
  BalancesResult,
  Coverage,
  DepositsResult,
  EditInteractionInput,
  FocusResult,
  LedgerView,
  LogInput,
  NurtureResult,
  PersonBalance,
  PrepInput,
  RapportError,
  ThanksView,
} from '../../contract/index.js';
import { flag, IdParams } from '../params.js';
import { type AnyRoute, route } from '../route.js';

/** A plan's steps as the list of steps the web app shows. */
const steps = (plans: Awaited<ReturnType<typeof listPlans>>) =>
  plans.flatMap((p) =>
    p.steps.map((s) => ({
      id: s.id,
      person: p.person,
      strategy: p.strategy,
      step: s.text,
      due: s.due,
      doneAt: s.doneAt,
    })),
  );

export const relationshipRoutes: AnyRoute[] = [
  route({
    method: 'GET',
    url: '/focus',
    result: FocusResult,
    access: 'read',
    tag: 'relationship',
    summary: "this week's few actions, each with its reasons",
    handler: (ctx) => focus(ctx.r),
  }),
  route({
    method: 'GET',
    url: '/nurture',
    result: NurtureResult,
    access: 'read',
    tag: 'relationship',
    summary: 'overdue relationships ranked by days overdue × importance',
    handler: (ctx) => nurture(ctx.r),
  }),
  route({
    method: 'GET',
    url: '/thanks',
    result: ThanksView,
    access: 'read',
    tag: 'relationship',
    summary: 'gratitude owed: favours not yet thanked, and thank-yous given by direction',
    query: z.object({ days: z.coerce.number().optional() }),
    handler: (ctx) => thanks(ctx.r, ctx.query),
  }),
  route({
    method: 'GET',
    url: '/attention',
    result: AttentionView,
    access: 'read',
    tag: 'relationship',
    summary:
      'where your interactions go (up, across, down, outside; by level) beside your important relationships',
    query: z.object({ days: z.coerce.number().optional() }),
    handler: (ctx) => attention(ctx.r, ctx.query),
  }),
  route({
    method: 'GET',
    url: '/deposits',
    result: DepositsResult,
    access: 'read',
    tag: 'relationship',
    summary: 'where a deposit pays now, with why and ideas from the workspace playbook',
    query: z.object({ limit: z.coerce.number().optional() }),
    handler: (ctx) => deposits(ctx.r, ctx.query),
  }),
  route({
    method: 'GET',
    url: '/coverage',
    result: Coverage,
    access: 'read',
    tag: 'relationship',
    summary: 'up / down / across / outside coverage of your relationships by tier, with the gaps',
    handler: (ctx) => coverage(ctx.r),
  }),
  route({
    method: 'GET',
    url: '/onboarding',
    access: 'read',
    tag: 'relationship',
    summary: 'up / down / across / outside as names: your relationships in each direction and whom to meet',
    handler: (ctx) => onboardingOf(ctx.r, ctx.principal),
  }),
  route({
    method: 'GET',
    url: '/balances',
    result: BalancesResult,
    access: 'read',
    tag: 'relationship',
    summary: 'every balance, lowest first',
    handler: (ctx) => allBalances(ctx.r),
  }),
  route({
    method: 'GET',
    url: '/people/:id/ledger',
    result: LedgerView,
    access: 'read',
    tag: 'relationship',
    summary: 'every logged interaction with a person, newest first, with totals',
    params: IdParams,
    query: z.object({ limit: z.coerce.number().int().positive().optional() }),
    handler: (ctx) => ledger(ctx.r, { person: ctx.params.id, limit: ctx.query.limit }),
  }),
  route({
    method: 'GET',
    url: '/people/:id/balance',
    result: PersonBalance,
    access: 'read',
    tag: 'relationship',
    summary: 'the decayed social-capital balance with a person',
    params: IdParams,
    handler: (ctx) => personBalance(ctx.r, { person: ctx.params.id }),
  }),
  route({
    method: 'GET',
    url: '/people/:id/ask',
    result: AskCheck,
    access: 'read',
    tag: 'relationship',
    summary: 'the ask check: balance after the ask, stance, influence, a verdict and who could carry it',
    params: IdParams,
    query: AskInput.omit({ person: true, critical: true, escalate: true }).extend({
      critical: flag.optional(),
      escalate: flag.optional(),
    }),
    handler: (ctx) => ask(ctx.r, { ...ctx.query, person: ctx.params.id }),
  }),
  route({
    method: 'GET',
    url: '/people/:id/prep',
    access: 'read',
    tag: 'relationship',
    summary:
      'before a meeting: their place on each map with trend, balance and recent ledger, open plan steps, interests, and the ask check (ask=SIZE, or an ask planned in a step)',
    params: IdParams,
    query: PrepInput.omit({ person: true }),
    handler: (ctx) => prep(ctx.r, { ...ctx.query, person: ctx.params.id }),
  }),
  route({
    method: 'GET',
    url: '/people/:id/plans',
    access: 'read',
    tag: 'relationship',
    summary: "a person's improvement plan steps",
    params: IdParams,
    handler: async (ctx) => steps(await plansFor(ctx.r, { person: ctx.params.id })),
  }),
  route({
    method: 'POST',
    url: '/people/:id/plans',
    activity: 'added a plan step',
    access: 'write',
    tag: 'relationship',
    summary: 'add a dated step to an improvement plan (one plan per strategy)',
    params: IdParams,
    body: AddPlanStepInput.omit({ person: true }),
    status: 201,
    sample: { strategy: 'connect', step: 'coffee', due: '2099-01-01' },
    handler: async (ctx) => {
      const plans = await addPlanStep(ctx.r, { ...ctx.body, person: ctx.params.id });
      return steps(plans).at(-1);
    },
  }),
  route({
    method: 'GET',
    url: '/plans',
    access: 'read',
    tag: 'relationship',
    summary: 'the plan steps of everyone (open ones only with open=true)',
    query: z.object({ open: flag.optional() }),
    handler: async (ctx) => {
      const all = steps(await listPlans(ctx.r));
      return ctx.query.open ? all.filter((s) => s.doneAt === null) : all;
    },
  }),
  route({
    method: 'POST',
    url: '/plans/:id/done',
    activity: 'completed a plan step',
    access: 'write',
    tag: 'relationship',
    summary: 'mark a plan step done',
    params: IdParams,
    handler: async (ctx) => {
      const owner = steps(await listPlans(ctx.r)).find((s) => s.id === ctx.params.id);
      if (!owner)
        throw new RapportError('not_found', `No plan step matches #${ctx.params.id}.`, { what: 'plan step' });
      const plans = await completePlanStep(ctx.r, { person: owner.person.id, stepId: ctx.params.id });
      return steps(plans).find((s) => s.id === ctx.params.id);
    },
  }),
  route({
    method: 'POST',
    url: '/interactions',
    activity: 'logged an interaction',
    access: 'write',
    tag: 'relationship',
    summary:
      'log an interaction with one or more people; its capital moves your ledger with them (private unless shared)',
    body: LogInput,
    status: 201,
    sample: { people: [1], kind: 'coffee' },
    handler: async (ctx) => {
      const res = await logInteraction(ctx.r, { ...ctx.body, source: 'web' });
      return { ...res, ids: [res.id] };
    },
  }),
  route({
    method: 'PATCH',
    url: '/interactions/:id',
    activity: 'corrected an interaction',
    access: 'write',
    tag: 'relationship',
    summary:
      'correct one of your logged interactions: kind, capital, note, date, initiative, or whether it is shared',
    params: IdParams,
    body: EditInteractionInput.omit({ id: true }),
    sample: { note: 'corrected' },
    handler: (ctx) => editInteraction(ctx.r, { ...ctx.body, id: ctx.params.id }),
  }),
  route({
    method: 'DELETE',
    url: '/interactions/:id',
    activity: 'removed an interaction',
    access: 'write',
    tag: 'relationship',
    summary: 'remove a logged interaction; answers what it was',
    params: IdParams,
    handler: (ctx) => removeInteraction(ctx.r, { id: ctx.params.id }),
  }),
  route({
    method: 'POST',
    url: '/interactions/:id/restore',
    activity: 'restored an interaction',
    access: 'write',
    tag: 'relationship',
    params: IdParams,
    status: 201,
    summary: 'bring back a removed interaction (undo, within 30 days); answers it with its new id',
    handler: (ctx) => restoreInteraction(ctx.r, { id: ctx.params.id }),
  }),
];
