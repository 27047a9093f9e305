import * as z from 'zod';
import { DIRECTIONS } from '../domain/coverage.js';
import { FAVOUR_KINDS } from '../domain/gratitude.js';
import { STAGES } from '../domain/stages.js';
import { countOf, Explanation, PersonName, wholeNumber } from './common.js';

const days = () => wholeNumber('days', 1, 3650);

export const ThanksInput = z.object({ days: days().optional() });
export type ThanksInput = z.input<typeof ThanksInput>;

export const AttentionInput = z.object({ days: days().optional() });
export type AttentionInput = z.input<typeof AttentionInput>;

export const DepositsInput = z.object({ limit: countOf('limit').optional() });
export type DepositsInput = z.input<typeof DepositsInput>;

export const ThanksOwed = z.object({
  person: PersonName,
  interactionId: z.number(),
  kind: z.enum(FAVOUR_KINDS),
  what: z.string().nullable(),
  occurredAt: z.string(),
  daysAgo: z.number(),
  favours: z.number(),
  importance: z.number(),
  reason: Explanation,
});
export type ThanksOwed = z.infer<typeof ThanksOwed>;

const PerDirection = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(DIRECTIONS.map((d) => [d, t])) as Record<(typeof DIRECTIONS)[number], T>);

/** `thanks`: favours not yet thanked, and thank-yous given by direction. */
export const ThanksView = z.object({
  owed: z.array(ThanksOwed),
  /** More people are owed a thank-you than the list holds (it keeps the longest owed). */
  more: z.boolean(),
  /** Null until "me" has a place in the org chart. */
  spread: z
    .object({
      days: z.number(),
      directions: PerDirection(z.object({ thanks: z.number(), people: z.number() })),
      thankedNobody: z.array(z.enum(DIRECTIONS)),
      gaps: z.array(Explanation),
    })
    .nullable(),
});
export type ThanksView = z.infer<typeof ThanksView>;

/** `attention`: where my interactions go beside where my important relationships are. */
export const AttentionView = z.object({
  days: z.number(),
  myLevel: z.number(),
  interactions: z.number(),
  peopleMet: z.number(),
  important: z.number(),
  directions: PerDirection(
    z.object({
      interactions: z.number(),
      interactionShare: z.number(),
      peopleMet: z.number(),
      peopleShare: z.number(),
      important: z.number(),
      importantShare: z.number(),
    }),
  ),
  levels: z.array(
    z.object({
      level: z.number().nullable(),
      interactions: z.number(),
      interactionShare: z.number(),
      peopleMet: z.number(),
      important: z.number(),
    }),
  ),
  imbalances: z.array(Explanation),
  severe: z.boolean(),
  neverMetBelow: z.array(z.object({ person: PersonName, level: z.number() })),
  neverMetBelowCount: z.number(),
});
export type AttentionView = z.infer<typeof AttentionView>;

export const DepositPick = z.object({
  person: PersonName,
  score: z.number(),
  why: z.array(Explanation),
  /** Ideas from the playbook entry named in `ideasFrom` (a department, a category or "general"). */
  ideas: z.array(z.string()),
  ideasFrom: z.string(),
  stage: z.enum(STAGES),
});
export type DepositPick = z.infer<typeof DepositPick>;

/** `deposits`: where a deposit pays now, best first, with ideas in the currency they value. */
export const DepositsResult = z.array(DepositPick);

/** A relationship's stage with what it rests on, and the next step when there is one. */
export const StageView = z.object({
  stage: z.enum(STAGES),
  informal: z.number(),
  oneToOne: z.number(),
  windowDays: z.number(),
  commonGround: z.array(z.string()),
  next: z.object({ action: Explanation, why: Explanation }).nullable(),
});
export type StageView = z.infer<typeof StageView>;
