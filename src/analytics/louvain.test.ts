import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../bench/influence-org.js';
import { graphOf } from '../../test/analytics-fixtures.js';
import { buildCsr, symmetrize } from './csr.js';
import { louvain, modularity } from './louvain.js';
import { seededRandom } from './random.js';

describe('louvain', () => {
  it('separates two cliques joined by one tie', () => {
    const arcs: [number, number][] = [];
    for (const base of [0, 5])
      for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) arcs.push([base + i, base + j]);
    arcs.push([4, 5]);
    const { labels, count } = louvain(symmetrize(graphOf(10, arcs)), { random: seededRandom(1) });
    expect(count).toBe(2);
    expect(new Set(labels.slice(0, 5)).size).toBe(1);
    expect(new Set(labels.slice(5)).size).toBe(1);
    expect(labels[0]).not.toBe(labels[9]);
  });

  it('on any graph: labels are dense, the reported modularity is the partition’s, never below all-apart', () => {
    const arb = fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.tuple(
          fc.constant(n),
          fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 90 }),
          fc.integer(),
        ),
      );
    fc.assert(
      fc.property(arb, ([n, arcs, seed]) => {
        const g = symmetrize(graphOf(n, arcs));
        const result = louvain(g, { random: seededRandom(seed) });
        expect(new Set(result.labels).size).toBe(result.count);
        expect(Math.max(...result.labels)).toBe(result.count - 1);
        expect(result.modularity).toBeCloseTo(modularity(g, result.labels), 12);
        const apart = modularity(
          g,
          Int32Array.from({ length: n }, (_, i) => i),
        );
        expect(result.modularity).toBeGreaterThanOrEqual(apart - 1e-12);
      }),
    );
  });

  it('ends a level once a pass gains little, for a modularity within 0.001 of moving to the end', () => {
    const g = symmetrize(buildCsr(syntheticOrg(20_000, 200_000, 5)));
    for (const seed of [1, 2]) {
      const full = louvain(g, { random: seededRandom(seed), passGain: 0 });
      const early = louvain(g, { random: seededRandom(seed) });
      expect(early.modularity).toBeGreaterThan(full.modularity - 0.001);
    }
  });
});
