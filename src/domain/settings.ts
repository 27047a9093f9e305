import { ValidationError } from './errors.js';

/**
 * The thresholds behind the relationship rules. Every number a rule compares against lives
 * here, so a workspace can tune it and an explanation can quote it.
 */
export interface RelationshipSettings {
  map: {
    /** Influence at or above this is "high" (champion / convert). */
    influence: number;
    /** |stance| at or above this is a supporter or detractor; below it, neutral. */
    stance: number;
  };
  balance: { halfLifeDays: number };
  cadence: { partner: number; friend: number; acquaintance: number };
  importance: {
    weights: { frequency: number; interconnectedness: number; sway: number };
    windowDays: number;
    /** Interactions within the window that count as the full frequency score. */
    fullFrequency: number;
  };
  review: { staleDays: number; stanceDrop: number };
  ask: { small: number; medium: number; large: number };
  focus: { maxItems: number; noContactDays: number };
}

export const DEFAULT_SETTINGS: RelationshipSettings = {
  map: { influence: 50, stance: 20 },
  balance: { halfLifeDays: 180 },
  cadence: { partner: 14, friend: 30, acquaintance: 90 },
  importance: {
    weights: { frequency: 0.4, interconnectedness: 0.3, sway: 0.3 },
    windowDays: 90,
    fullFrequency: 12,
  },
  review: { staleDays: 30, stanceDrop: 30 },
  ask: { small: -2, medium: -4, large: -8 },
  focus: { maxItems: 7, noContactDays: 60 },
};

interface IntSpec {
  description: string;
  min: number;
  max: number;
}

const DAYS = { min: 1, max: 3650 };
const ASK = { min: -100, max: -1 };

/**
 * Settings as stored in the `settings` table: one flat key per number, namespaced so other
 * capabilities keep their own keys in the same table. A key is the path into
 * `RelationshipSettings` ("map.influence" is `settings.map.influence`).
 */
export const SETTING_KEYS: Record<string, IntSpec> = {
  'map.influence': {
    description: 'influence from which a person counts as high-influence',
    min: 1,
    max: 100,
  },
  'map.stance': {
    description: 'stance from which a person is a supporter (+) or detractor (−)',
    min: 1,
    max: 100,
  },
  'balance.halfLifeDays': { description: 'days after which a deposit or withdrawal counts half', ...DAYS },
  'cadence.partner': { description: 'care cadence of trusted partners, in days', ...DAYS },
  'cadence.friend': { description: 'care cadence of friends, in days', ...DAYS },
  'cadence.acquaintance': { description: 'care cadence of acquaintances, in days', ...DAYS },
  'importance.windowDays': { description: 'days of interactions counted for frequency', ...DAYS },
  'importance.fullFrequency': {
    description: 'interactions within the window that give the full frequency score',
    min: 1,
    max: 10_000,
  },
  'review.staleDays': { description: 'days after which an assessment is stale', ...DAYS },
  'review.stanceDrop': {
    description: 'fall in stance since the previous assessment that is flagged',
    min: 1,
    max: 200,
  },
  'ask.small': { description: 'capital a small ask moves (negative)', ...ASK },
  'ask.medium': { description: 'capital a medium ask moves (negative)', ...ASK },
  'ask.large': { description: 'capital a large ask moves (negative)', ...ASK },
  'focus.maxItems': { description: 'most items on the focus list', min: 1, max: 50 },
  'focus.noContactDays': {
    description: 'days without contact after which a detractor calls for being proactive',
    ...DAYS,
  },
};

export const WEIGHTS_KEY = 'importance.weights';

const WEIGHT_PARTS = ['frequency', 'interconnectedness', 'sway'] as const;

function setWeights(s: RelationshipSettings, value: unknown): void {
  const w = value as Record<string, unknown> | null;
  const ok =
    typeof w === 'object' &&
    w !== null &&
    WEIGHT_PARTS.every((p) => typeof w[p] === 'number' && Number.isFinite(w[p]) && (w[p] as number) >= 0) &&
    WEIGHT_PARTS.some((p) => (w[p] as number) > 0);
  if (!ok) {
    throw new ValidationError(
      WEIGHTS_KEY,
      `Setting ${WEIGHTS_KEY} must be {"frequency": n, "interconnectedness": n, "sway": n} with non-negative numbers, not all zero; got ${JSON.stringify(value)}.`,
    );
  }
  // Normalised so the score stays on 0–100 whatever scale the user typed the weights in.
  const total = WEIGHT_PARTS.reduce((sum, p) => sum + (w[p] as number), 0);
  s.importance.weights = {
    frequency: (w.frequency as number) / total,
    interconnectedness: (w.interconnectedness as number) / total,
    sway: (w.sway as number) / total,
  };
}

function setInt(s: RelationshipSettings, key: string, value: unknown): void {
  const spec = SETTING_KEYS[key]!;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < spec.min || value > spec.max) {
    throw new ValidationError(
      key,
      `Setting ${key} (${spec.description}) must be a whole number from ${spec.min} to ${spec.max}; got ${JSON.stringify(value)}.`,
    );
  }
  const [section, field] = key.split('.') as [string, string];
  (s as unknown as Record<string, Record<string, number>>)[section]![field] = value;
}

export const isRelationshipSettingKey = (key: string): boolean =>
  key === WEIGHTS_KEY || Object.hasOwn(SETTING_KEYS, key);

/**
 * The effective settings of a workspace: defaults overlaid with its stored values. Keys this
 * capability does not own are ignored (other capabilities share the table); a stored value of
 * the wrong shape is an error naming the key, so a typo is not silently replaced by a default.
 */
export function resolveSettings(stored: Record<string, unknown> = {}): RelationshipSettings {
  const s = structuredClone(DEFAULT_SETTINGS);
  for (const [key, value] of Object.entries(stored)) {
    if (key === WEIGHTS_KEY) setWeights(s, value);
    else if (Object.hasOwn(SETTING_KEYS, key)) setInt(s, key, value);
  }
  if (s.ask.small < s.ask.medium || s.ask.medium < s.ask.large) {
    throw new ValidationError(
      'ask',
      `Ask sizes must grow: small (${s.ask.small}) ≥ medium (${s.ask.medium}) ≥ large (${s.ask.large}) in capital withdrawn.`,
    );
  }
  return s;
}

/** Flat key → value view of settings, for listing them. */
export function settingsEntries(
  s: RelationshipSettings,
): { key: string; value: unknown; description: string }[] {
  const view = s as unknown as Record<string, Record<string, unknown>>;
  return [
    ...Object.entries(SETTING_KEYS).map(([key, spec]) => {
      const [section, field] = key.split('.') as [string, string];
      return { key, value: view[section]![field], description: spec.description };
    }),
    {
      key: WEIGHTS_KEY,
      value: s.importance.weights,
      description: 'weights of frequency, interconnectedness, sway',
    },
  ];
}
