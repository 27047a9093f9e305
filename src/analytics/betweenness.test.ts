import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/analytics-fixtures.js';
import { betweenness, samplingErrorBound } from './betweenness.js';
import { seededRandom } from './random.js';

const both = (a: number, b: number) =>
  [
    [a, b],
    [b, a],
  ] as const;

describe('betweenness', () => {
  it('of a star centre is 1 and of its leaves 0 (every other pair passes through the centre)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), (n) => {
        const arcs = Array.from({ length: n - 1 }, (_, i) => both(0, i + 1)).flat();
        const { scores } = betweenness(graphOf(n, arcs));
        expect(scores[0]).toBeCloseTo(1, 12);
        for (let i = 1; i < n; i++) expect(scores[i]).toBe(0);
      }),
    );
  });

  it("of a path's node i is 2·i·(n−1−i)/((n−1)(n−2)) when ties go both ways", () => {
    fc.assert(
      fc.property(fc.integer({ min: 3, max: 40 }), (n) => {
        const arcs = Array.from({ length: n - 1 }, (_, i) => both(i, i + 1)).flat();
        const { scores } = betweenness(graphOf(n, arcs));
        for (let i = 0; i < n; i++) {
          expect(scores[i]).toBeCloseTo((2 * i * (n - 1 - i)) / ((n - 1) * (n - 2)), 12);
        }
      }),
    );
  });

  it('of a one-way path counts each pair once', () => {
    const n = 5;
    const { scores } = betweenness(
      graphOf(n, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
      ]),
    );
    expect(scores[2]).toBeCloseTo(4 / 12, 12);
  });

  it('splits credit between equally short routes', () => {
    // 0 reaches 3 through 1 or 2: each carries half of that one pair out of 4·3 ordered pairs.
    const { scores } = betweenness(
      graphOf(4, [
        [0, 1],
        [0, 2],
        [1, 3],
        [2, 3],
      ]),
    );
    expect(scores[1]).toBeCloseTo(0.5 / 6, 12);
    expect(scores[2]).toBeCloseTo(0.5 / 6, 12);
  });

  it('prefers short weighted routes when weights are distances', () => {
    // 0→1→3 costs 2, 0→2→3 costs 10: only 1 brokers.
    const g = graphOf(4, [
      [0, 1, 1],
      [1, 3, 1],
      [0, 2, 5],
      [2, 3, 5],
    ]);
    const { scores } = betweenness(g, { distances: g.weights });
    expect(scores[1]).toBeGreaterThan(0);
    expect(scores[2]).toBe(0);
  });

  it('sampled with as many pivots as people equals exact, with a zero error bound', () => {
    const arbGraph = fc
      .integer({ min: 3, max: 25 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 80 }),
          fc.integer(),
        ),
      );
    fc.assert(
      fc.property(arbGraph, ([n, arcs, seed]) => {
        const g = graphOf(n, arcs);
        for (const distances of [undefined, g.weights]) {
          const exact = betweenness(g, { distances });
          const sampled = betweenness(g, { distances, exactUpTo: 0, pivots: n, random: seededRandom(seed) });
          expect(sampled.exact).toBe(true);
          expect(sampled.errorBound).toBe(0);
          for (let i = 0; i < n; i++) expect(sampled.scores[i]).toBeCloseTo(exact.scores[i]!, 12);
        }
      }),
    );
  });

  it('sampled with fewer pivots stays within its reported bound and is reproducible', () => {
    const n = 400;
    const random = seededRandom(3);
    const arcs: (readonly [number, number])[] = [];
    for (let i = 1; i < n; i++) arcs.push(...both(i, Math.floor(random() * i)));
    const g = graphOf(n, arcs);
    const exact = betweenness(g).scores;
    const sampled = betweenness(g, { exactUpTo: 100, pivots: 64, random: seededRandom(9) });
    const again = betweenness(g, { exactUpTo: 100, pivots: 64, random: seededRandom(9) });
    expect(sampled.exact).toBe(false);
    expect(sampled.sources).toBe(64);
    expect([...again.scores]).toEqual([...sampled.scores]);
    expect(sampled.errorBound).toBeCloseTo(samplingErrorBound(n, 64, 0.95), 12);
    for (let i = 0; i < n; i++)
      expect(Math.abs(sampled.scores[i]! - exact[i]!)).toBeLessThan(sampled.errorBound);
  });

  it('refuses to sample without a seeded random source', () => {
    expect(() => betweenness(graphOf(10, []), { exactUpTo: 5 })).toThrow(/seeded random/);
  });
});
