import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/analytics-fixtures.js';
import { pagerank } from './pagerank.js';

const arbGraph = fc.integer({ min: 1, max: 30 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), {
      maxLength: 120,
    }),
    permutation: fc.shuffledSubarray(
      Array.from({ length: n }, (_, i) => i),
      { minLength: n, maxLength: n },
    ),
  }),
);

describe('pagerank', () => {
  it('sums to 1 on any graph, dangling nodes included', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, arcs }) => {
        const { scores } = pagerank(graphOf(n, arcs));
        expect(scores.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
        for (const s of scores) expect(s).toBeGreaterThan(0);
      }),
    );
  });

  it('gives each person the same score whatever order people are numbered in', () => {
    fc.assert(
      fc.property(arbGraph, ({ n, arcs, permutation }) => {
        const base = pagerank(graphOf(n, arcs)).scores;
        const renamed = pagerank(
          graphOf(
            n,
            arcs.map(([a, b, w]) => [permutation[a]!, permutation[b]!, w] as const),
          ),
        ).scores;
        for (let i = 0; i < n; i++) expect(renamed[permutation[i]!]).toBeCloseTo(base[i]!, 12);
      }),
    );
  });

  it('ranks the person everyone goes to first, and the stronger of her own ties next', () => {
    // 0, 1 and 2 all go to 3; 3 goes to 4 strongly and to 5 weakly.
    const { scores } = pagerank(
      graphOf(6, [
        [0, 3],
        [1, 3],
        [2, 3],
        [3, 4, 5],
        [3, 5, 1],
      ]),
    );
    const ranked = [...scores.keys()].sort((a, b) => scores[b]! - scores[a]!);
    expect(ranked.slice(0, 3)).toEqual([3, 4, 5]);
  });

  it('is uniform on a cycle and on an empty graph', () => {
    const cycle = pagerank(
      graphOf(4, [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 0],
      ]),
    ).scores;
    for (const s of cycle) expect(s).toBeCloseTo(0.25, 12);
    for (const s of pagerank(graphOf(5, [])).scores) expect(s).toBeCloseTo(0.2, 12);
    expect(pagerank(graphOf(0, [])).scores.length).toBe(0);
  });
});
