import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { DEFAULT_SETTINGS, isRelationshipSettingKey, resolveSettings, settingsEntries } from './settings.js';

describe('resolveSettings', () => {
  it('gives the documented defaults when nothing is stored', () => {
    const s = resolveSettings({});
    expect(s.map).toEqual({ influence: 50, stance: 20 });
    expect(s.balance.halfLifeDays).toBe(180);
    expect(s.cadence).toEqual({ partner: 14, friend: 30, acquaintance: 90 });
    expect(s.review).toEqual({ staleDays: 30, stanceDrop: 30 });
    expect(s.ask).toEqual({ small: -2, medium: -4, large: -8 });
    expect(s.focus.maxItems).toBe(7);
  });

  it('overlays stored values by key and leaves the defaults untouched', () => {
    const s = resolveSettings({ 'cadence.partner': 7, 'map.influence': 60, 'issue4.something': 'x' });
    expect(s.cadence.partner).toBe(7);
    expect(s.map.influence).toBe(60);
    expect(DEFAULT_SETTINGS.cadence.partner).toBe(14);
  });

  it('normalises importance weights to sum to 1', () => {
    const s = resolveSettings({ 'importance.weights': { frequency: 2, interconnectedness: 1, sway: 1 } });
    expect(s.importance.weights).toEqual({ frequency: 0.5, interconnectedness: 0.25, sway: 0.25 });
  });

  it('refuses a malformed value, naming the key', () => {
    expect(() => resolveSettings({ 'balance.halfLifeDays': 0 })).toThrow(/balance.halfLifeDays.*1 to 3650/);
    expect(() => resolveSettings({ 'cadence.friend': 'monthly' })).toThrow(ValidationError);
    expect(() =>
      resolveSettings({ 'importance.weights': { frequency: -1, sway: 1, interconnectedness: 1 } }),
    ).toThrow(/importance.weights/);
    expect(() => resolveSettings({ 'ask.small': -9 })).toThrow(/small \(-9\) ≥ medium/);
  });

  it('lists every key with its value', () => {
    const entries = settingsEntries(resolveSettings({ 'focus.maxItems': 5 }));
    expect(entries.find((e) => e.key === 'focus.maxItems')?.value).toBe(5);
    for (const e of entries) expect(isRelationshipSettingKey(e.key)).toBe(true);
  });
});
