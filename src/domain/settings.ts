import { checkPlaybook, type Playbook } from './deposits.js';
import { ValidationError } from './errors.js';
import { companyList } from './import-category.js';
import { DEFAULT_INFLUENCE_SETTINGS, type InfluenceSettings } from './influence.js';
import {
  DEFAULT_SETTINGS,
  type ImportanceWeights,
  INFLUENCE_PREFIX,
  INFLUENCE_SPECS,
  type RelationshipSettings,
  SETTINGS_REGISTRY,
  type SettingSpec,
  sectionOf,
  WEIGHT_PARTS,
} from './settings-registry.js';

// Reading, checking and restoring settings against the registry (settings-registry.ts).

export {
  DEFAULT_SETTINGS,
  type ImportanceWeights,
  type RelationshipSettings,
  SETTINGS_REGISTRY,
  type SettingSpec,
  WEIGHTS_KEY,
} from './settings-registry.js';

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

const MAX_COMPANIES = 1000;

function checkCompanies(spec: SettingSpec, value: unknown): string[] {
  const list = companyList(value);
  const tooLong = list?.find((c) => c.length > 200);
  if (list === null || list.length > MAX_COMPANIES || tooLong !== undefined) {
    throw new ValidationError(
      spec.key,
      `Setting ${spec.key} (${spec.description}) must be company names separated by commas (at most ${MAX_COMPANIES}, each up to 200 characters)${tooLong ? `; "${tooLong.slice(0, 40)}…" is too long` : ''}; got ${JSON.stringify(value)?.slice(0, 80) ?? 'nothing'}.`,
    );
  }
  return list;
}

/**
 * Checks one value for one key, as stored, typed (already parsed from text) or restored.
 * Returns the value to store; throws a ValidationError naming the key, its meaning and range.
 */
export function checkSetting(key: string, value: unknown): number | ImportanceWeights | Playbook | string[] {
  const spec = BY_KEY.get(key);
  if (!spec) throw unknownKey(key);
  if (spec.type === 'weights') return checkWeights(spec, value);
  if (spec.type === 'playbook') return checkPlaybook(spec.key, value);
  if (spec.type === 'companies') return checkCompanies(spec, value);
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
