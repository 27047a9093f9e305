import type { Csr } from '../../analytics/index.js';
import { stepPenalty, type WalkOrg } from '../../domain/walk-steps.js';

/**
 * The cost of each hop of the walk graph: the tie's −log strength plus the penalty of its step
 * (up, down, over a head, around a gatekeeper), so the cheapest path is the one a person would walk.
 * Strengths must lie in (0, 1].
 */
export function walkCosts(g: Csr, strengths: Float64Array, org: WalkOrg): Float64Array {
  const costs = new Float64Array(g.targets.length);
  for (let u = 0; u < g.n; u++) {
    for (let e = g.starts[u]!; e < g.starts[u + 1]!; e++) {
      const s = strengths[e]!;
      if (!(s > 0 && s <= 1)) throw new RangeError(`tie strength ${s} at position ${e} is outside (0, 1]`);
      costs[e] = -Math.log(s) + stepPenalty(org, u, g.targets[e]!);
    }
  }
  return costs;
}
