import { type BuildOptions, buildCsr, type Csr, mergeParallel } from './csr.js';

/** Ties as a store reads them: parallel typed arrays keyed by person id, not by node. */
export interface TieRows {
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly weight: Float64Array;
}

/**
 * Builds the CSR straight from stored rows: `nodeOf[id]` is a person's node (−1 when absent).
 * When the rows arrive grouped by their source node — a store reading ties in person-id order
 * while people are numbered in id order — each row is placed as it is read, in one pass with
 * no intermediate edge list; otherwise it falls back to buildCsr's counting sort. Either way
 * the result equals buildCsr on the same ties.
 */
export function csrFromRows(n: number, nodeOf: Int32Array, rows: TieRows, options: BuildOptions = {}): Csr {
  const { from, to, weight } = rows;
  const m = from.length;
  if (to.length !== m || weight.length !== m) throw new RangeError('tie row arrays differ in length');
  const keepLoops = options.selfLoops === 'keep';
  const starts = new Int32Array(n + 1);
  const targets = new Int32Array(m);
  const weights = new Float64Array(m);
  let placed = 0;
  let current = -1;
  for (let e = 0; e < m; e++) {
    const u = node(nodeOf, from[e]!, e);
    const v = node(nodeOf, to[e]!, e);
    if (u === v && !keepLoops) continue;
    if (u < current) return buildCsr(mapped(nodeOf, rows, n), options);
    while (current < u) starts[++current] = placed;
    targets[placed] = v;
    weights[placed++] = weight[e]!;
  }
  while (current < n) starts[++current] = placed;
  const t = placed === m ? targets : targets.subarray(0, placed);
  const w = placed === m ? weights : weights.subarray(0, placed);
  if (options.parallel === 'keep') return { n, starts, targets: t, weights: w };
  return { n, ...mergeParallel(n, starts, t, w) };
}

function node(nodeOf: Int32Array, id: number, row: number): number {
  const u = id >= 0 && id < nodeOf.length ? nodeOf[id]! : -1;
  if (u < 0) throw new RangeError(`tie row ${row} names person ${id}, who is not in the network`);
  return u;
}

function mapped(nodeOf: Int32Array, rows: TieRows, n: number) {
  const m = rows.from.length;
  const from = new Int32Array(m);
  const to = new Int32Array(m);
  for (let e = 0; e < m; e++) {
    from[e] = node(nodeOf, rows.from[e]!, e);
    to[e] = node(nodeOf, rows.to[e]!, e);
  }
  return { n, from, to, weight: rows.weight };
}
