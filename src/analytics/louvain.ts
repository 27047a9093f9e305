import type { Csr } from './csr.js';
import { type Random, shuffledRange } from './random.js';

export interface LouvainOptions {
  readonly random: Random;
  readonly resolution?: number;
  /** A level whose moves raise modularity by less than this ends the search. */
  readonly minGain?: number;
  /**
   * Local moving on a level stops once the last n visits (one pass's worth, n the level's node
   * count) raised modularity by less than this; the next level folds what was found and goes on.
   */
  readonly passGain?: number;
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
  // 1e-4: on 100k people / 900k ties this ends the long tails of levels 2 and 3 (a pass's worth
  // of visits gaining ~1e-4 each) for modularity within 0.0001 of moving to the end.
  const passGain = options.passGain ?? 1e-4;
  const labels = Int32Array.from({ length: g.n }, (_, i) => i);
  let level = g;
  let q = foldedModularity(g, resolution);
  for (;;) {
    const moved = moveNodes(level, resolution, options.random, passGain);
    if (moved.count === level.n) break;
    for (let i = 0; i < labels.length; i++) labels[i] = moved.labels[labels[i]!]!;
    level = aggregate(level, moved.labels, moved.count);
    const nextQ = foldedModularity(level, resolution);
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
function moveNodes(
  g: Csr,
  resolution: number,
  random: Random,
  passGain: number,
): { labels: Int32Array; count: number } {
  const { n, starts, targets, weights } = g;
  const degree = new Float64Array(n);
  let m2 = 0;
  for (let u = 0; u < n; u++) {
    let k = 0;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) k += weights[e]!;
    degree[u] = k;
    m2 += k;
  }
  const community = new Int32Array(n);
  for (let u = 0; u < n; u++) community[u] = u;
  const total = degree.slice();
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
  let tail = 0;
  let size = n;
  // Modularity gained over the current pass's worth of visits (in units of m2 / 2).
  let gained = 0;
  let visits = 0;
  const enough = (passGain * m2) / 2;
  while (size > 0) {
    if (++visits === n) {
      if (gained < enough) break;
      visits = 0;
      gained = 0;
    }
    const u = queue[head]!;
    if (++head === n) head = 0;
    size--;
    queued[u] = 0;
    const own = community[u]!;
    const ku = degree[u]!;
    let touchedCount = 0;
    for (let e = starts[u]!, end = starts[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      if (v === u) continue;
      const c = community[v]!;
      if (linkTo[c] === 0) touched[touchedCount++] = c;
      linkTo[c]! += weights[e]!;
    }
    total[own]! -= ku;
    const share = (resolution * ku) / m2;
    let best = own;
    const stay = linkTo[own]! - total[own]! * share;
    let bestGain = stay;
    for (let j = 0; j < touchedCount; j++) {
      const c = touched[j]!;
      const gain = linkTo[c]! - total[c]! * share;
      if (gain > bestGain + 1e-12) {
        bestGain = gain;
        best = c;
      }
    }
    total[best]! += ku;
    for (let j = 0; j < touchedCount; j++) linkTo[touched[j]!] = 0;
    linkTo[own] = 0;
    if (best === own) continue;
    gained += bestGain - stay;
    community[u] = best;
    for (let e = starts[u]!, end = starts[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      if (queued[v] || community[v] === best) continue;
      queued[v] = 1;
      queue[tail] = v;
      if (++tail === n) tail = 0;
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

/**
 * Folds each community into one node; internal weight becomes a self-loop. Rows are written
 * community by community straight from the members' rows (members in node order, ties in first-
 * seen order, as an edge-list build would leave them), with no m-sized edge list to sort.
 */
function aggregate(g: Csr, labels: Int32Array, count: number): Csr {
  const { n, starts, targets, weights } = g;
  // Members of each community, in node order (a counting sort of the nodes by label).
  const firstMember = new Int32Array(count + 1);
  for (let u = 0; u < n; u++) firstMember[labels[u]! + 1]!++;
  for (let c = 0; c < count; c++) firstMember[c + 1]! += firstMember[c]!;
  const members = new Int32Array(n);
  const cursor = firstMember.slice(0, count);
  for (let u = 0; u < n; u++) members[cursor[labels[u]!]!++] = u;
  const outStarts = new Int32Array(count + 1);
  const outTargets = new Int32Array(targets.length);
  const outWeights = new Float64Array(targets.length);
  const seenAt = new Int32Array(count).fill(-1);
  let w = 0;
  for (let c = 0; c < count; c++) {
    const rowStart = w;
    for (let i = firstMember[c]!, stop = firstMember[c + 1]!; i < stop; i++) {
      const u = members[i]!;
      for (let e = starts[u]!, end = starts[u + 1]!; e < end; e++) {
        const d = labels[targets[e]!]!;
        const at = seenAt[d]!;
        if (at >= rowStart) {
          outWeights[at]! += weights[e]!;
        } else {
          seenAt[d] = w;
          outTargets[w] = d;
          outWeights[w++] = weights[e]!;
        }
      }
    }
    outStarts[c + 1] = w;
  }
  return { n: count, starts: outStarts, targets: outTargets.slice(0, w), weights: outWeights.slice(0, w) };
}

/** Modularity of the partition a folded graph stands for: each node a community, self-loops inside. */
function foldedModularity(g: Csr, resolution: number): number {
  const { n, starts, targets, weights } = g;
  let m2 = 0;
  let inside = 0;
  let squares = 0;
  for (let c = 0; c < n; c++) {
    let total = 0;
    for (let e = starts[c]!; e < starts[c + 1]!; e++) {
      total += weights[e]!;
      if (targets[e] === c) inside += weights[e]!;
    }
    m2 += total;
    squares += total * total;
  }
  return m2 === 0 ? 0 : inside / m2 - (resolution * squares) / (m2 * m2);
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
