import { ValidationError } from '../../domain/errors.js';
import {
  DEFAULT_INFLUENCE_SETTINGS,
  INFLUENCE_SETTING_SPECS,
  type InfluenceSettings,
  influenceSettingValue,
  isInfluenceSettingKey,
} from '../../domain/influence.js';
import {
  isRelationshipSettingKey,
  resolveSettings,
  SETTING_KEYS,
  settingsEntries,
  WEIGHTS_KEY,
} from '../../domain/settings.js';
import type { Rapport } from '../core/context.js';

export interface SettingView {
  key: string;
  value: unknown;
  description: string;
  /** False while the default applies. */
  overridden: boolean;
}

export async function listSettings(r: Rapport): Promise<SettingView[]> {
  const stored = await r.store.settings.all(r.ws);
  const influence = influenceOverrides(stored);
  return [
    ...settingsEntries(resolveSettings(stored)).map((e) => ({
      ...e,
      overridden: Object.hasOwn(stored, e.key),
    })),
    ...(Object.keys(INFLUENCE_SETTING_SPECS) as (keyof InfluenceSettings)[]).map((field) => ({
      key: `influence.${field}`,
      value: influence[field] ?? DEFAULT_INFLUENCE_SETTINGS[field],
      description: INFLUENCE_SETTING_SPECS[field].description,
      overridden: influence[field] !== undefined,
    })),
  ];
}

/** The influence network keeps its settings as one object under the key "influence". */
const influenceOverrides = (stored: Record<string, unknown>): Partial<InfluenceSettings> => {
  const v = stored['influence'];
  return typeof v === 'object' && v !== null ? (v as Partial<InfluenceSettings>) : {};
};

async function setInfluenceSetting(
  r: Rapport,
  key: `influence.${keyof InfluenceSettings}`,
  value: string | undefined,
) {
  const field = key.slice('influence.'.length) as keyof InfluenceSettings;
  await r.store.transaction(async (store) => {
    const next = { ...influenceOverrides(await store.settings.all(r.ws)) };
    if (value === undefined) delete next[field];
    else next[field] = influenceSettingValue(key, Number(value.trim() === '' ? Number.NaN : value));
    await store.settings.set(r.ws, 'influence', next);
  });
}

/**
 * Sets one threshold for the workspace (`value` as typed: a number, or JSON for the weights),
 * or with `value` undefined returns it to its default. The whole set is validated before
 * anything is stored, so a bad value is refused with the key named.
 */
export async function setSetting(r: Rapport, key: string, value: string | undefined): Promise<SettingView[]> {
  if (isInfluenceSettingKey(key)) {
    await setInfluenceSetting(r, key, value);
    return listSettings(r);
  }
  if (!isRelationshipSettingKey(key)) {
    throw new ValidationError(
      'setting',
      `Unknown setting "${key}". Settings: ${[...Object.keys(SETTING_KEYS), WEIGHTS_KEY, 'influence.*'].join(', ')}.`,
    );
  }
  await r.store.transaction(async (store) => {
    if (value === undefined) {
      await store.settings.remove(r.ws, key);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new ValidationError(key, `Setting ${key}: "${value}" is not a number or JSON value.`);
    }
    resolveSettings({ ...(await store.settings.all(r.ws)), [key]: parsed });
    await store.settings.set(r.ws, key, parsed);
  });
  return listSettings(r);
}
