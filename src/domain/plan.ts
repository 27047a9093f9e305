import { DAY_MS, parseDay, toDay } from './dates.js';
import { ValidationError } from './errors.js';
import { oneOf, requireText } from './validate.js';

/** The four improvement strategies the relationship rules use. */
export const STRATEGIES = ['empathize', 'proactive', 'communicate', 'connect'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<Strategy, string> = {
  empathize: 'empathize',
  proactive: 'be proactive',
  communicate: 'improve communication',
  connect: 'build the personal connection',
};

export interface PlanStep {
  id: number;
  text: string;
  /** A calendar day, YYYY-MM-DD. */
  due: string;
  doneAt: string | null;
}

/** An improvement plan for one relationship: one strategy, a few dated steps. */
export interface Plan {
  id: number;
  personId: number;
  strategy: Strategy;
  createdAt: string;
  steps: PlanStep[];
}

export const parseStrategy = (value: unknown): Strategy => oneOf('strategy', value, STRATEGIES);

export function planStepFields(input: { text: unknown; due: unknown }): { text: string; due: string } {
  const text = requireText('step', input.text, 500);
  if (typeof input.due !== 'string' || input.due.trim() === '') {
    throw new ValidationError('due', 'Each step needs a due date: YYYY-MM-DD, e.g. 2026-12-01.');
  }
  return { text, due: toDay(parseDay(input.due, 'due')) };
}

export interface DueStep {
  planId: number;
  personId: number;
  strategy: Strategy;
  step: PlanStep;
  /** Whole days past the due day; 0 when due today. */
  daysLate: number;
}

/** Open steps due today or earlier, most overdue first. */
export function dueSteps(plans: readonly Plan[], now: Date): DueStep[] {
  const today = toDay(now);
  const out: DueStep[] = [];
  for (const plan of plans) {
    for (const step of plan.steps) {
      if (step.doneAt !== null || step.due > today) continue;
      const daysLate = Math.round((Date.parse(today) - Date.parse(step.due)) / DAY_MS);
      out.push({ planId: plan.id, personId: plan.personId, strategy: plan.strategy, step, daysLate });
    }
  }
  return out.sort((a, b) => b.daysLate - a.daysLate || a.step.id - b.step.id);
}
