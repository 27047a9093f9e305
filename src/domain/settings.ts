import { checkPlaybook, DEFAULT_PLAYBOOK, type Playbook } from './deposits.js';
import { ValidationError } from './errors.js';
import { DEFAULT_INFLUENCE_SETTINGS, type InfluenceSettings } from './influence.js';

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
    weights: ImportanceWeights;
    windowDays: number;
    /** Interactions within the window that count as the full frequency score. */
    fullFrequency: number;
  };
  review: { staleDays: number; stanceDrop: number };
  ask: {
    small: number;
    medium: number;
    large: number;
    /** More asks of one person than this within `leanDays` is leaning on them. */
    leanMax: number;
    leanDays: number;
    /** A deposit younger than this has not landed yet: asking now is cashing in at once. */
    settleDays: number;
  };
  focus: { maxItems: number; noContactDays: number };
  thanks: { owedDays: number; windowDays: number };
  attention: { windowDays: number; imbalance: number; severe: number };
  stages: { established: number; windowDays: number };
  deposits: { lowBalance: number; playbook: Playbook };
}

export interface ImportanceWeights {
  frequency: number;
  interconnectedness: number;
  sway: number;
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
  ask: { small: -2, medium: -4, large: -8, leanMax: 2, leanDays: 30, settleDays: 3 },
  focus: { maxItems: 7, noContactDays: 60 },
  thanks: { owedDays: 7, windowDays: 90 },
  attention: { windowDays: 90, imbalance: 20, severe: 30 },
  stages: { established: 3, windowDays: 90 },
  deposits: { lowBalance: 1, playbook: DEFAULT_PLAYBOOK },
};

/**
 * One entry of the registry: what a key means, the values it takes and its default. `whole`
 * and `number` are bounded numbers; `weights` is the importance weights object.
 */
export interface SettingSpec {
  key: string;
  description: string;
  type: 'whole' | 'number' | 'weights' | 'playbook';
  min: number;
  max: number;
  default: number | ImportanceWeights | Playbook;
}

const DAYS = { type: 'whole', min: 1, max: 3650 } as const;
const ASK = { type: 'whole', min: -100, max: -1 } as const;
const WEIGHT_PARTS = ['frequency', 'interconnectedness', 'sway'] as const;
export const WEIGHTS_KEY = 'importance.weights';

/** What each influence setting means; the defaults are DEFAULT_INFLUENCE_SETTINGS. */
const INFLUENCE_SPECS: Record<
  keyof InfluenceSettings,
  { description: string; type: 'whole' | 'number'; min: number; max: number }
> = {
  reportingWeight: {
    description: 'weight of the tie from a report to their manager',
    type: 'number',
    min: 0,
    max: 5,
  },
  meetingHalfLifeDays: { description: "days after which a shared meeting's tie counts half", ...DAYS },
  hiddenMargin: {
    description: 'influence percentile above seniority percentile that makes a hidden influencer',
    type: 'whole',
    min: 0,
    max: 100,
  },
  hiddenMinPercentile: {
    description: 'lowest influence percentile of a hidden influencer',
    type: 'whole',
    min: 0,
    max: 100,
  },
  seniorPercentile: {
    description: 'seniority percentile from which a person counts as senior',
    type: 'whole',
    min: 0,
    max: 100,
  },
  topInfluencers: {
    description: 'how many top-influence people gatekeepers are measured against',
    type: 'whole',
    min: 1,
    max: 1000,
  },
  strongTieWeight: {
    description: 'tie weight from which a tie counts as strong',
    type: 'number',
    min: 0,
    max: 5,
  },
  gatekeeperMinTies: {
    description: 'strong ties to top influencers that make a gatekeeper',
    type: 'whole',
    min: 1,
    max: 100,
  },
  exactBetweennessUpTo: {
    description: 'people up to which brokerage is exact (sampled above)',
    type: 'whole',
    min: 0,
    max: 10_000_000,
  },
  pivots: { description: 'pivots of sampled brokerage', type: 'whole', min: 1, max: 100_000 },
  seed: { description: 'seed of sampled brokerage and clusters', type: 'whole', min: 0, max: 2 ** 31 - 1 },
};

const RELATIONSHIP_SPECS: Omit<SettingSpec, 'default'>[] = [
  {
    key: 'map.influence',
    description: 'influence from which a person counts as high-influence',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'map.stance',
    description: 'stance from which a person is a supporter (+) or detractor (−)',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'balance.halfLifeDays',
    description: 'days after which a deposit or withdrawal counts half',
    ...DAYS,
  },
  { key: 'cadence.partner', description: 'care cadence of trusted partners, in days', ...DAYS },
  { key: 'cadence.friend', description: 'care cadence of friends, in days', ...DAYS },
  { key: 'cadence.acquaintance', description: 'care cadence of acquaintances, in days', ...DAYS },
  { key: 'importance.windowDays', description: 'days of interactions counted for frequency', ...DAYS },
  {
    key: 'importance.fullFrequency',
    description: 'interactions within the window that give the full frequency score',
    type: 'whole',
    min: 1,
    max: 10_000,
  },
  {
    key: WEIGHTS_KEY,
    description: 'weights of frequency, interconnectedness, sway',
    type: 'weights',
    min: 0,
    max: Number.MAX_VALUE,
  },
  { key: 'review.staleDays', description: 'days after which an assessment is stale', ...DAYS },
  {
    key: 'review.stanceDrop',
    description: 'fall in stance since the previous assessment that is flagged',
    type: 'whole',
    min: 1,
    max: 200,
  },
  { key: 'ask.small', description: 'capital a small ask moves (negative)', ...ASK },
  { key: 'ask.medium', description: 'capital a medium ask moves (negative)', ...ASK },
  { key: 'ask.large', description: 'capital a large ask moves (negative)', ...ASK },
  {
    key: 'ask.leanMax',
    description: 'asks of one person within ask.leanDays before it is leaning on them',
    type: 'whole',
    min: 1,
    max: 100,
  },
  { key: 'ask.leanDays', description: 'days over which asks of one person are counted', ...DAYS },
  {
    key: 'ask.settleDays',
    description: 'days a deposit needs to land before a medium or large ask',
    type: 'whole',
    min: 0,
    max: 365,
  },
  { key: 'focus.maxItems', description: 'most items on the focus list', type: 'whole', min: 1, max: 50 },
  {
    key: 'focus.noContactDays',
    description: 'days without contact after which a detractor calls for being proactive',
    ...DAYS,
  },
  {
    key: 'thanks.owedDays',
    description: 'days after a favour from which an unsaid thank-you is in focus',
    ...DAYS,
  },
  { key: 'thanks.windowDays', description: 'days of thank-yous counted per direction', ...DAYS },
  { key: 'attention.windowDays', description: 'days of interactions counted for attention', ...DAYS },
  {
    key: 'attention.imbalance',
    description: 'points by which important relationships may outweigh interactions in a direction',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'attention.severe',
    description: 'points of imbalance from which attention is a focus item',
    type: 'whole',
    min: 1,
    max: 100,
  },
  {
    key: 'stages.established',
    description: 'one-to-ones within the window that make a relationship established',
    type: 'whole',
    min: 1,
    max: 100,
  },
  { key: 'stages.windowDays', description: 'days of one-to-ones counted for the stage', ...DAYS },
  {
    key: 'deposits.lowBalance',
    description: 'balance at or below which a deposit is due',
    type: 'number',
    min: -100,
    max: 100,
  },
  {
    key: 'deposits.playbook',
    description: 'deposit ideas by department or category ({"Sales": ["join a customer call"]})',
    type: 'playbook',
    min: 0,
    max: 0,
  },
];

const INFLUENCE_PREFIX = 'influence.';

/** A key's place in RelationshipSettings ("cadence.partner" → settings.cadence.partner). */
const sectionOf = (key: string) => key.split('.') as [string, string];

/**
 * Every setting Rapport knows, flat keys and `influence.*` alike, in the order they are listed.
 * Stored, typed and restored values are all checked against this one table.
 */
export const SETTINGS_REGISTRY: readonly SettingSpec[] = [
  ...RELATIONSHIP_SPECS.map((s) => {
    const [section, field] = sectionOf(s.key);
    const value = (DEFAULT_SETTINGS as unknown as Record<string, Record<string, unknown>>)[section]![field];
    return { ...s, default: value as SettingSpec['default'] };
  }),
  ...(Object.keys(INFLUENCE_SPECS) as (keyof InfluenceSettings)[]).map((field) => ({
    key: `${INFLUENCE_PREFIX}${field}`,
    ...INFLUENCE_SPECS[field],
    default: DEFAULT_INFLUENCE_SETTINGS[field],
  })),
];

const BY_KEY = new Map(SETTINGS_REGISTRY.map((s) => [s.key, s]));

export const settingSpec = (key: string): SettingSpec | undefined => BY_KEY.get(key);
export const isSettingKey = (key: string): boolean => BY_KEY.has(key);

/** Refuses a key that is not in the registry, listing the keys there are. */
export function assertSettingKey(key: string): void {
  if (!BY_KEY.has(key)) throw unknownKey(key);
}

/** Older versions kept the influence settings as one object under this key. */
const LEGACY_INFLUENCE_KEY = 'influence';

function unknownKey(key: string): ValidationError {
  return new ValidationError(
    'setting',
    `Unknown setting "${key}". Settings: ${[...BY_KEY.keys()].filter((k) => !k.startsWith(INFLUENCE_PREFIX)).join(', ')}, ${INFLUENCE_PREFIX}* (${Object.keys(INFLUENCE_SPECS).join(', ')}).`,
    { key },
  );
}

function checkWeights(spec: SettingSpec, value: unknown): ImportanceWeights {
  const w = value as Record<string, unknown> | null;
  const ok =
    typeof w === 'object' &&
    w !== null &&
    !Array.isArray(w) &&
    WEIGHT_PARTS.every((p) => typeof w[p] === 'number' && Number.isFinite(w[p]) && (w[p] as number) >= 0) &&
    WEIGHT_PARTS.some((p) => (w[p] as number) > 0);
  if (!ok) {
    throw new ValidationError(
      spec.key,
      `Setting ${spec.key} must be {"frequency": n, "interconnectedness": n, "sway": n} with non-negative numbers, not all zero; got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  return {
    frequency: w.frequency as number,
    interconnectedness: w.interconnectedness as number,
    sway: w.sway as number,
  };
}

/**
 * Checks one value for one key, as stored, typed (already parsed from text) or restored.
 * Returns the value to store; throws a ValidationError naming the key, its meaning and range.
 */
export function checkSetting(key: string, value: unknown): number | ImportanceWeights | Playbook {
  const spec = BY_KEY.get(key);
  if (!spec) throw unknownKey(key);
  if (spec.type === 'weights') return checkWeights(spec, value);
  if (spec.type === 'playbook') return checkPlaybook(spec.key, value);
  const whole = spec.type === 'whole';
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!whole || Number.isInteger(value)) &&
    value >= spec.min &&
    value <= spec.max;
  if (!ok) {
    throw new ValidationError(
      key,
      `Setting ${key} (${spec.description}) must be ${whole ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}; got ${JSON.stringify(value) ?? 'nothing'}.`,
    );
  }
  return value;
}

/** Rules that span keys, over the effective values; each returns a problem or null. */
function askOrder(values: ReadonlyMap<string, unknown>): string | null {
  const [small, medium, large] = ['ask.small', 'ask.medium', 'ask.large'].map((k) => values.get(k) as number);
  if (small! >= medium! && medium! >= large!) return null;
  return `Ask sizes must grow: small (${small}) ≥ medium (${medium}) ≥ large (${large}) in capital withdrawn.`;
}
const ASK_KEYS = ['ask.small', 'ask.medium', 'ask.large'];

/** A stored setting that cannot be used; its default applies until it is set again or reset. */
export interface SettingProblem {
  key: string;
  /** The value as stored (absent when the problem spans keys). */
  stored?: unknown;
  message: string;
}

/** One line per key for listing: the value in force, whether it is set, and any problem. */
export interface SettingEntry {
  key: string;
  value: unknown;
  description: string;
  /** The default applies when false (also when the stored value was refused). */
  overridden: boolean;
  problem: string | null;
}

export interface EffectiveSettings {
  relationship: RelationshipSettings;
  influence: InfluenceSettings;
  entries: SettingEntry[];
  problems: SettingProblem[];
  /** The stored values that are valid, as flat keys (what a backup carries). */
  valid: Record<string, unknown>;
}

/** The legacy influence object spread into flat keys; a flat key already stored wins. */
export function flattenStored(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const legacy = stored[LEGACY_INFLUENCE_KEY];
  if (legacy === undefined) return { ...stored };
  const out: Record<string, unknown> = {};
  if (typeof legacy === 'object' && legacy !== null && !Array.isArray(legacy)) {
    for (const [field, v] of Object.entries(legacy)) out[`${INFLUENCE_PREFIX}${field}`] = v;
  } else {
    out[LEGACY_INFLUENCE_KEY] = legacy;
  }
  for (const [k, v] of Object.entries(stored)) if (k !== LEGACY_INFLUENCE_KEY) out[k] = v;
  return out;
}

export const isLegacyStored = (stored: Readonly<Record<string, unknown>>): boolean =>
  Object.hasOwn(stored, LEGACY_INFLUENCE_KEY);

const fallbackNote = (spec: SettingSpec) =>
  `The stored value is not used: the default ${JSON.stringify(spec.default)} applies until the setting is set again or reset.`;

/**
 * The settings in force: defaults overlaid with the stored values that pass their checks. A
 * stored value that does not (out of range, wrong type, an unknown key, ask sizes that do not
 * grow) is not used and is reported as a problem, so one bad row never stops every command.
 */
export function readSettings(stored: Readonly<Record<string, unknown>> = {}): EffectiveSettings {
  const flat = flattenStored(stored);
  const problems: SettingProblem[] = [];
  const values = new Map<string, unknown>(SETTINGS_REGISTRY.map((s) => [s.key, s.default]));
  const valid: Record<string, unknown> = {};
  const problemOf = new Map<string, string>();
  for (const [key, value] of Object.entries(flat)) {
    const spec = BY_KEY.get(key);
    if (!spec) {
      problems.push({
        key,
        stored: value,
        message: `Stored setting "${key}" is not a setting Rapport knows; it is ignored.`,
      });
      continue;
    }
    try {
      const checked = checkSetting(key, value);
      values.set(key, checked);
      valid[key] = checked;
    } catch (e) {
      const message = `${(e as Error).message} ${fallbackNote(spec)}`;
      problems.push({ key, stored: value, message });
      problemOf.set(key, message);
    }
  }
  const order = askOrder(values);
  if (order) {
    for (const k of ASK_KEYS) {
      values.set(k, BY_KEY.get(k)!.default);
      delete valid[k];
      problemOf.set(k, order);
    }
    problems.push({
      key: 'ask',
      message: `${order} The stored values are not used: the defaults apply to all three until they are set again or reset.`,
    });
  }
  const relationship = structuredClone(DEFAULT_SETTINGS);
  const influence = { ...DEFAULT_INFLUENCE_SETTINGS };
  for (const spec of SETTINGS_REGISTRY) {
    const v = values.get(spec.key);
    if (spec.key.startsWith(INFLUENCE_PREFIX)) {
      influence[spec.key.slice(INFLUENCE_PREFIX.length) as keyof InfluenceSettings] = v as number;
    } else if (spec.type === 'weights') {
      relationship.importance.weights = normalised(v as ImportanceWeights);
    } else {
      const [section, field] = sectionOf(spec.key);
      (relationship as unknown as Record<string, Record<string, unknown>>)[section]![field] = v;
    }
  }
  const entries = SETTINGS_REGISTRY.map((spec) => ({
    key: spec.key,
    value: spec.type === 'weights' ? relationship.importance.weights : values.get(spec.key),
    description: spec.description,
    overridden: Object.hasOwn(valid, spec.key),
    problem: problemOf.get(spec.key) ?? null,
  }));
  return { relationship, influence, entries, problems, valid };
}

/** Normalised so the score stays on 0–100 whatever scale the user typed the weights in. */
function normalised(w: ImportanceWeights): ImportanceWeights {
  const total = w.frequency + w.interconnectedness + w.sway;
  return {
    frequency: w.frequency / total,
    interconnectedness: w.interconnectedness / total,
    sway: w.sway / total,
  };
}

/** The relationship thresholds in force (bad stored values replaced by defaults). */
export const resolveSettings = (stored: Readonly<Record<string, unknown>> = {}): RelationshipSettings =>
  readSettings(stored).relationship;

/**
 * Checks a whole set of settings strictly, as a restore must: every key known, every value in
 * range, the rules across keys kept. Returns the flat set to store; throws naming the key.
 */
export function checkSettings(stored: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const flat = flattenStored(stored);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(flat)) out[key] = checkSetting(key, value);
  const values = new Map<string, unknown>(SETTINGS_REGISTRY.map((s) => [s.key, out[s.key] ?? s.default]));
  const order = askOrder(values);
  if (order) throw new ValidationError('ask', order);
  return out;
}

/**
 * Checks that setting `key` to `value` keeps the rules across keys, given what is in force
 * now (bad stored values count as their defaults). Throws naming the key.
 */
export function checkChange(current: EffectiveSettings, key: string, value: unknown): void {
  const values = new Map<string, unknown>(current.entries.map((e) => [e.key, e.value]));
  values.set(key, value);
  if (ASK_KEYS.includes(key)) {
    const order = askOrder(values);
    if (order) throw new ValidationError(key, order);
  }
}
