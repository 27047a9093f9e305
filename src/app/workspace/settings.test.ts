import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { influenceSettings } from '../influence/network.js';
import { listSettings, setSetting } from './settings.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachDialect('settings', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const f = await fresh();
    r = {
      store: f.store,
      ws: await f.store.workspaces.ensure('default', NOW.toISOString()),
      now: () => NOW,
      close: async () => {},
    };
    cleanup = f.cleanup;
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
      'Setting influence.hiddenMargin must be a number from 0 to 100; got 200.',
    );
    await expect(setSetting(r, { key: 'influence.pivots', value: 1.5 })).rejects.toThrow(
      'must be a whole number',
    );
    await expect(setSetting(r, { key: 'influence.nonsense', value: 1 })).rejects.toThrow(
      /Unknown setting "influence.nonsense"/,
    );
    expect(await r.store.settings.all(r.ws)).toEqual({});
  });
});
