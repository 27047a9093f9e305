import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../test/analytics-fixtures.js';
import type { Csr } from './csr.js';
import { strengthCosts, strongestPaths } from './paths.js';

/** Every simple path s→t with its strength, by exhaustive search: the oracle for small graphs. */
function allPathStrengths(g: Csr, s: number, t: number, avoid: readonly number[] = []): number[] {
  const out: number[] = [];
  const onPath = new Uint8Array(g.n);
  // An avoided node may not be passed through: mark it as already on the path (unless it is t).
  for (const v of avoid) if (v !== s && v !== t) onPath[v] = 1;
  const walk = (v: number, strength: number) => {
    if (v === t) {
      out.push(strength);
      return;
    }
    onPath[v] = 1;
    for (let e = g.starts[v]!; e < g.starts[v + 1]!; e++) {
      const w = g.targets[e]!;
      if (!onPath[w]) walk(w, strength * g.weights[e]!);
    }
    onPath[v] = 0;
  };
  walk(s, 1);
  return out.sort((a, b) => b - a);
}

/** Small random digraphs (n nodes, up to 20 weighted arcs) and a k, for the exhaustive oracle. */
const randomGraphs = (minNodes: number, maxK: number) =>
  fc.integer({ min: minNodes, max: 7 }).chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), {
        maxLength: 20,
        selector: ([a, b]) => `${a}>${b}`,
      }),
      fc.integer({ min: 1, max: maxK }),
    ),
  );

/** 0→3 directly at 0.2; 0→1→3 at 0.9·0.9; 0→2→3 at 0.5·0.8. */
const threeWays = () =>
  graphOf(4, [
    [0, 3, 0.2],
    [0, 1, 0.9],
    [1, 3, 0.9],
    [0, 2, 0.5],
    [2, 3, 0.8],
  ]);

describe('strongestPaths', () => {
  it('prefers two strong hops over one weak direct tie, and lists distinct alternatives', () => {
    const g = threeWays();
    const paths = strongestPaths(g, strengthCosts(g.weights), 0, 3, 3);
    expect(paths.map((p) => p.nodes)).toEqual([
      [0, 1, 3],
      [0, 2, 3],
      [0, 3],
    ]);
    expect(paths.map((p) => p.strength)).toEqual([
      expect.closeTo(0.81, 12),
      expect.closeTo(0.4, 12),
      expect.closeTo(0.2, 12),
    ]);
  });

  it('returns nothing when the target cannot be reached, and the trivial path to oneself', () => {
    const g = graphOf(3, [[1, 0, 1]]);
    expect(strongestPaths(g, strengthCosts(g.weights), 0, 1)).toEqual([]);
    expect(strongestPaths(g, strengthCosts(g.weights), 2, 2)).toEqual([
      { nodes: [2], edges: [], strength: 1 },
    ]);
  });

  it('rejects strengths outside (0, 1]', () => {
    expect(() => strengthCosts(Float64Array.of(0.5, 0))).toThrow(/outside \(0, 1\]/);
  });

  it('finds the k strongest simple paths that exhaustive search finds, on random graphs', () => {
    const arb = randomGraphs(2, 5);
    fc.assert(
      fc.property(arb, ([n, arcs, k]) => {
        const g = graphOf(
          n,
          arcs.map(([a, b, w]) => [a, b, w / 5] as const),
        );
        const expected = allPathStrengths(g, 0, n - 1).slice(0, k);
        const paths = strongestPaths(g, strengthCosts(g.weights), 0, n - 1, k);
        expect(paths.map((p) => p.strength)).toEqual(expected.map((x) => expect.closeTo(x, 9)));
        for (const p of paths) {
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
          expect(p.nodes[0]).toBe(0);
          expect(p.nodes.at(-1)).toBe(n - 1);
        }
        expect(new Set(paths.map((p) => p.edges.join())).size).toBe(paths.length);
      }),
    );
  });

  it('never passes through an avoided node, which may still start or end a path (me as no relay)', () => {
    // 0→1→3 is the strongest, but 1 is avoided: 0→2→3 and the weak direct tie remain.
    const g = threeWays();
    const costs = strengthCosts(g.weights);
    expect(strongestPaths(g, costs, 0, 3, 3, [1]).map((p) => p.nodes)).toEqual([
      [0, 2, 3],
      [0, 3],
    ]);
    expect(strongestPaths(g, costs, 1, 3, 1, [1]).map((p) => p.nodes)).toEqual([[1, 3]]);
    const arb = randomGraphs(3, 4);
    fc.assert(
      fc.property(arb, ([n, arcs, k]) => {
        const h = graphOf(
          n,
          arcs.map(([a, b, w]) => [a, b, w / 5] as const),
        );
        const paths = strongestPaths(h, strengthCosts(h.weights), 0, n - 1, k, [1]);
        const expected = allPathStrengths(h, 0, n - 1, [1]).slice(0, k);
        expect(paths.map((p) => p.strength)).toEqual(expected.map((x) => expect.closeTo(x, 9)));
        for (const p of paths) expect(p.nodes.slice(1, -1)).not.toContain(1);
      }),
    );
  });
});
