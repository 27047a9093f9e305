import { ValidationError } from '../domain/errors.js';
import {
  isRelationshipSettingKey,
  resolveSettings,
  SETTING_KEYS,
  settingsEntries,
  WEIGHTS_KEY,
} from '../domain/settings.js';
import type { Rapport } from './context.js';

export interface SettingView {
  key: string;
  value: unknown;
  description: string;
  /** False while the default applies. */
  overridden: boolean;
}

export async function listSettings(r: Rapport): Promise<SettingView[]> {
  const stored = await r.store.settings.all(r.ws);
  return settingsEntries(resolveSettings(stored)).map((e) => ({
    ...e,
    overridden: Object.hasOwn(stored, e.key),
  }));
}

/**
 * Sets one threshold for the workspace (`value` as typed: a number, or JSON for the weights),
 * or with `value` undefined returns it to its default. The whole set is validated before
 * anything is stored, so a bad value is refused with the key named.
 */
export async function setSetting(r: Rapport, key: string, value: string | undefined): Promise<SettingView[]> {
  if (!isRelationshipSettingKey(key)) {
    throw new ValidationError(
      'setting',
      `Unknown setting "${key}". Settings: ${[...Object.keys(SETTING_KEYS), WEIGHTS_KEY].join(', ')}.`,
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
