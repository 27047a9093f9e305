import * as z from 'zod';
import { ASK_SIZES } from '../domain/ask.js';
import { CATEGORIES, TIERS } from '../domain/person.js';
import { STRATEGIES } from '../domain/plan.js';
import { QUADRANTS } from '../domain/stakeholder-map.js';
import { Explanation, InitiativeName, initiativeRef, oneOf, PersonName, personRef } from './common.js';
import { AskCheck, LedgerLine } from './relationship.js';

/** `prep PERSON`: what to know before meeting them. */
export const PrepInput = z.object({
  person: personRef(),
  /** Only their place on this initiative's map (and the ask judged there). */
  initiative: initiativeRef().optional(),
  /** Check an ask of this size; without it, an open plan step that plans an ask is checked (medium). */
  ask: oneOf('ask', ASK_SIZES).optional(),
});
export type PrepInput = z.input<typeof PrepInput>;

export const PrepView = z.object({
  person: PersonName.extend({
    title: z.string().nullable(),
    department: z.string().nullable(),
    company: z.string().nullable(),
    category: z.enum(CATEGORIES),
    tier: z.enum(TIERS),
  }),
  /** Their current place on each map they are on, most influential first, with the last move. */
  places: z.array(
    z.object({
      initiative: InitiativeName,
      influence: z.number(),
      stance: z.number(),
      quadrant: z.enum(QUADRANTS),
      assessedAt: z.string(),
      trend: z.object({ influence: z.number(), stance: z.number(), since: z.string() }).nullable(),
      trendNote: Explanation,
      note: z.string().nullable(),
    }),
  ),
  balance: z.object({
    balance: z.number(),
    deposits: z.number(),
    withdrawals: z.number(),
    halfLifeDays: z.number(),
  }),
  /** The last few ledger entries, newest first, and how many there are in all. */
  recent: z.object({ entries: z.array(LedgerLine), total: z.number() }),
  lastContactAt: z.string().nullable(),
  lastOneToOneAt: z.string().nullable(),
  /** Open plan steps: those due (today or late) first, then by due day. */
  steps: z.array(
    z.object({
      id: z.number(),
      strategy: z.enum(STRATEGIES),
      text: z.string(),
      due: z.string(),
      dueNow: z.boolean(),
    }),
  ),
  interests: z.array(z.string()),
  communication: z.string().nullable(),
  /** The ask check, when an ask was given or a plan step plans one (`from` says which). */
  ask: AskCheck.extend({
    from: z.object({ kind: z.enum(['asked', 'plan-step']), stepId: z.number().nullable() }),
  }).nullable(),
});
export type PrepView = z.infer<typeof PrepView>;
