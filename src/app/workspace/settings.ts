import type * as z from 'zod';
import { parseInput } from '../../contract/common.js';
import { SettingInput } from '../../contract/workspace.js';
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
  value: SettingValue,
) {
  const field = key.slice('influence.'.length) as keyof InfluenceSettings;
  await r.store.transaction(async (store) => {
    const next = { ...influenceOverrides(await store.settings.all(r.ws)) };
    if (value === null) delete next[field];
    else next[field] = influenceSettingValue(key, value);
    await store.settings.set(r.ws, 'influence', next);
  });
}

type SettingValue = z.output<typeof SettingInput>['value'];

/**
 * Sets one threshold for the workspace (a number, or an object for the weights), or with
 * `value` null returns it to its default. The whole set is validated before anything is
 * stored, so a bad value is refused with the key named.
 */
export async function setSetting(r: Rapport, raw: SettingInput): Promise<SettingView[]> {
  const { key, value } = parseInput(SettingInput, raw);
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
    if (value === null) {
      await store.settings.remove(r.ws, key);
      return;
    }
    resolveSettings({ ...(await store.settings.all(r.ws)), [key]: value });
    await store.settings.set(r.ws, key, value);
  });
  return listSettings(r);
}
