import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/analytics-fixtures.js';
import type { Csr } from './csr.js';
import { PathSampler } from './path-sampler.js';
import { seededRandom } from './random.js';

/** Hop distances from s by a plain BFS, -1 where unreachable. */
function hops(g: Csr, s: number): Int32Array {
  const d = new Int32Array(g.n).fill(-1);
  const queue = [s];
  d[s] = 0;
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (let e = g.starts[u]!; e < g.starts[u + 1]!; e++) {
      const v = g.targets[e]!;
      if (d[v] === -1) {
        d[v] = d[u]! + 1;
        queue.push(v);
      }
    }
  }
  return d;
}

describe('shortest-path sampler', () => {
  it('draws a shortest path whenever one exists, and says so when none does', () => {
    const arbGraph = fc
      .integer({ min: 2, max: 30 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 120 }),
          fc.nat(n - 1),
          fc.nat(n - 1),
          fc.integer(),
        ),
      );
    fc.assert(
      fc.property(arbGraph, ([n, arcs, s, t, seed]) => {
        fc.pre(s !== t);
        const g = graphOf(n, arcs);
        const fromS = hops(g, s);
        const distance = fromS[t]!;
        const inner: number[] = [];
        const length = new PathSampler(g).sample(s, t, seededRandom(seed), (v) => inner.push(v));
        expect(length).toBe(distance);
        if (distance < 0) return;
        // Inside a shortest path: one node at each distance 1..L-1 from s, each that far from t.
        expect(inner.length).toBe(Math.max(0, distance - 1));
        const at = inner.map((v) => fromS[v]!).sort((a, b) => a - b);
        expect(at).toEqual(Array.from({ length: distance - 1 }, (_, i) => i + 1));
        for (const v of inner) expect(fromS[v]! + hops(g, v)[t]!).toBe(distance);
      }),
    );
  });

  it('picks among shortest paths uniformly, not among middle ties', () => {
    // Five shortest 0→9 paths of three ties: 0→{1,2}→7→9 and 0→3→{4,5,6}→9. Choosing a middle
    // tie evenly would favour 7's side; choosing paths evenly gives 7 two fifths.
    const g = graphOf(10, [
      [0, 1],
      [0, 2],
      [1, 7],
      [2, 7],
      [7, 9],
      [0, 3],
      [3, 4],
      [3, 5],
      [3, 6],
      [4, 9],
      [5, 9],
      [6, 9],
    ]);
    const sampler = new PathSampler(g);
    const random = seededRandom(3);
    const seen = new Float64Array(10);
    const draws = 50_000;
    for (let i = 0; i < draws; i++) sampler.sample(0, 9, random, (v) => seen[v]!++);
    const share = (v: number) => seen[v]! / draws;
    expect(share(7)).toBeCloseTo(2 / 5, 2);
    expect(share(3)).toBeCloseTo(3 / 5, 2);
    for (const v of [1, 2, 4, 5, 6]) expect(share(v)).toBeCloseTo(1 / 5, 2);
  });
});
