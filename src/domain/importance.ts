import type { RelationshipSettings } from './settings.js';

/** What importance is computed from, per person (docs/scoring.md). */
export interface ImportanceInputs {
  /** Interactions with the person within the frequency window (default the last 90 days). */
  interactions: number;
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
 * Importance = weighted mean of three 0–100 components: frequency (interactions in the window
 * relative to `fullFrequency`, capped), interconnectedness (rating × 20) and sway (influence).
 * Missing inputs count as 0 rather than being skipped, so an unknown person never outranks a
 * known one on the strength of a single rating.
 */
export function importance(inputs: ImportanceInputs, s: RelationshipSettings['importance']): Importance {
  const components = {
    frequency: round1(Math.min(1, Math.max(0, inputs.interactions) / s.fullFrequency) * 100),
    interconnectedness: round1(((inputs.interconnectedness ?? 0) / 5) * 100),
    sway: inputs.sway ?? 0,
  };
  const w = s.weights;
  const score = round1(
    w.frequency * components.frequency +
      w.interconnectedness * components.interconnectedness +
      w.sway * components.sway,
  );
  return { score, components, weights: { ...w }, inputs: { ...inputs } };
}
