import { describe, expect, it } from 'vitest';
import { FIXTURES, fixtureGraph, loadFixture } from '../../test/analytics-fixtures.js';
import { betweenness } from './betweenness.js';
import { symmetrize } from './csr.js';
import { louvain, modularity } from './louvain.js';
import { pagerank } from './pagerank.js';
import { seededRandom } from './random.js';

const expectClose = (actual: ArrayLike<number>, expected: readonly number[], tolerance = 1e-9) => {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    if (Math.abs(actual[i]! - expected[i]!) > tolerance) {
      throw new Error(`node ${i}: ${actual[i]} differs from NetworkX's ${expected[i]}`);
    }
  }
};

describe.each(FIXTURES)('%s agrees with NetworkX', (name) => {
  const fixture = loadFixture(name);
  const g = fixtureGraph(fixture);

  it('on weighted PageRank to 1e-9', () => {
    const result = pagerank(g);
    expect(result.converged).toBe(true);
    expectClose(result.scores, fixture.pagerank);
  });

  it('on normalised betweenness to 1e-9', () => {
    const result = betweenness(g);
    expect(result.exact).toBe(true);
    expect(result.errorBound).toBe(0);
    expectClose(result.scores, fixture.betweenness);
  });

  it.runIf(fixture.weightedBetweenness)('on betweenness with weights as distances to 1e-9', () => {
    expectClose(betweenness(g, { distances: g.weights }).scores, fixture.weightedBetweenness!);
  });

  it.runIf(fixture.partition)('on the modularity of the recorded partition', () => {
    const labels = Int32Array.from(fixture.partition!.labels);
    expect(modularity(symmetrize(g), labels)).toBeCloseTo(fixture.partition!.modularity / 1, 12);
  });
});

describe('Louvain on the karate club', () => {
  const fixture = loadFixture('karate');
  // The fixture holds both arcs of each undirected tie: already the symmetric CSR Louvain wants.
  const undirected = fixtureGraph(fixture);

  it('finds communities as good as the best NetworkX finds over 20 seeds, within 1%', () => {
    const result = louvain(undirected, { random: seededRandom(7) });
    expect(result.count).toBeGreaterThanOrEqual(3);
    expect(result.modularity).toBeGreaterThan(fixture.networkxLouvainBestModularity! * 0.99);
    expect(result.modularity).toBeCloseTo(modularity(undirected, result.labels), 12);
  });

  it('gives the same answer for the same seed', () => {
    const a = louvain(undirected, { random: seededRandom(42) });
    const b = louvain(undirected, { random: seededRandom(42) });
    expect([...a.labels]).toEqual([...b.labels]);
  });

  it('puts the two rival leaders, the instructor and the administrator, in different clusters', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const result = louvain(undirected, { random: seededRandom(seed) });
      expect(result.labels[0]).not.toBe(result.labels[33]);
    }
  });
});
