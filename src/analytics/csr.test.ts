import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr, csrFromTriples, symmetrize, transpose } from './csr.js';

const rows = (g: { n: number; starts: Int32Array; targets: Int32Array; weights: Float64Array }) =>
  Array.from({ length: g.n }, (_, u) =>
    Array.from({ length: g.starts[u + 1]! - g.starts[u]! }, (_, i) => [
      g.targets[g.starts[u]! + i],
      g.weights[g.starts[u]! + i],
    ]),
  );

describe('csr', () => {
  it('groups ties by source, sums repeated ties and drops self-ties', () => {
    const g = buildCsr({
      n: 3,
      from: Int32Array.of(2, 0, 0, 1, 0),
      to: Int32Array.of(0, 1, 2, 1, 1),
      weight: Float64Array.of(1, 2, 3, 9, 4),
    });
    expect(rows(g)).toEqual([
      [
        [1, 6],
        [2, 3],
      ],
      [],
      [[0, 1]],
    ]);
  });

  it('names the bad edge when an index is out of range', () => {
    expect(() =>
      buildCsr({ n: 2, from: Int32Array.of(0), to: Int32Array.of(5), weight: Float64Array.of(1) }),
    ).toThrow(/edge 0 \(0→5\)/);
  });

  it('reverses and symmetrises', () => {
    const g = buildCsr({
      n: 3,
      from: Int32Array.of(0, 1, 1),
      to: Int32Array.of(1, 0, 2),
      weight: Float64Array.of(1, 2, 3),
    });
    expect(rows(transpose(g))).toEqual([[[1, 2]], [[0, 1]], [[1, 3]]]);
    expect(rows(symmetrize(g))).toEqual([
      [[1, 3]],
      [
        [0, 3],
        [2, 3],
      ],
      [[1, 3]],
    ]);
  });

  it('symmetrises any graph, self-ties and parallel ties included, as the edge-list build of both directions does', () => {
    const arb = fc
      .integer({ min: 1, max: 25 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 9 })), { maxLength: 80 }),
        ),
      );
    fc.assert(
      fc.property(arb, ([n, arcs]) => {
        const g = buildCsr(
          {
            n,
            from: Int32Array.from(arcs, (a) => a[0]),
            to: Int32Array.from(arcs, (a) => a[1]),
            weight: Float64Array.from(arcs, (a) => a[2]),
          },
          { parallel: 'keep', selfLoops: 'keep' },
        );
        // Both directions of every tie of g, in g's order, through the edge-list build.
        const m = g.targets.length;
        const from = new Int32Array(2 * m);
        const to = new Int32Array(2 * m);
        const weight = new Float64Array(2 * m);
        for (let u = 0; u < n; u++)
          for (let e = g.starts[u]!; e < g.starts[u + 1]!; e++) {
            from[e] = to[m + e] = u;
            to[e] = from[m + e] = g.targets[e]!;
            weight[e] = weight[m + e] = g.weights[e]!;
          }
        const both = buildCsr({ n, from, to, weight }, { selfLoops: 'keep' });
        expect(rows(symmetrize(g))).toEqual(rows(both));
      }),
    );
  });

  it('maps arbitrary ids to dense indices, listed nodes first', () => {
    const { graph, index } = csrFromTriples(
      [
        ['ann', 'bob', 1],
        ['cy', 'ann', 2],
      ],
      ['dee'],
    );
    expect(index.ids).toEqual(['dee', 'ann', 'bob', 'cy']);
    expect(index.indexOf('cy')).toBe(3);
    expect(graph.n).toBe(4);
    expect(rows(graph)[1]).toEqual([[2, 1]]);
  });
});
