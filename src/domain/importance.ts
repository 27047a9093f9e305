import type { RelationshipSettings } from './settings.js';

/** What importance is computed from, per person (docs/scoring.md). */
export interface ImportanceInputs {
  /** Interactions with the person within the frequency window (default the last 90 days). */
  interactions: number;
  /**
   * Interactions within the long window (default the last 365 days). Its average rate is a floor
   * under frequency, so a relationship I neglect does not look less important for it.
   */
  interactionsLong?: number;
  /** Your latest 0–5 rating of how interconnected your work is; null when never rated. */
  interconnectedness: number | null;
  /** Highest current influence (0–100) across active initiatives; null when not assessed on any. */
  sway: number | null;
}

export interface Importance {
  /** 0–100, one decimal. */
  score: number;
  /** Each component on 0–100, before weighting. */
  components: { frequency: number; interconnectedness: number; sway: number };
  weights: RelationshipSettings['importance']['weights'];
  inputs: ImportanceInputs;
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

/**
 * Importance = weighted mean of three 0–100 components: frequency (interactions relative to
 * `fullFrequency`, capped), interconnectedness (rating × 20) and sway (influence).
 *
 * Frequency takes the better of the recent window and the long window's average rate scaled to
 * it: months of silence make someone overdue, not unimportant. An interconnectedness never rated
 * is unknown, so its weight goes to the other two rather than counting as 0. Sway never assessed
 * stays 0: someone on none of my maps has no say in my initiatives.
 */
export function importance(inputs: ImportanceInputs, s: RelationshipSettings['importance']): Importance {
  const longRate = ((inputs.interactionsLong ?? 0) * s.windowDays) / s.longWindowDays;
  const count = Math.max(0, inputs.interactions, longRate);
  const components = {
    frequency: round1(Math.min(1, count / s.fullFrequency) * 100),
    interconnectedness: round1(((inputs.interconnectedness ?? 0) / 5) * 100),
    sway: inputs.sway ?? 0,
  };
  const w = s.weights;
  const rated = inputs.interconnectedness !== null;
  const known = w.frequency + w.sway + (rated ? w.interconnectedness : 0);
  const sum =
    w.frequency * components.frequency +
    (rated ? w.interconnectedness * components.interconnectedness : 0) +
    w.sway * components.sway;
  const score = known === 0 ? 0 : round1(sum / known);
  return { score, components, weights: { ...w }, inputs: { ...inputs } };
}
