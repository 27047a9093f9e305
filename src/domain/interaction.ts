import { ValidationError } from './errors.js';
import { integerIn, optionalText } from './validate.js';

/**
 * Interaction kinds and the social capital each moves by default: helping is a deposit,
 * asking or refusing a withdrawal.
 */
export const INTERACTION_CAPITAL = {
  'help-given': 3,
  'introduction-made': 2,
  gratitude: 1,
  'feedback-given': 1,
  coffee: 0,
  lunch: 0,
  meeting: 0,
  call: 0,
  message: 0,
  'help-received': -1,
  /** Someone introduced me: a favour received, like help. */
  'introduction-received': -1,
  ask: -2,
  refusal: -3,
  escalation: -4,
} as const satisfies Record<string, number>;

export type InteractionKind = keyof typeof INTERACTION_CAPITAL;
export const INTERACTION_KINDS = Object.keys(INTERACTION_CAPITAL) as InteractionKind[];

export const CAPITAL_LIMIT = 20;

export interface Interaction {
  id: number;
  occurredAt: string;
  kind: InteractionKind;
  /** The capital this entry moves with each person in it. */
  capital: number;
  note: string | null;
  initiativeId: number | null;
  personIds: number[];
  /** Where it came from: "cli", "calendar:<uid>", "import:<file>"... */
  source: string | null;
  /** The member who logged it (absent in entries kept from before members had ledgers). */
  authorId?: number;
  /** Shared with the workspace; private to its author otherwise. */
  shared?: boolean;
}

export interface InteractionInput {
  kind: unknown;
  capital?: unknown;
  note?: string | null;
}

export function isInteractionKind(k: unknown): k is InteractionKind {
  return typeof k === 'string' && Object.hasOwn(INTERACTION_CAPITAL, k);
}

export function interactionFields(input: InteractionInput): {
  kind: InteractionKind;
  capital: number;
  note: string | null;
} {
  if (!isInteractionKind(input.kind)) {
    throw new ValidationError(
      'kind',
      `kind must be one of ${INTERACTION_KINDS.join(', ')}; got "${String(input.kind)}".`,
    );
  }
  const capital =
    input.capital === undefined || input.capital === null
      ? INTERACTION_CAPITAL[input.kind]
      : integerIn('capital', input.capital, -CAPITAL_LIMIT, CAPITAL_LIMIT);
  return { kind: input.kind, capital, note: optionalText('note', input.note ?? null, 5000) };
}
