import type { Csr } from './csr.js';
import { PathSampler } from './path-sampler.js';
import type { Random } from './random.js';

export interface AdaptiveBetweennessOptions {
  /** Seeded source of the pairs and paths drawn: same seed, same graph, same answer. */
  readonly random: Random;
  /** Probability that every node's true score lies inside its interval at once. */
  readonly confidence?: number;
  /** How many of the highest scores the stopping rule watches (the brokers a report lists). */
  readonly top?: number;
  /**
   * Sampling stops once each of the `top` highest scores is known to within this fraction of
   * itself, or to within `absoluteError`, whichever is looser.
   */
  readonly relativeError?: number;
  /** See relativeError; on NetworkX's normalised scale. */
  readonly absoluteError?: number;
  /** A hard cap on the paths drawn, whatever precision has been reached by then. */
  readonly maxSamples?: number;
  /** The first checkpoint of the stopping rule; later ones grow by half each time. */
  readonly firstCheck?: number;
}

export interface AdaptiveBetweennessResult {
  /** Estimates, normalised as NetworkX's betweenness_centrality (directed). */
  readonly scores: Float64Array;
  /** Per node, the interval that holds the true score; all at once with probability `confidence`. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** The widest distance from an estimate to either end of its interval, over all nodes. */
  readonly errorBound: number;
  readonly confidence: number;
  /** Shortest paths drawn (one bidirectional search each). */
  readonly samples: number;
  /** True when the watched scores reached the asked precision before maxSamples. */
  readonly converged: boolean;
}

// absoluteError 0.01: on 100k people / 900k ties the rule stops after 4,608 paths with every
// person within ±0.008 at 95 % (20× tighter than the ±0.17 of 256 Brandes pivots) in a tenth of
// the time 0.002 took (52,488 paths, ±0.002); BENCHMARKS.md, issue 11.
export const ADAPTIVE_DEFAULTS = {
  confidence: 0.95,
  top: 10,
  relativeError: 0.2,
  absoluteError: 0.01,
  maxSamples: 1_000_000,
  firstCheck: 2_048,
} as const;

/**
 * Betweenness estimated from random shortest paths, with a stopping rule (after KADABRA,
 * Borassi & Natale 2016, and ABRA, Riondato & Upfal 2016). Each draw picks an ordered pair s≠t
 * uniformly and one of its shortest paths uniformly; a node's share of draws that pass through
 * it is then an unbiased estimate of its betweenness, and its count is binomial. At fixed
 * checkpoints each node gets a Chernoff interval from its count; the failure probability is
 * split over the nodes (union bound) and over the checkpoints (δ_j = δ/((j+1)(j+2)), summing to
 * δ), so every interval holds at whichever checkpoint the rule stops. Brokers are rare, so a few
 * tens of thousands of short bidirectional searches pin the top scores down, where Brandes
 * pivots each cost a search of the whole graph.
 */
export function adaptiveBetweenness(
  g: Csr,
  options: AdaptiveBetweennessOptions,
  reverse?: Csr,
): AdaptiveBetweennessResult {
  const o = { ...ADAPTIVE_DEFAULTS, ...options };
  const { n } = g;
  const delta = 1 - o.confidence;
  if (!(delta > 0 && delta < 1)) throw new RangeError(`confidence must lie strictly between 0 and 1`);
  const counts = new Float64Array(n);
  if (n <= 2) return finish(counts, 0, n, o.confidence, 0, true);
  const sampler = new PathSampler(g, reverse);
  const visit = (v: number) => {
    counts[v]!++;
  };
  const { random } = o;
  // Draws counted on NetworkX's scale: over ordered pairs of others, not all ordered pairs.
  const scale = n / (n - 2);
  let samples = 0;
  let checkpoint = Math.min(o.firstCheck, o.maxSamples);
  for (let j = 0; ; j++) {
    while (samples < checkpoint) {
      const s = Math.floor(random() * n);
      let t = Math.floor(random() * (n - 1));
      if (t >= s) t++;
      sampler.sample(s, t, random, visit);
      samples++;
    }
    const log = logTerm(n, j, delta);
    const done = watchedAreTight(counts, samples, log, o.top, (est) =>
      Math.max(o.relativeError * est, o.absoluteError),
    );
    if (done || samples >= o.maxSamples) return finish(counts, samples, n, o.confidence, log, done, scale);
    checkpoint = Math.min(o.maxSamples, Math.ceil(checkpoint * 1.5));
  }
}

/** ln(1/δ') for one side of one node's interval at checkpoint j: δ_j split over n nodes × 2 sides. */
const logTerm = (n: number, j: number, delta: number) => Math.log((2 * n * (j + 1) * (j + 2)) / delta);

function watchedAreTight(
  counts: Float64Array,
  samples: number,
  log: number,
  top: number,
  allowed: (estimate: number) => number,
): boolean {
  // The k-th largest count, by a running minimum over the best k (k is small).
  const best = topCounts(counts, top);
  for (const c of best) {
    const est = c / samples;
    const [lo, hi] = binomialInterval(c, samples, log);
    if (Math.max(est - lo, hi - est) > allowed(est)) return false;
  }
  return true;
}

/** The `k` largest values, in no particular order. */
function topCounts(values: Float64Array, k: number): number[] {
  const best: number[] = [];
  let min = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (best.length < k) {
      best.push(v);
      if (best.length === k) min = Math.min(...best);
    } else if (v > min) {
      best[best.indexOf(min)] = v;
      min = Math.min(...best);
    }
  }
  return best;
}

function finish(
  counts: Float64Array,
  samples: number,
  n: number,
  confidence: number,
  log: number,
  converged: boolean,
  scale = 1,
): AdaptiveBetweennessResult {
  const scores = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  // Intervals depend only on the count: compute each distinct one once.
  const memo = new Map<number, readonly [number, number]>();
  let errorBound = 0;
  for (let v = 0; v < n; v++) {
    const c = counts[v]!;
    if (samples === 0) break;
    let interval = memo.get(c);
    if (!interval) {
      interval = binomialInterval(c, samples, log);
      memo.set(c, interval);
    }
    const est = (c / samples) * scale;
    scores[v] = est;
    lower[v] = interval[0] * scale;
    upper[v] = Math.min(1, interval[1] * scale);
    errorBound = Math.max(errorBound, est - lower[v]!, upper[v]! - est);
  }
  return { scores, lower, upper, errorBound, confidence, samples, converged };
}

/** Kullback–Leibler divergence between Bernoulli(q) and Bernoulli(p). */
function kl(q: number, p: number): number {
  const a = q === 0 ? 0 : q * Math.log(q / p);
  const b = q === 1 ? 0 : (1 - q) * Math.log((1 - q) / (1 - p));
  return a + b;
}

/**
 * The p whose Chernoff tail bound exp(−k·KL(c/k ‖ p)) equals exp(−log) on each side of c/k:
 * P(true p outside) ≤ 2·exp(−log). Exact inversion by bisection; tighter than Hoeffding or
 * Bernstein for the small proportions betweenness has.
 */
export function binomialInterval(count: number, samples: number, log: number): readonly [number, number] {
  const q = count / samples;
  const limit = log / samples;
  let lo = 0;
  let hi = q;
  if (q > 0 && kl(q, 0) > limit) {
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (kl(q, mid) > limit) lo = mid;
      else hi = mid;
    }
  }
  const lower = q === 0 ? 0 : hi;
  lo = q;
  hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (kl(q, mid) > limit) hi = mid;
    else lo = mid;
  }
  return [lower, hi];
}
