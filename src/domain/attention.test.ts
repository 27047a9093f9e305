import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AttentionPlace, attention } from './attention.js';
import { DIRECTIONS } from './coverage.js';

const T = { imbalance: 20, severe: 30 };

describe('attention', () => {
  it('flags a direction whose important relationships outweigh the time spent there', () => {
    const places: AttentionPlace[] = [
      { id: 1, name: 'Boss', direction: 'up', level: 2 },
      { id: 2, name: 'Report', direction: 'down', level: 4 },
      { id: 3, name: 'Deep one', direction: 'down', level: 5 },
      { id: 4, name: 'Deep two', direction: 'down', level: 6 },
    ];
    const v = attention(
      places,
      3,
      new Map([
        [1, { share: 9 }],
        [2, { share: 1 }],
      ]),
      new Set([1, 2, 3]),
      new Set([1, 2]),
      T,
      90,
    );
    expect(v.directions.down.interactionShare).toBe(10);
    expect(v.directions.down.importantShare).toBe(67);
    expect(v.imbalances.map((i) => i.params.direction)).toEqual(['down']);
    expect(v.severe).toBe(true);
    // Below my reports' level (4): levels 5 and 6, never met, the important one first.
    expect(v.neverMetBelow.map((p) => p.name)).toEqual(['Deep one', 'Deep two']);
  });

  it('property: the interaction shares of the directions add up to 100 (±2 for rounding) once anyone was met', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            d: fc.constantFrom(...DIRECTIONS),
            share: fc.double({ min: 0.1, max: 20, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        (rows) => {
          const places = rows.map((r, i) => ({ id: i + 1, name: `P${i}`, direction: r.d, level: 3 }));
          const contact = new Map(rows.map((r, i) => [i + 1, { share: r.share }]));
          const v = attention(places, 3, contact, new Set(), new Set(), T, 90);
          const sum = DIRECTIONS.reduce((n, d) => n + v.directions[d].interactionShare, 0);
          expect(Math.abs(sum - 100)).toBeLessThanOrEqual(2);
          expect(v.imbalances).toEqual([]);
        },
      ),
    );
  });
});
