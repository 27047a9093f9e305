import { toDay } from './dates.js';
import type { Plan, PlanStep, Strategy } from './plan.js';

/** Open steps of a person's plans: those due (today or late) first, then the rest, each by day. */
export function openSteps(
  plans: readonly Plan[],
  now: Date,
): { step: PlanStep; strategy: Strategy; dueNow: boolean }[] {
  const today = toDay(now);
  return plans
    .flatMap((p) => p.steps.filter((s) => s.doneAt === null).map((step) => ({ step, strategy: p.strategy })))
    .map((s) => ({ ...s, dueNow: s.step.due <= today }))
    .sort(
      (a, b) =>
        Number(b.dueNow) - Number(a.dueNow) ||
        (a.step.due < b.step.due ? -1 : a.step.due > b.step.due ? 1 : 0) ||
        a.step.id - b.step.id,
    );
}

/**
 * A step that plans a favour is written as one: "Ask for two engineers", "ask Dana to sponsor…".
 * Asking about something (a question) is conversation, not a favour, so it is not an ask.
 */
const PLANNED_ASK = /^\s*ask\b(?!\s+(about|how|what|why|when|where|who|whether|if|after)\b)/i;

/** Whether a plan step's text plans an ask (the rule `prep` uses to run the ask check). */
export const plansAnAsk = (text: string): boolean => PLANNED_ASK.test(text);
