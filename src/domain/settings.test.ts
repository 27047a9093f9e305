import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import {
  checkChange,
  checkSetting,
  checkSettings,
  DEFAULT_SETTINGS,
  isSettingKey,
  readSettings,
  resolveSettings,
  SETTINGS_REGISTRY,
} from './settings.js';

describe('readSettings', () => {
  it('gives the documented defaults when nothing is stored', () => {
    const s = resolveSettings({});
    expect(s.map).toEqual({ influence: 50, stance: 20 });
    expect(s.balance.halfLifeDays).toBe(180);
    expect(s.cadence).toEqual({ partner: 14, friend: 30, acquaintance: 90 });
    expect(s.review).toEqual({ staleDays: 30, stanceDrop: 30 });
    expect(s.ask).toEqual({ small: -2, medium: -4, large: -8, leanMax: 2, leanDays: 30, settleDays: 3 });
    expect(s.focus.maxItems).toBe(7);
    expect(s.thanks).toEqual({ owedDays: 7, windowDays: 90 });
    expect(s.attention).toEqual({ windowDays: 90, imbalance: 20, severe: 30 });
    expect(s.stages).toEqual({ established: 3, windowDays: 90 });
    expect(s.deposits.lowBalance).toBe(1);
    expect(Object.keys(s.deposits.playbook)).toContain('general');
    expect(readSettings({}).influence).toMatchObject({ hiddenMargin: 30, pivots: 256 });
    expect(readSettings({}).problems).toEqual([]);
  });

  it('overlays stored values by key and leaves the defaults untouched', () => {
    const s = readSettings({ 'cadence.partner': 7, 'map.influence': 60, 'influence.pivots': 64 });
    expect(s.relationship.cadence.partner).toBe(7);
    expect(s.relationship.map.influence).toBe(60);
    expect(s.influence.pivots).toBe(64);
    expect(DEFAULT_SETTINGS.cadence.partner).toBe(14);
    expect(s.entries.find((e) => e.key === 'influence.pivots')).toMatchObject({
      value: 64,
      overridden: true,
    });
  });

  it('normalises importance weights to sum to 1', () => {
    const s = resolveSettings({ 'importance.weights': { frequency: 2, interconnectedness: 1, sway: 1 } });
    expect(s.importance.weights).toEqual({ frequency: 0.5, interconnectedness: 0.25, sway: 0.25 });
  });

  it('reads the influence settings older versions stored as one object, a flat key winning', () => {
    const s = readSettings({ influence: { hiddenMargin: 10, pivots: 8 }, 'influence.pivots': 16 });
    expect(s.influence).toMatchObject({ hiddenMargin: 10, pivots: 16 });
    expect(s.valid).toEqual({ 'influence.hiddenMargin': 10, 'influence.pivots': 16 });
  });

  it('falls back to the default for a bad stored value and says so, naming the key', () => {
    const s = readSettings({
      'balance.halfLifeDays': 0,
      'cadence.friend': 'monthly',
      'importance.weights': { frequency: -1, sway: 1, interconnectedness: 1 },
      influence: { pivots: 'many', hiddenMargin: 12 },
      'cadence.partner': 9,
      junk: true,
    });
    expect(s.relationship.balance.halfLifeDays).toBe(180);
    expect(s.relationship.cadence).toEqual({ partner: 9, friend: 30, acquaintance: 90 });
    expect(s.relationship.importance.weights).toEqual(DEFAULT_SETTINGS.importance.weights);
    expect(s.influence).toMatchObject({ pivots: 256, hiddenMargin: 12 });
    expect(s.problems.map((p) => p.key).sort()).toEqual([
      'balance.halfLifeDays',
      'cadence.friend',
      'importance.weights',
      'influence.pivots',
      'junk',
    ]);
    expect(s.problems.find((p) => p.key === 'balance.halfLifeDays')?.message).toBe(
      'Setting balance.halfLifeDays (days after which a deposit or withdrawal counts half) must be a whole number from 1 to 3650; got 0. The stored value is not used: the default 180 applies until the setting is set again or reset.',
    );
    expect(s.entries.find((e) => e.key === 'balance.halfLifeDays')).toMatchObject({
      value: 180,
      overridden: false,
      problem: expect.stringContaining('1 to 3650'),
    });
  });

  it('ask sizes that do not grow fall back together', () => {
    const s = readSettings({ 'ask.small': -9 });
    expect(s.relationship.ask).toEqual(DEFAULT_SETTINGS.ask);
    expect(s.problems).toEqual([{ key: 'ask', message: expect.stringMatching(/small \(-9\) ≥ medium/) }]);
  });

  it('never throws, whatever is stored (property)', () => {
    const keys = fc.constantFrom(...SETTINGS_REGISTRY.map((s) => s.key), 'influence', 'junk');
    fc.assert(
      fc.property(fc.dictionary(keys, fc.jsonValue()), (stored) => {
        const s = readSettings(stored);
        for (const e of s.entries) {
          if (e.problem === null) continue;
          expect(e.overridden).toBe(false);
        }
        // What is in force always passes the strict check.
        expect(() => checkSettings(s.valid)).not.toThrow();
      }),
    );
  });
});

describe('checking one value', () => {
  it('refuses a malformed value, naming the key, its meaning and range', () => {
    expect(() => checkSetting('balance.halfLifeDays', 0)).toThrow(/balance.halfLifeDays.*1 to 3650; got 0/);
    expect(() => checkSetting('cadence.friend', 'monthly')).toThrow(ValidationError);
    expect(() => checkSetting('influence.pivots', 1.5)).toThrow('must be a whole number from 1 to 100000');
    expect(() => checkSetting('influence.hiddenMargin', 200)).toThrow(
      'Setting influence.hiddenMargin (influence percentile above seniority percentile that makes a hidden influencer) must be a whole number from 0 to 100; got 200.',
    );
    expect(checkSetting('influence.reportingWeight', 1.5)).toBe(1.5);
    expect(() => checkSetting('nonsense', 1)).toThrow(/Unknown setting "nonsense". Settings: map.influence/);
  });

  it('a change is checked against the rules across keys, not against other bad values', () => {
    const current = readSettings({ 'balance.halfLifeDays': 0 });
    expect(() => checkChange(current, 'cadence.partner', 10)).not.toThrow();
    expect(() => checkChange(current, 'ask.medium', -1)).toThrow(/Ask sizes must grow/);
  });

  it('a restore is checked strictly: every key known, every value in range', () => {
    expect(checkSettings({ influence: { pivots: 8 }, 'cadence.partner': 3 })).toEqual({
      'influence.pivots': 8,
      'cadence.partner': 3,
    });
    expect(() => checkSettings({ influence: { pivots: 'many' } })).toThrow(/influence.pivots/);
    expect(() => checkSettings({ junk: 1 })).toThrow(/Unknown setting "junk"/);
    expect(() => checkSettings({ 'ask.large': -1 })).toThrow(/Ask sizes must grow/);
    for (const spec of SETTINGS_REGISTRY) expect(isSettingKey(spec.key)).toBe(true);
  });
});
