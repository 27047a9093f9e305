import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { syntheticOrg } from '../../bench/influence-org.js';
import { FIXTURES, fixtureGraph, graphOf, loadFixture } from '../../test/analytics-fixtures.js';
import { betweenness } from './betweenness.js';
import { adaptiveBetweenness, binomialInterval } from './betweenness-adaptive.js';
import { buildCsr } from './csr.js';
import { seededRandom } from './random.js';

const topK = (scores: Float64Array, k: number) =>
  [...scores.keys()].sort((a, b) => scores[b]! - scores[a]! || a - b).slice(0, k);

describe('adaptive betweenness', () => {
  it('finds the exact top 10 brokers of a seeded 20,000-person organisation within its stated bound', () => {
    const g = buildCsr(syntheticOrg(20_000, 30_000, 7));
    const exact = betweenness(g, { exactUpTo: Number.POSITIVE_INFINITY }).scores;
    const sampled = adaptiveBetweenness(g, { random: seededRandom(1) });
    const bound = sampled.errorBound;
    expect(sampled.converged).toBe(true);
    // Far fewer searches than Brandes' 20,000, and a bound far tighter than pivots gave (±0.17).
    expect(bound).toBeLessThan(0.01);
    const mine = topK(sampled.scores, 10);
    const truth = topK(exact, 10);
    const tenth = exact[truth[9]!]!;
    for (const v of mine) {
      expect(Math.abs(sampled.scores[v]! - exact[v]!)).toBeLessThanOrEqual(bound);
      expect(exact[v]).toBeGreaterThanOrEqual(sampled.lower[v]!);
      expect(exact[v]).toBeLessThanOrEqual(sampled.upper[v]!);
      // Anyone reported in place of a true top-10 broker is within twice the bound of the 10th.
      expect(exact[v]!).toBeGreaterThanOrEqual(tenth - 2 * bound);
    }
    for (const v of truth) if (!mine.includes(v)) expect(exact[v]!).toBeLessThanOrEqual(tenth + 2 * bound);
  });

  it('gives the same answer for the same seed', () => {
    const g = buildCsr(syntheticOrg(3_000, 9_000, 3));
    const a = adaptiveBetweenness(g, { random: seededRandom(4) });
    const b = adaptiveBetweenness(g, { random: seededRandom(4) });
    expect(b.samples).toBe(a.samples);
    expect([...b.scores]).toEqual([...a.scores]);
  });

  it.each(FIXTURES)('holds every exact score of %s inside its interval', (name) => {
    const g = fixtureGraph(loadFixture(name));
    const exact = betweenness(g).scores;
    const sampled = adaptiveBetweenness(g, { random: seededRandom(11), absoluteError: 0.02 });
    for (let v = 0; v < g.n; v++) {
      expect(exact[v]).toBeGreaterThanOrEqual(sampled.lower[v]! - 1e-12);
      expect(exact[v]).toBeLessThanOrEqual(sampled.upper[v]! + 1e-12);
      expect(Math.abs(sampled.scores[v]! - exact[v]!)).toBeLessThanOrEqual(sampled.errorBound + 1e-12);
    }
  });

  it('splits draws evenly between equally short routes and never credits the ends', () => {
    // 0 reaches 3 through 1 or 2; nothing else is connected, so only pairs (0,3) make a broker.
    const g = graphOf(4, [
      [0, 1],
      [0, 2],
      [1, 3],
      [2, 3],
    ]);
    const r = adaptiveBetweenness(g, { random: seededRandom(2), maxSamples: 60_000, absoluteError: 0 });
    expect(r.converged).toBe(false);
    expect(r.samples).toBe(60_000);
    // Exact: 0.5 / (3·2) each.
    expect(r.scores[1]).toBeCloseTo(1 / 12, 2);
    expect(r.scores[2]).toBeCloseTo(1 / 12, 2);
    expect(r.scores[0]).toBe(0);
    expect(r.scores[3]).toBe(0);
  });

  it('reports zero for a graph without paths through anyone', () => {
    const r = adaptiveBetweenness(graphOf(50, [[0, 1]]), { random: seededRandom(1) });
    expect(r.converged).toBe(true);
    expect(Math.max(...r.scores)).toBe(0);
    expect(r.errorBound).toBeLessThan(0.01);
  });

  it('refuses a confidence outside (0, 1)', () => {
    expect(() => adaptiveBetweenness(graphOf(5, []), { random: seededRandom(1), confidence: 1 })).toThrow(
      /confidence/,
    );
  });
});

describe('binomial interval', () => {
  it('contains the observed share, widens with a stricter level and narrows with more samples', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (k, q) => {
          const c = Math.round(q * k);
          const [lo, hi] = binomialInterval(c, k, 5);
          expect(lo).toBeLessThanOrEqual(c / k);
          expect(hi).toBeGreaterThanOrEqual(c / k);
          const [lo2, hi2] = binomialInterval(c, k, 10);
          expect(lo2).toBeLessThanOrEqual(lo + 1e-12);
          expect(hi2).toBeGreaterThanOrEqual(hi - 1e-12);
          const [lo4, hi4] = binomialInterval(4 * c, 4 * k, 5);
          expect(hi4 - lo4).toBeLessThanOrEqual(hi - lo + 1e-12);
        },
      ),
    );
  });

  it('covers the true proportion as often as promised', () => {
    // 2·e^-3 ≈ 10 % allowed misses; Chernoff is conservative, so far fewer happen.
    const random = seededRandom(8);
    let misses = 0;
    for (let trial = 0; trial < 400; trial++) {
      const p = random() * 0.05;
      let c = 0;
      for (let i = 0; i < 500; i++) if (random() < p) c++;
      const [lo, hi] = binomialInterval(c, 500, 3);
      if (p < lo || p > hi) misses++;
    }
    expect(misses).toBeLessThan(40);
  });
});
