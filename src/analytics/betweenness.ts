import type { Csr } from './csr.js';
import { MinHeap } from './heap.js';
import { type Random, sampleDistinct } from './random.js';

/**
 * Scratch space for one Brandes pass, allocated once per graph and reused for every source:
 * only the nodes a source reached are reset, so a pass costs O(reached + their ties).
 */
export class BrandesWorkspace {
  readonly order: Int32Array;
  readonly sigma: Float64Array;
  readonly delta: Float64Array;
  readonly hops: Int32Array;
  readonly dist: Float64Array;
  readonly heap = new MinHeap(1024);
  readonly dag: Int32Array;
  readonly dagStart: Int32Array;

  constructor(n: number, m: number) {
    this.dag = new Int32Array(m);
    this.dagStart = new Int32Array(n + 1);
    this.order = new Int32Array(n);
    this.sigma = new Float64Array(n);
    this.delta = new Float64Array(n);
    this.hops = new Int32Array(n).fill(-1);
    this.dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
  }
}

/**
 * Adds the dependencies of every source in `sources` to `into` (Brandes 2001), unnormalised.
 * `distances`, aligned with g.targets, makes shortest paths weighted (Dijkstra); without it
 * every tie has length 1 (BFS). Predecessors are never stored: in the backward sweep a node's
 * successors are exactly its out-neighbours one step further away, so the CSR suffices.
 * Kernels take a source list so callers can split the work across threads.
 */
export function accumulateBetweenness(
  g: Csr,
  sources: ArrayLike<number>,
  into: Float64Array,
  distances?: Float64Array,
  workspace: BrandesWorkspace = new BrandesWorkspace(g.n, g.targets.length),
): void {
  for (let i = 0; i < sources.length; i++) {
    const s = sources[i]!;
    if (distances) weightedPass(g, s, distances, into, workspace);
    else unweightedPass(g, s, into, workspace);
  }
}

function unweightedPass(g: Csr, s: number, into: Float64Array, ws: BrandesWorkspace): void {
  const { starts, targets } = g;
  const { order, sigma, hops, dag, dagStart } = ws;
  // Forward BFS, recording the shortest-path DAG as each node's successor list, in BFS order:
  // the backward sweep then reads only DAG ties, sequentially.
  let head = 0;
  let tail = 0;
  let dagCount = 0;
  order[tail++] = s;
  hops[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const v = order[head]!;
    dagStart[head++] = dagCount;
    const next = hops[v]! + 1;
    const sv = sigma[v]!;
    for (let e = starts[v]!, end = starts[v + 1]!; e < end; e++) {
      const w = targets[e]!;
      const hw = hops[w]!;
      if (hw < 0) {
        hops[w] = next;
        sigma[w] = sv;
        order[tail++] = w;
        dag[dagCount++] = w;
      } else if (hw === next) {
        sigma[w]! += sv;
        dag[dagCount++] = w;
      }
    }
  }
  dagStart[tail] = dagCount;
  // delta(w) = sigma(w) · Σ over DAG successors v of (1 + delta(v)) / sigma(v). Once a node's
  // term is known its sigma is no longer needed, so the term overwrites it: each DAG tie then
  // costs one read and one add, and the sweep touches one array fewer.
  for (let i = tail - 1; i >= 0; i--) {
    const w = order[i]!;
    let acc = 0;
    for (let k = dagStart[i]!, end = dagStart[i + 1]!; k < end; k++) acc += sigma[dag[k]!]!;
    const sw = sigma[w]!;
    const dw = sw * acc;
    sigma[w] = (1 + dw) / sw;
    if (w !== s) into[w]! += dw;
  }
  for (let i = 0; i < tail; i++) {
    const w = order[i]!;
    hops[w] = -1;
    sigma[w] = 0;
  }
}

function weightedPass(
  g: Csr,
  s: number,
  length: Float64Array,
  into: Float64Array,
  ws: BrandesWorkspace,
): void {
  const { starts, targets } = g;
  const { order, sigma, delta, dist, hops, heap } = ws;
  // hops doubles as "settled" here: 1 once a node's distance is final.
  let settled = 0;
  heap.clear();
  dist[s] = 0;
  sigma[s] = 1;
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (hops[v] === 1 || d > dist[v]!) continue;
    hops[v] = 1;
    order[settled++] = v;
    const sv = sigma[v]!;
    for (let e = starts[v]!, end = starts[v + 1]!; e < end; e++) {
      const w = targets[e]!;
      if (hops[w] === 1) continue;
      const alt = d + length[e]!;
      const dw = dist[w]!;
      if (alt < dw) {
        dist[w] = alt;
        sigma[w] = sv;
        heap.push(alt, w);
      } else if (alt === dw) {
        sigma[w]! += sv;
      }
    }
  }
  for (let i = settled - 1; i >= 0; i--) {
    const w = order[i]!;
    const dw = dist[w]!;
    const sw = sigma[w]!;
    let acc = 0;
    for (let e = starts[w]!, end = starts[w + 1]!; e < end; e++) {
      const v = targets[e]!;
      if (hops[v] === 1 && dist[v] === dw + length[e]! && v !== s) acc += (sw / sigma[v]!) * (1 + delta[v]!);
    }
    delta[w] = acc;
    if (w !== s) into[w]! += acc;
  }
  // Unsettled nodes may hold tentative distances too; reset every node the heap ever touched.
  for (let i = 0; i < settled; i++) {
    const w = order[i]!;
    for (let e = starts[w]!, end = starts[w + 1]!; e < end; e++) {
      const v = targets[e]!;
      dist[v] = Number.POSITIVE_INFINITY;
      sigma[v] = 0;
    }
  }
  for (let i = 0; i < settled; i++) {
    const w = order[i]!;
    hops[w] = -1;
    sigma[w] = 0;
    delta[w] = 0;
    dist[w] = Number.POSITIVE_INFINITY;
  }
}

/**
 * NetworkX's `betweenness_centrality(normalized=True)` scaling for a directed graph:
 * 1 / ((n-1)(n-2)), times n/k when only k sources were used. In place.
 */
export function normaliseBetweenness(raw: Float64Array, n: number, sourcesUsed = n): Float64Array {
  if (n <= 2) return raw;
  const scale = (1 / ((n - 1) * (n - 2))) * (n / sourcesUsed);
  for (let i = 0; i < raw.length; i++) raw[i]! *= scale;
  return raw;
}

export interface BetweennessOptions {
  /** Edge lengths aligned with g.targets; omit for hop counts. */
  readonly distances?: Float64Array;
  /** Exact (every node a source) up to this many nodes; sampled above. */
  readonly exactUpTo?: number;
  /** Number of pivot sources when sampling. */
  readonly pivots?: number;
  /** Needed only when sampling. */
  readonly random?: Random;
  /** Confidence of the reported error bound. */
  readonly confidence?: number;
}

export interface BetweennessResult {
  /** Normalised as NetworkX: a node on every shortest path between others scores 1. */
  readonly scores: Float64Array;
  readonly exact: boolean;
  readonly sources: number;
  /**
   * When sampled: with probability `confidence`, every node's estimate is within this distance
   * of its exact normalised score (Hoeffding's bound, union over all nodes). 0 when exact.
   */
  readonly errorBound: number;
  readonly confidence: number;
}

export const DEFAULT_EXACT_UP_TO = 5_000;
export const DEFAULT_PIVOTS = 256;

/** Chooses the sources: all nodes up to `exactUpTo`, else `pivots` distinct ones drawn with `random`. */
export function chooseSources(n: number, options: BetweennessOptions): Int32Array {
  const exactUpTo = options.exactUpTo ?? DEFAULT_EXACT_UP_TO;
  if (n <= exactUpTo) return Int32Array.from({ length: n }, (_, i) => i);
  if (!options.random) throw new RangeError('sampled betweenness needs a seeded random source');
  return sampleDistinct(n, options.pivots ?? DEFAULT_PIVOTS, options.random);
}

/**
 * Hoeffding: each pivot's contribution to a node's normalised estimate lies in [0, n/(n-1)], so
 * the mean of k of them is within R·sqrt(ln(2n/δ)/(2k)) of the truth for all n nodes at once
 * with probability 1-δ. Loose but honest; it shrinks as 1/sqrt(k).
 */
export function samplingErrorBound(n: number, k: number, confidence: number): number {
  if (k >= n) return 0;
  const range = n / (n - 1);
  return range * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * k));
}

/** Betweenness of every node, in one thread. */
export function betweenness(g: Csr, options: BetweennessOptions = {}): BetweennessResult {
  const sources = chooseSources(g.n, options);
  const raw = new Float64Array(g.n);
  accumulateBetweenness(g, sources, raw, options.distances);
  return finishBetweenness(raw, g.n, sources.length, options.confidence);
}

/** Scales summed dependencies and attaches the error bound; shared with the parallel runner. */
export function finishBetweenness(
  raw: Float64Array,
  n: number,
  sources: number,
  confidence = 0.95,
): BetweennessResult {
  return {
    scores: normaliseBetweenness(raw, n, sources),
    exact: sources >= n,
    sources,
    errorBound: samplingErrorBound(n, sources, confidence),
    confidence,
  };
}
