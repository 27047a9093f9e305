import * as z from 'zod';
import { ASK_SIZES, VERDICTS } from '../domain/ask.js';
import { DIRECTIONS } from '../domain/coverage.js';
import { FOCUS_KINDS } from '../domain/focus.js';
import { GO_BETWEEN_TIES } from '../domain/go-between.js';
import { CAPITAL_LIMIT, INTERACTION_KINDS, type InteractionKind } from '../domain/interaction.js';
import { TIERS } from '../domain/person.js';
import { STRATEGIES } from '../domain/plan.js';
import {
  countOf,
  dateInput,
  Explanation,
  InitiativeName,
  initiativeRef,
  oneOf,
  optionalText,
  PersonName,
  personRef,
  text,
  wholeNumber,
} from './common.js';
import { OnboardingListView } from './onboarding-lists.js';

const KINDS = INTERACTION_KINDS as [InteractionKind, ...InteractionKind[]];

export const LogInput = z.object({
  people: z.array(personRef(), { error: 'people must list who it was with.' }).min(1, {
    error: 'Log with whom? Name at least one person.',
  }),
  kind: oneOf('kind', KINDS).default('meeting'),
  /** Overrides the kind's default capital. */
  capital: wholeNumber('capital', -CAPITAL_LIMIT, CAPITAL_LIMIT).nullable().optional(),
  note: optionalText('note', 5000),
  initiative: initiativeRef().optional(),
  date: dateInput('date').optional(),
  /** Where it came from: "cli", "calendar:<uid>", "import:<file>"… */
  source: z.string().optional(),
  /** Shared with the workspace: teammates see it on the person's timeline. Private by default. */
  shared: z.boolean({ error: 'shared must be true or false.' }).default(false),
});
export type LogInput = z.input<typeof LogInput>;

export const LedgerInput = z.object({ person: personRef(), limit: countOf('limit').optional() });
export type LedgerInput = z.input<typeof LedgerInput>;

export const AskInput = z.object({
  person: personRef(),
  size: oneOf('size', ASK_SIZES).default('medium'),
  /** Judge their stance here; default where they have the most influence. */
  initiative: initiativeRef().optional(),
  /** The ask matters to the initiative: judged on the route, never as not worth it. */
  critical: z.boolean().default(false),
  /** Offer going over their head (their manager) as a route. */
  escalate: z.boolean().default(false),
});
export type AskInput = z.input<typeof AskInput>;

export const AddPlanStepInput = z.object({
  person: personRef(),
  strategy: oneOf('strategy', STRATEGIES),
  step: text('step', 500),
  /** A calendar day, YYYY-MM-DD. */
  due: z.string({ error: 'Each step needs a due date: YYYY-MM-DD, e.g. 2026-12-01.' }),
});
export type AddPlanStepInput = z.input<typeof AddPlanStepInput>;

export const CompletePlanStepInput = z.object({
  person: personRef(),
  /** The step to mark done. */
  stepId: z
    .number({ error: 'stepId must be the id of one of their plan steps (a whole number).' })
    .int({ error: 'stepId must be the id of one of their plan steps (a whole number).' })
    .positive({ error: 'stepId must be the id of one of their plan steps (a whole number).' }),
  /** Also log the interaction the step was (a coffee, a call), noted with the step's text. */
  log: oneOf('log', KINDS).optional(),
});
export type CompletePlanStepInput = z.input<typeof CompletePlanStepInput>;

const Tiered = z.object(
  Object.fromEntries(TIERS.map((t) => [t, z.number()])) as Record<(typeof TIERS)[number], z.ZodNumber>,
);
const TierCounts = Tiered.extend({ total: z.number() });

export const LedgerLine = z.object({
  id: z.number(),
  occurredAt: z.string(),
  kind: z.enum(KINDS),
  capital: z.number(),
  note: z.string().nullable(),
  initiative: InitiativeName.nullable(),
  with: z.array(PersonName),
  /** Shared with the workspace by its author. */
  shared: z.boolean(),
  /** Another member who logged and shared it (read-only to you); null: your own entry. */
  author: z.object({ id: z.number(), name: z.string() }).nullable(),
});

/**
 * `ledger`: every interaction I logged with one person and those teammates shared, newest first;
 * the undecayed totals are of my own entries (my balance with them).
 */
export const LedgerView = z.object({
  person: PersonName,
  entries: z.array(LedgerLine),
  totals: z.object({ entries: z.number(), deposits: z.number(), withdrawals: z.number(), net: z.number() }),
});
export type LedgerView = z.infer<typeof LedgerView>;
export type LedgerLine = z.infer<typeof LedgerLine>;

export const BalanceView = z.object({
  person: PersonName,
  /** Every delta halved per half-life of its age; two decimals. */
  balance: z.number(),
  /** Totals as logged, undecayed. */
  deposits: z.number(),
  withdrawals: z.number(),
  /** The same, decayed as the balance is: depositsNow − withdrawalsNow = balance. */
  depositsNow: z.number(),
  withdrawalsNow: z.number(),
  lastInteractionAt: z.string().nullable(),
});
export type BalanceView = z.infer<typeof BalanceView>;

/** `balance`: everyone's balance, lowest first. */
export const BalancesResult = z.array(BalanceView);
/** `balance PERSON`. */
export const PersonBalance = BalanceView.extend({ halfLifeDays: z.number() });
export type PersonBalance = z.infer<typeof PersonBalance>;

export const FocusItem = z.object({
  kind: z.enum(FOCUS_KINDS),
  /** Who the action is with; null for an action on an initiative as a whole. */
  person: PersonName.nullable(),
  initiative: InitiativeName.nullable(),
  /** What to do. */
  action: Explanation,
  /** Why it is on the list; more than one reason when a person qualifies several ways. */
  why: z.array(Explanation),
  strategy: z.enum(STRATEGIES).nullable(),
  /** 0–100; the list is ordered by it (docs/scoring.md). */
  score: z.number(),
});
/** `focus`: this week's few actions, best first. */
export const FocusResult = z.array(FocusItem);
export type FocusItem = z.infer<typeof FocusItem>;

export const NurtureEntry = z.object({
  person: PersonName,
  tier: z.enum(TIERS),
  cadenceDays: z.number(),
  daysSince: z.number(),
  overdueDays: z.number(),
  importance: z.number(),
  /** The last contact of any kind, large meetings included. */
  lastInteractionAt: z.string().nullable(),
  lastOneToOneAt: z.string().nullable(),
  /** What the cadence counts from: the last one-to-one, a small meeting, or their being added. */
  countedFrom: z.enum(['one-to-one', 'group', 'added']),
  /** overdueDays × importance: the order of the list. */
  priority: z.number(),
  reason: Explanation,
});
/** `nurture`: relationships past their care cadence, most pressing first. */
export const NurtureResult = z.array(NurtureEntry);
export type NurtureEntry = z.infer<typeof NurtureEntry>;

/** Someone who could carry an ask to the person, with why (domain/go-between.ts). */
export const GoBetween = z.object({
  person: PersonName,
  balance: z.number(),
  influence: z.number().nullable(),
  ties: z.array(z.enum(GO_BETWEEN_TIES)),
  strength: z.number(),
  score: z.number(),
  escalation: z.boolean(),
});
export type GoBetweenView = z.infer<typeof GoBetween>;

export const AskCheck = z.object({
  person: PersonName,
  size: z.enum(ASK_SIZES),
  cost: z.number(),
  balanceBefore: z.number(),
  balanceAfter: z.number(),
  stance: z.number().nullable(),
  influence: z.number().nullable(),
  /** Where the stance was judged: the initiative asked about, else where they weigh most. */
  initiative: InitiativeName.nullable(),
  allies: z.array(GoBetween),
  verdict: z.enum(VERDICTS),
  /** The verdict explained. */
  reason: Explanation,
  /** With build-first: deposit ideas from the workspace playbook entry named in `ideasFrom`. */
  deposits: z.object({ ideasFrom: z.string(), ideas: z.array(z.string()) }).nullable(),
});
export type AskCheck = z.infer<typeof AskCheck>;

export const Coverage = z.object({
  me: PersonName.extend({ level: z.number() }),
  directions: z.object(
    Object.fromEntries(DIRECTIONS.map((d) => [d, TierCounts])) as Record<
      (typeof DIRECTIONS)[number],
      typeof TierCounts
    >,
  ),
  downOutsideTeam: TierCounts,
  gaps: z.array(Explanation),
});
export type Coverage = z.infer<typeof Coverage>;

const entryId = (input: string) =>
  z
    .number({
      error: `${input} must be the id of a ledger entry (a whole number; \`ledger PERSON\` shows them).`,
    })
    .int({ error: `${input} must be a whole number.` })
    .positive({ error: `${input} must be a whole number.` });

/** Corrects a logged interaction: only the fields given change. */
export const EditInteractionInput = z.object({
  id: entryId('id'),
  kind: oneOf('kind', KINDS).optional(),
  /** Null goes back to the kind's default capital. */
  capital: wholeNumber('capital', -CAPITAL_LIMIT, CAPITAL_LIMIT).nullable().optional(),
  note: optionalText('note', 5000),
  initiative: initiativeRef().nullable().optional(),
  date: dateInput('date').optional(),
  shared: z.boolean({ error: 'shared must be true or false.' }).optional(),
});
export type EditInteractionInput = z.input<typeof EditInteractionInput>;

export const InteractionIdInput = z.object({ id: entryId('id') });
export type InteractionIdInput = z.input<typeof InteractionIdInput>;

/** `log`, and `ledger edit|remove|restore`: the interaction as it now stands. */
export const LoggedInteraction = z.object({
  id: z.number(),
  occurredAt: z.string(),
  kind: z.enum(KINDS),
  capital: z.number(),
  note: z.string().nullable(),
  initiative: InitiativeName.nullable(),
  people: z.array(PersonName),
  /** Shared with the workspace; private to its author otherwise. */
  shared: z.boolean(),
});
export type LoggedInteraction = z.infer<typeof LoggedInteraction>;

/** An improvement plan for one relationship: one strategy, a few dated steps. */
export const PlanView = z.object({
  id: z.number(),
  person: PersonName,
  strategy: z.enum(STRATEGIES),
  createdAt: z.string(),
  steps: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      /** A calendar day, YYYY-MM-DD. */
      due: z.string(),
      doneAt: z.string().nullable(),
    }),
  ),
});
export type PlanView = z.infer<typeof PlanView>;
/** `plan`, `plans`: plans with their steps. */
export const PlansResult = z.array(PlanView);

/** A person in a direction; an assistant or chief of staff with the executive they sit next to. */
export const Placed = z.object({ person: PersonName, nextTo: PersonName.nullable() });
export type Placed = z.infer<typeof Placed>;

const ByDirection = <T extends z.ZodType>(t: T) =>
  z.object(Object.fromEntries(DIRECTIONS.map((d) => [d, t])) as Record<(typeof DIRECTIONS)[number], T>);

/** `onboard`: my relationships up, down, across and outside by name, and whom to meet next. */
export const OnboardingView = z.object({
  /** Null until "me" is set; then every list is empty. */
  me: PersonName.nullable(),
  partners: ByDirection(z.array(Placed)),
  /** "People to meet" lists made for me by an owner or editor (the server's; the CLI has none). */
  lists: z.array(OnboardingListView),
  /** Who the portfolio misses: my chain, the assistants next to it, peers with no tier yet. */
  suggestions: z.array(Placed.extend({ reason: Explanation })),
});
export type OnboardingView = z.infer<typeof OnboardingView>;
