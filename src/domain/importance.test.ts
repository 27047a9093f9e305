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
    expect(importance({ interactions: 50, interconnectedness: 0, sway: null }, s).components.frequency).toBe(
      100,
    );
    expect(importance({ interactions: 50, interconnectedness: 0, sway: null }, s).score).toBe(40);
  });

  it('counts unknown frequency and sway as zero', () => {
    expect(importance({ interactions: 0, interconnectedness: null, sway: null }, s).score).toBe(0);
    expect(importance({ interactions: 0, interconnectedness: 5, sway: null }, s).score).toBe(30);
  });

  it('leaves an unrated interconnectedness out rather than counting it as 0 (issue 13 §5)', () => {
    // 6 of 12 → 50 and influence 70: (0.4·50 + 0.3·70) / 0.7 = 58.6, not 0.4·50 + 0.3·70 = 41.
    const unrated = importance({ interactions: 6, interconnectedness: null, sway: 70 }, s);
    expect(unrated.score).toBe(58.6);
    // A rating at the level of the rest changes nothing; a low one lowers it, a high one raises it.
    expect(importance({ interactions: 6, interconnectedness: 2, sway: 70 }, s).score).toBeLessThan(58.6);
    expect(importance({ interactions: 6, interconnectedness: 4, sway: 70 }, s).score).toBeGreaterThan(58.6);
  });

  it("does not fall while I neglect someone: the long window's rate is a floor (issue 13 §5)", () => {
    // 24 interactions over the year, none in the last 90 days: 24 × 90/365 = 5.9 → 49.3.
    const neglected = importance(
      { interactions: 0, interactionsLong: 24, interconnectedness: 3, sway: 60 },
      s,
    );
    expect(neglected.components.frequency).toBe(49.3);
    const kept = importance({ interactions: 6, interactionsLong: 24, interconnectedness: 3, sway: 60 }, s);
    expect(neglected.score).toBeCloseTo(kept.score, 0);
    // A burst this quarter still counts in full.
    expect(
      importance({ interactions: 12, interactionsLong: 12, interconnectedness: 3, sway: 60 }, s).components
        .frequency,
    ).toBe(100);
  });

  it('follows the workspace weights', () => {
    const w = resolveSettings({
      'importance.weights': { frequency: 0, interconnectedness: 0, sway: 1 },
    }).importance;
    expect(importance({ interactions: 12, interconnectedness: 5, sway: 33 }, w).score).toBe(33);
  });
});
