import { buildCsr, type Csr } from './csr.js';
import { type Random, shuffledRange } from './random.js';

export interface LouvainOptions {
  readonly random: Random;
  readonly resolution?: number;
  /** A level whose moves raise modularity by less than this ends the search. */
  readonly minGain?: number;
}

export interface Communities {
  /** Community of every node, numbered 0.. by decreasing size (ties: smallest member first). */
  readonly labels: Int32Array;
  readonly count: number;
  readonly modularity: number;
}

/**
 * Louvain community detection (Blondel et al. 2008) on an undirected weighted graph given as a
 * symmetric CSR (see symmetrize). Each level moves nodes, in an order drawn from the seeded
 * random source, to the neighbouring community with the best modularity gain until none helps,
 * then folds communities into nodes. Same seed, same graph, same answer.
 */
export function louvain(g: Csr, options: LouvainOptions): Communities {
  const resolution = options.resolution ?? 1;
  const minGain = options.minGain ?? 1e-7;
  const labels = Int32Array.from({ length: g.n }, (_, i) => i);
  let level = g;
  let q = modularity(g, labels, resolution);
  for (;;) {
    const moved = moveNodes(level, resolution, options.random);
    if (moved.count === level.n) break;
    for (let i = 0; i < labels.length; i++) labels[i] = moved.labels[labels[i]!]!;
    const nextQ = modularity(g, labels, resolution);
    level = aggregate(level, moved.labels, moved.count);
    if (nextQ - q < minGain) {
      q = nextQ;
      break;
    }
    q = nextQ;
  }
  const ordered = orderBySize(labels);
  return {
    labels: ordered.labels,
    count: ordered.count,
    modularity: modularity(g, ordered.labels, resolution),
  };
}

/** One level of local moving; returns dense labels 0..count-1 for the nodes of `g`. */
function moveNodes(g: Csr, resolution: number, random: Random): { labels: Int32Array; count: number } {
  const { n, starts, targets, weights } = g;
  const degree = new Float64Array(n);
  let m2 = 0;
  for (let u = 0; u < n; u++) {
    let k = 0;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) k += weights[e]!;
    degree[u] = k;
    m2 += k;
  }
  const community = Int32Array.from({ length: n }, (_, i) => i);
  const total = Float64Array.from(degree);
  if (m2 === 0) return { labels: community, count: n };
  const linkTo = new Float64Array(n);
  const touched = new Int32Array(n);
  // A queue of nodes to visit (Traag et al.'s fast local moving, from Leiden): every node once
  // in a seeded random order, then only neighbours of nodes that moved. Same fixed point as
  // sweeping everything until nothing moves, for a fraction of the visits.
  const queue = new Int32Array(n);
  const queued = new Uint8Array(n).fill(1);
  queue.set(shuffledRange(n, random));
  let head = 0;
  let size = n;
  while (size > 0) {
    const u = queue[head]!;
    head = head + 1 === n ? 0 : head + 1;
    size--;
    queued[u] = 0;
    const own = community[u]!;
    const ku = degree[u]!;
    let touchedCount = 0;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) {
      const v = targets[e]!;
      if (v === u) continue;
      const c = community[v]!;
      if (linkTo[c] === 0) touched[touchedCount++] = c;
      linkTo[c]! += weights[e]!;
    }
    total[own]! -= ku;
    let best = own;
    let bestGain = linkTo[own]! - (resolution * total[own]! * ku) / m2;
    for (let j = 0; j < touchedCount; j++) {
      const c = touched[j]!;
      const gain = linkTo[c]! - (resolution * total[c]! * ku) / m2;
      if (gain > bestGain + 1e-12) {
        bestGain = gain;
        best = c;
      }
    }
    total[best]! += ku;
    for (let j = 0; j < touchedCount; j++) linkTo[touched[j]!] = 0;
    linkTo[own] = 0;
    if (best === own) continue;
    community[u] = best;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) {
      const v = targets[e]!;
      if (queued[v] || community[v] === best) continue;
      queued[v] = 1;
      queue[(head + size) % n] = v;
      size++;
    }
  }
  const dense = new Int32Array(n).fill(-1);
  let count = 0;
  for (let u = 0; u < n; u++) {
    const c = community[u]!;
    if (dense[c] === -1) dense[c] = count++;
    community[u] = dense[c]!;
  }
  return { labels: community, count };
}

/** Folds each community into one node; internal weight becomes a self-loop. */
function aggregate(g: Csr, labels: Int32Array, count: number): Csr {
  const m = g.targets.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let u = 0; u < g.n; u++) {
    for (let e = g.starts[u]!; e < g.starts[u + 1]!; e++) {
      from[e] = labels[u]!;
      to[e] = labels[g.targets[e]!]!;
    }
  }
  return buildCsr({ n: count, from, to, weight: g.weights }, { parallel: 'sum', selfLoops: 'keep' });
}

/**
 * Newman's modularity of a partition of a symmetric CSR, equal to NetworkX's
 * `community.modularity` on the undirected graph.
 */
export function modularity(g: Csr, labels: Int32Array, resolution = 1): number {
  const { n, starts, targets, weights } = g;
  let count = 0;
  for (let u = 0; u < n; u++) count = Math.max(count, labels[u]! + 1);
  const inside = new Float64Array(count);
  const total = new Float64Array(count);
  let m2 = 0;
  for (let u = 0; u < n; u++) {
    const c = labels[u]!;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) {
      const w = weights[e]!;
      total[c]! += w;
      m2 += w;
      if (labels[targets[e]!] === c) inside[c]! += w;
    }
  }
  if (m2 === 0) return 0;
  let q = 0;
  for (let c = 0; c < count; c++) q += inside[c]! / m2 - resolution * (total[c]! / m2) ** 2;
  return q;
}

function orderBySize(labels: Int32Array): { labels: Int32Array; count: number } {
  const size = new Map<number, number>();
  const firstMember = new Map<number, number>();
  labels.forEach((c, u) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!firstMember.has(c)) firstMember.set(c, u);
  });
  const ranked = [...size.keys()].sort(
    (a, b) => size.get(b)! - size.get(a)! || firstMember.get(a)! - firstMember.get(b)!,
  );
  const rank = new Map(ranked.map((c, i) => [c, i]));
  return { labels: labels.map((c) => rank.get(c)!), count: ranked.length };
}
