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
