import type { Csr } from './csr.js';
import { MinHeap } from './heap.js';

export interface Path {
  /** Node indices from source to target. */
  readonly nodes: number[];
  /** Edge positions in the CSR (g.targets), one per hop. */
  readonly edges: number[];
  /** Product of the hop strengths, in (0, 1]. */
  readonly strength: number;
}

/**
 * Costs for strongest-path search: a path's strength is the product of its ties' strengths, so
 * maximising it is minimising the sum of −log(strength). Strengths must lie in (0, 1].
 */
export function strengthCosts(strengths: Float64Array): Float64Array {
  const costs = new Float64Array(strengths.length);
  for (let e = 0; e < strengths.length; e++) {
    const s = strengths[e]!;
    if (!(s > 0 && s <= 1)) throw new RangeError(`tie strength ${s} at position ${e} is outside (0, 1]`);
    costs[e] = -Math.log(s);
  }
  return costs;
}

interface Blocked {
  readonly nodes: Uint8Array;
  readonly edges: Set<number>;
}

/** Dijkstra from s to t avoiding blocked nodes and edges; null when t is unreachable. */
function cheapestPath(
  g: Csr,
  costs: Float64Array,
  s: number,
  t: number,
  blocked: Blocked,
): { nodes: number[]; edges: number[]; cost: number } | null {
  const dist = new Map<number, number>();
  const viaEdge = new Map<number, number>();
  const viaNode = new Map<number, number>();
  const done = new Set<number>();
  const heap = new MinHeap();
  dist.set(s, 0);
  heap.push(0, s);
  while (heap.size > 0) {
    const d = heap.peekKey();
    const v = heap.pop();
    if (done.has(v) || d > dist.get(v)!) continue;
    done.add(v);
    if (v === t) break;
    for (let e = g.starts[v]!, end = g.starts[v + 1]!; e < end; e++) {
      const w = g.targets[e]!;
      if (blocked.nodes[w] || blocked.edges.has(e) || done.has(w)) continue;
      const alt = d + costs[e]!;
      const old = dist.get(w);
      if (old === undefined || alt < old) {
        dist.set(w, alt);
        viaEdge.set(w, e);
        viaNode.set(w, v);
        heap.push(alt, w);
      }
    }
  }
  if (!done.has(t)) return null;
  const nodes = [t];
  const edges: number[] = [];
  for (let v = t; v !== s; v = viaNode.get(v)!) {
    edges.push(viaEdge.get(v)!);
    nodes.push(viaNode.get(v)!);
  }
  return { nodes: nodes.reverse(), edges: edges.reverse(), cost: dist.get(t)! };
}

const pathKey = (edges: readonly number[]): string => edges.join(',');

/**
 * The k strongest loopless paths from s to t (Yen 1971), strongest first. Distinct means they
 * differ in at least one tie. Costs are −log strengths (see strengthCosts).
 */
export function strongestPaths(
  g: Csr,
  costs: Float64Array,
  s: number,
  t: number,
  k = 3,
  /** Nodes no path may pass through (they may still start or end one). */
  avoid: readonly number[] = [],
): Path[] {
  if (s === t) return [{ nodes: [s], edges: [], strength: 1 }];
  const avoided = new Uint8Array(g.n);
  for (const v of avoid) if (v !== s && v !== t) avoided[v] = 1;
  const none: Blocked = { nodes: avoided.slice(), edges: new Set() };
  const first = cheapestPath(g, costs, s, t, none);
  if (!first) return [];
  const found = [first];
  const seen = new Set([pathKey(first.edges)]);
  const candidates: { nodes: number[]; edges: number[]; cost: number }[] = [];
  while (found.length < k) {
    const last = found[found.length - 1]!;
    for (let i = 0; i < last.edges.length; i++) {
      const spur = last.nodes[i]!;
      const rootEdges = last.edges.slice(0, i);
      const blocked: Blocked = { nodes: avoided.slice(), edges: new Set() };
      for (const p of found) {
        if (p.edges.length > i && pathKey(p.edges.slice(0, i)) === pathKey(rootEdges))
          blocked.edges.add(p.edges[i]!);
      }
      for (let j = 0; j < i; j++) blocked.nodes[last.nodes[j]!] = 1;
      const tail = cheapestPath(g, costs, spur, t, blocked);
      if (!tail) continue;
      const edges = [...rootEdges, ...tail.edges];
      const key = pathKey(edges);
      if (seen.has(key)) continue;
      seen.add(key);
      let cost = 0;
      for (const e of edges) cost += costs[e]!;
      candidates.push({ nodes: [...last.nodes.slice(0, i), ...tail.nodes], edges, cost });
    }
    if (candidates.length === 0) break;
    candidates.sort((a, b) => a.cost - b.cost || a.edges.length - b.edges.length);
    found.push(candidates.shift()!);
  }
  return found.map((p) => ({
    nodes: p.nodes,
    edges: p.edges,
    strength: Math.exp(-pathCost(p.edges, costs)),
  }));
}

function pathCost(edges: readonly number[], costs: Float64Array): number {
  let cost = 0;
  for (const e of edges) cost += costs[e]!;
  return cost;
}
