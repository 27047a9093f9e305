import type { Csr } from './csr.js';

export interface PageRankOptions {
  /** Probability of following a tie rather than jumping anywhere. */
  readonly damping?: number;
  /** Per-node tolerance: stops when the L1 change of an iteration is below n × tolerance. */
  readonly tolerance?: number;
  readonly maxIterations?: number;
}

export interface PageRankResult {
  /** One score per node, summing to 1. */
  readonly scores: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
}

/**
 * Weighted PageRank with NetworkX's semantics (`nx.pagerank`): each node's out-weights are
 * normalised to sum to 1, nodes without out-weight (dangling) spread their mass uniformly, the
 * teleport is uniform, the power iteration starts uniform and stops when the L1 change is
 * below n × tolerance, and the result is renormalised to sum to 1. Same iteration, same stopping
 * rule, so results agree with NetworkX to rounding rather than merely to the tolerance.
 */
export function pagerank(g: Csr, options: PageRankOptions = {}): PageRankResult {
  const alpha = options.damping ?? 0.85;
  const tol = options.tolerance ?? 1e-10;
  const maxIterations = options.maxIterations ?? 100;
  const { n, starts, targets, weights } = g;
  if (n === 0) return { scores: new Float64Array(0), iterations: 0, converged: true };

  // Row-normalised weights, computed once: the inner loop is then one multiply-add per tie.
  const norm = new Float64Array(targets.length);
  const dangling: number[] = [];
  for (let u = 0; u < n; u++) {
    let sum = 0;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) sum += weights[e]!;
    if (sum === 0) dangling.push(u);
    else for (let e = starts[u]!; e < starts[u + 1]!; e++) norm[e] = weights[e]! / sum;
  }
  const danglingNodes = Int32Array.from(dangling);

  let x = new Float64Array(n).fill(1 / n);
  let next = new Float64Array(n);
  const teleport = (1 - alpha) / n;
  for (let it = 1; it <= maxIterations; it++) {
    let danglingMass = 0;
    for (let i = 0; i < danglingNodes.length; i++) danglingMass += x[danglingNodes[i]!]!;
    next.fill(0);
    for (let u = 0; u < n; u++) {
      const xu = x[u]!;
      if (xu === 0) continue;
      for (let e = starts[u]!, end = starts[u + 1]!; e < end; e++) next[targets[e]!]! += xu * norm[e]!;
    }
    const base = (alpha * danglingMass) / n + teleport;
    let err = 0;
    for (let v = 0; v < n; v++) {
      const value = alpha * next[v]! + base;
      next[v] = value;
      err += Math.abs(value - x[v]!);
    }
    [x, next] = [next, x];
    if (err < n * tol) return { scores: normalised(x), iterations: it, converged: true };
  }
  return { scores: normalised(x), iterations: maxIterations, converged: false };
}

function normalised(x: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  for (let i = 0; i < x.length; i++) x[i]! /= sum;
  return x;
}
