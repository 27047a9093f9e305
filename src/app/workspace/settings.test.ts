import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { influenceSettings } from '../influence/network.js';
import { loadSettings } from '../relationship/relationship-data.js';
import { freshRapport } from '../test-support/fresh-rapport.js';
import { listSettings, resetSettings, setSetting, settingProblems } from './settings.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachDialect('settings', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    ({ r, cleanup } = await freshRapport(fresh, NOW));
  });
  afterEach(() => cleanup());

  it('influence settings are listed, changed one at a time, reset, and reach the network rules', async () => {
    const before = await listSettings(r);
    expect(before.find((s) => s.key === 'influence.hiddenMargin')).toMatchObject({
      value: 30,
      overridden: false,
    });

    await setSetting(r, { key: 'influence.hiddenMargin', value: 15 });
    await setSetting(r, { key: 'influence.reportingWeight', value: 1.5 });
    expect(await influenceSettings(r)).toMatchObject({ hiddenMargin: 15, reportingWeight: 1.5, pivots: 256 });

    await setSetting(r, { key: 'influence.hiddenMargin', value: null });
    const after = await listSettings(r);
    expect(after.find((s) => s.key === 'influence.hiddenMargin')).toMatchObject({
      value: 30,
      overridden: false,
    });
    expect(after.find((s) => s.key === 'influence.reportingWeight')).toMatchObject({
      value: 1.5,
      overridden: true,
    });
  });

  it('refuses out-of-range or fractional influence settings and stores nothing', async () => {
    await expect(setSetting(r, { key: 'influence.hiddenMargin', value: 200 })).rejects.toThrow(
      'Setting influence.hiddenMargin (influence percentile above seniority percentile that makes a hidden influencer) must be a whole number from 0 to 100; got 200.',
    );
    await expect(setSetting(r, { key: 'influence.pivots', value: 1.5 })).rejects.toThrow(
      'must be a whole number',
    );
    await expect(setSetting(r, { key: 'influence.nonsense', value: 1 })).rejects.toThrow(
      /Unknown setting "influence.nonsense"/,
    );
    expect(await r.store.settings.all(r.ws)).toEqual({});
  });

  it('a bad stored value never locks the workspace: read with its default, changed, reset', async () => {
    await r.store.settings.set(r.ws, 'balance.halfLifeDays', 0);
    await r.store.settings.set(r.ws, 'influence', { pivots: 'many', hiddenMargin: 12 });
    await r.store.settings.set(r.ws, 'junk', 'x');
    expect((await loadSettings(r)).balance.halfLifeDays).toBe(180);
    expect(await influenceSettings(r)).toMatchObject({ pivots: 256, hiddenMargin: 12 });
    expect((await settingProblems(r)).map((p) => p.key).sort()).toEqual([
      'balance.halfLifeDays',
      'influence.pivots',
      'junk',
    ]);
    expect((await listSettings(r)).find((s) => s.key === 'balance.halfLifeDays')).toMatchObject({
      value: 180,
      overridden: false,
    });

    // Another key can be set; the old object becomes flat keys, the bad one still reported.
    await setSetting(r, { key: 'cadence.partner', value: 10 });
    expect(await r.store.settings.all(r.ws)).toEqual({
      'balance.halfLifeDays': 0,
      'cadence.partner': 10,
      'influence.hiddenMargin': 12,
      'influence.pivots': 'many',
      junk: 'x',
    });
    await setSetting(r, { key: 'balance.halfLifeDays', value: 90 });
    await setSetting(r, { key: 'junk', value: null });
    await setSetting(r, { key: 'influence.pivots', value: null });
    expect(await settingProblems(r)).toEqual([]);
    expect((await loadSettings(r)).balance.halfLifeDays).toBe(90);

    await r.store.settings.set(r.ws, 'ask.small', -50);
    expect(await settingProblems(r)).toHaveLength(1);
    await resetSettings(r);
    expect(await r.store.settings.all(r.ws)).toEqual({});
    expect(await settingProblems(r)).toEqual([]);
  });
});
