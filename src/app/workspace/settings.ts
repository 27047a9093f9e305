import { parseInput } from '../../contract/common.js';
import { SettingInput } from '../../contract/workspace.js';
import {
  assertSettingKey,
  checkChange,
  checkSetting,
  type EffectiveSettings,
  flattenStored,
  isLegacyStored,
  readSettings,
  type SettingEntry,
  type SettingProblem,
} from '../../domain/settings.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';

export type SettingView = SettingEntry;
export type { SettingProblem } from '../../domain/settings.js';

/** Every setting in force, whatever is stored: a bad stored value is listed with its problem. */
export async function listSettings(r: Rapport): Promise<SettingView[]> {
  return (await effectiveSettings(r)).entries;
}

/** The settings in force and what is wrong with the stored ones, read from the registry. */
export async function effectiveSettings(r: Rapport): Promise<EffectiveSettings> {
  return readSettings(await r.store.settings.all(r.ws));
}

/**
 * Stored settings that are not used (out of range, unknown, inconsistent): their defaults
 * apply. Adapters show these as warnings so the user can fix or reset them.
 */
export async function settingProblems(r: Rapport): Promise<SettingProblem[]> {
  return (await effectiveSettings(r)).problems;
}

/**
 * Older versions kept `influence.*` as one object: rewritten as flat keys before a change, so
 * one key is one row. Values that were bad stay bad (and keep falling back) until reset.
 */
async function flattenLegacy(store: Store, ws: number, stored: Record<string, unknown>): Promise<void> {
  if (!isLegacyStored(stored)) return;
  await store.settings.remove(ws, 'influence');
  for (const [k, v] of Object.entries(flattenStored(stored))) {
    if (!Object.hasOwn(stored, k)) await store.settings.set(ws, k, v);
  }
}

/**
 * Sets one setting for the workspace (a number, or an object for the weights), or with
 * `value` null returns it to its default. Only the value given and the rules across keys are
 * checked, so a bad value stored under another key never blocks a change; a refused value is
 * named with its key and nothing is stored.
 */
export async function setSetting(r: Rapport, raw: SettingInput): Promise<SettingView[]> {
  const { key, value } = parseInput(SettingInput, raw);
  await r.store.transaction(async (store) => {
    const stored = await store.settings.all(r.ws);
    if (value === null) {
      // Any stored key may be removed, known or not: that is how junk is cleared.
      if (!Object.hasOwn(flattenStored(stored), key)) assertSettingKey(key);
      await flattenLegacy(store, r.ws, stored);
      await store.settings.remove(r.ws, key);
      return;
    }
    const checked = checkSetting(key, value);
    checkChange(readSettings(stored), key, checked);
    await flattenLegacy(store, r.ws, stored);
    await store.settings.set(r.ws, key, checked);
  });
  return listSettings(r);
}

/** Returns every setting to its default, whatever was stored. */
export async function resetSettings(r: Rapport): Promise<SettingView[]> {
  await r.store.transaction(async (store) => {
    for (const key of Object.keys(await store.settings.all(r.ws))) await store.settings.remove(r.ws, key);
  });
  return listSettings(r);
}
