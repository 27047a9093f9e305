/**
 * Compressed sparse rows: the out-edges of node u are targets[starts[u] .. starts[u+1]), with
 * their weights at the same positions. Typed arrays keep a million ties in a few megabytes and
 * let the kernels run without allocating per edge (graphology's neighborhood index is the model).
 */
export interface Csr {
  readonly n: number;
  readonly starts: Int32Array;
  readonly targets: Int32Array;
  readonly weights: Float64Array;
}

/** An edge list over nodes 0..n-1, as parallel typed arrays. */
export interface EdgeList {
  readonly n: number;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

export interface BuildOptions {
  /** Parallel edges u→v are merged into one whose weight is the sum (default) or kept apart. */
  readonly parallel?: 'sum' | 'keep';
  /** Self-loops carry no influence between people; dropped unless asked (NetworkX keeps them). */
  readonly selfLoops?: 'drop' | 'keep';
}

/** Counting sort by source, O(n + m); merging parallel edges uses a last-seen marker per target. */
export function buildCsr(edges: EdgeList, options: BuildOptions = {}): Csr {
  const { n, from, to, weight } = edges;
  const m = from.length;
  if (to.length !== m || weight.length !== m) throw new RangeError('edge arrays differ in length');
  const keepLoops = options.selfLoops === 'keep';
  const counts = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = from[e]!;
    const v = to[e]!;
    if (u < 0 || u >= n || v < 0 || v >= n)
      throw new RangeError(`edge ${e} (${u}→${v}) is outside 0..${n - 1}`);
    if (u === v && !keepLoops) continue;
    counts[u + 1]!++;
  }
  for (let u = 0; u < n; u++) counts[u + 1]! += counts[u]!;
  const total = counts[n]!;
  const cursor = counts.slice(0, n);
  const targets = new Int32Array(total);
  const weights = new Float64Array(total);
  for (let e = 0; e < m; e++) {
    const u = from[e]!;
    const v = to[e]!;
    if (u === v && !keepLoops) continue;
    const at = cursor[u]!++;
    targets[at] = v;
    weights[at] = weight[e]!;
  }
  if (options.parallel === 'keep') return { n, starts: counts, targets, weights };
  return { n, ...mergeParallel(n, counts, targets, weights) };
}

/** Merges repeated ties within each row of a CSR, summing their weights; in place, trimmed copies when shorter. */
export function mergeParallel(n: number, starts: Int32Array, targets: Int32Array, weights: Float64Array) {
  const seenAt = new Int32Array(n).fill(-1);
  const outStarts = new Int32Array(n + 1);
  let w = 0;
  for (let u = 0; u < n; u++) {
    const rowStart = w;
    for (let e = starts[u]!; e < starts[u + 1]!; e++) {
      const v = targets[e]!;
      const at = seenAt[v]!;
      if (at >= rowStart) {
        weights[at]! += weights[e]!;
      } else {
        seenAt[v] = w;
        targets[w] = v;
        weights[w] = weights[e]!;
        w++;
      }
    }
    outStarts[u + 1] = w;
  }
  if (w === targets.length) return { starts: outStarts, targets, weights };
  return { starts: outStarts, targets: targets.slice(0, w), weights: weights.slice(0, w) };
}

/** The same graph with every edge reversed: in-edges become rows. */
export function transpose(g: Csr): Csr {
  const m = g.targets.length;
  const from = new Int32Array(m);
  for (let u = 0; u < g.n; u++) from.fill(u, g.starts[u]!, g.starts[u + 1]!);
  return buildCsr(
    { n: g.n, from: g.targets, to: from, weight: g.weights },
    { parallel: 'keep', selfLoops: 'keep' },
  );
}

/**
 * The undirected view used for communities: u–v carries the sum of the weights of u→v and v→u,
 * stored in both rows. Placed straight from the rows (each row's own ties first, then the ties
 * into it in source order, as an edge-list build would order them) without a 2m edge list.
 */
export function symmetrize(g: Csr): Csr {
  const { n, starts, targets, weights } = g;
  const m = targets.length;
  const counts = new Int32Array(n + 1);
  for (let u = 0; u < n; u++) counts[u + 1] = starts[u + 1]! - starts[u]!;
  for (let e = 0; e < m; e++) counts[targets[e]! + 1]!++;
  for (let u = 0; u < n; u++) counts[u + 1]! += counts[u]!;
  const cursor = counts.slice(0, n);
  const outTargets = new Int32Array(2 * m);
  const outWeights = new Float64Array(2 * m);
  for (let u = 0; u < n; u++) {
    let at = cursor[u]!;
    for (let e = starts[u]!, stop = starts[u + 1]!; e < stop; e++, at++) {
      outTargets[at] = targets[e]!;
      outWeights[at] = weights[e]!;
    }
    cursor[u] = at;
  }
  for (let u = 0; u < n; u++) {
    for (let e = starts[u]!, stop = starts[u + 1]!; e < stop; e++) {
      const at = cursor[targets[e]!]!++;
      outTargets[at] = u;
      outWeights[at] = weights[e]!;
    }
  }
  return { n, ...mergeParallel(n, counts, outTargets, outWeights) };
}

/** Maps arbitrary ids (person ids) to dense indices 0..n-1 and back. */
export class NodeIndex<Id> {
  readonly ids: Id[] = [];
  private readonly index = new Map<Id, number>();

  constructor(ids: Iterable<Id> = []) {
    for (const id of ids) this.add(id);
  }

  get size(): number {
    return this.ids.length;
  }

  add(id: Id): number {
    let i = this.index.get(id);
    if (i === undefined) {
      i = this.ids.length;
      this.index.set(id, i);
      this.ids.push(id);
    }
    return i;
  }

  indexOf(id: Id): number | undefined {
    return this.index.get(id);
  }
}

/** Builds a CSR from (from, to, weight) triples with arbitrary ids; nodes listed first keep their order. */
export function csrFromTriples<Id>(
  triples: Iterable<readonly [Id, Id, number]>,
  nodes: Iterable<Id> = [],
  options: BuildOptions = {},
): { graph: Csr; index: NodeIndex<Id> } {
  const index = new NodeIndex(nodes);
  const from: number[] = [];
  const to: number[] = [];
  const weight: number[] = [];
  for (const [a, b, w] of triples) {
    from.push(index.add(a));
    to.push(index.add(b));
    weight.push(w);
  }
  const graph = buildCsr(
    {
      n: index.size,
      from: Int32Array.from(from),
      to: Int32Array.from(to),
      weight: Float64Array.from(weight),
    },
    options,
  );
  return { graph, index };
}
