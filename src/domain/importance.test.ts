import { describe, expect, it } from 'vitest';
import { importance } from './importance.js';
import { DEFAULT_SETTINGS, resolveSettings } from './settings.js';

const s = DEFAULT_SETTINGS.importance;

describe('importance', () => {
  it('weights frequency, interconnectedness and sway and shows each component', () => {
    // 6 of 12 interactions → 50; rating 4 → 80; influence 70 → 70. 0.4·50 + 0.3·80 + 0.3·70 = 65.
    const i = importance({ interactions: 6, interconnectedness: 4, sway: 70 }, s);
    expect(i.score).toBe(65);
    expect(i.components).toEqual({ frequency: 50, interconnectedness: 80, sway: 70 });
    expect(i.weights).toEqual({ frequency: 0.4, interconnectedness: 0.3, sway: 0.3 });
    expect(i.inputs).toEqual({ interactions: 6, interconnectedness: 4, sway: 70 });
  });

  it('caps frequency at the full-frequency count', () => {
    expect(
      importance({ interactions: 50, interconnectedness: null, sway: null }, s).components.frequency,
    ).toBe(100);
    expect(importance({ interactions: 50, interconnectedness: null, sway: null }, s).score).toBe(40);
  });

  it('counts what is unknown as zero', () => {
    expect(importance({ interactions: 0, interconnectedness: null, sway: null }, s).score).toBe(0);
  });

  it('follows the workspace weights', () => {
    const w = resolveSettings({
      'importance.weights': { frequency: 0, interconnectedness: 0, sway: 1 },
    }).importance;
    expect(importance({ interactions: 12, interconnectedness: 5, sway: 33 }, w).score).toBe(33);
  });
});
