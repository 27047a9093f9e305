import { type Csr, transpose } from './csr.js';
import type { Random } from './random.js';

/**
 * Draws one shortest path, uniformly among all shortest paths from s to t, by a balanced
 * bidirectional BFS (KADABRA's sampler, Borassi & Natale 2016): a ball grows from s along
 * out-ties and one from t along in-ties, always the one whose next level is cheaper, until they
 * touch. On small-world graphs the two balls stay far smaller than one full BFS. Unweighted
 * (hop counts) only. Scratch arrays are allocated once and reset per draw.
 */
export class PathSampler {
  private readonly reverse: Csr;
  private readonly mark: Int32Array;
  private readonly sigma: Float64Array;
  private readonly queue: Int32Array;
  private meetFrom = new Int32Array(64);
  private meetTo = new Int32Array(64);

  constructor(
    private readonly g: Csr,
    reverse?: Csr,
  ) {
    this.reverse = reverse ?? transpose(g);
    this.mark = new Int32Array(g.n);
    this.sigma = new Float64Array(g.n);
    this.queue = new Int32Array(g.n);
  }

  /**
   * Calls `visit` with every node strictly inside one shortest s→t path drawn uniformly at
   * random; returns the path's number of ties, or -1 when t cannot be reached from s.
   */
  sample(s: number, t: number, random: Random, visit: (node: number) => void): number {
    const { g, reverse, mark, sigma, queue } = this;
    // mark packs side and distance into one read per tie: d+1 on s's side, −(d+1) on t's.
    mark[s] = 1;
    mark[t] = -1;
    sigma[s] = sigma[t] = 1;
    queue[0] = s;
    queue[1] = t;
    let end = 2;
    // Each side's current frontier is a slice of the queue; its cost is the ties it would scan.
    let fStart = 0;
    let fEnd = 1;
    let bStart = 1;
    let bEnd = 2;
    let fCost = g.starts[s + 1]! - g.starts[s]!;
    let bCost = reverse.starts[t + 1]! - reverse.starts[t]!;
    let meetings = 0;
    while (meetings === 0) {
      const forward = fCost <= bCost;
      const { starts, targets } = forward ? g : reverse;
      const sign = forward ? 1 : -1;
      const from = forward ? fStart : bStart;
      const to = forward ? fEnd : bEnd;
      const levelStart = end;
      let cost = 0;
      for (let i = from; i < to; i++) {
        const x = queue[i]!;
        const next = mark[x]! + sign;
        const sx = sigma[x]!;
        for (let e = starts[x]!, stop = starts[x + 1]!; e < stop; e++) {
          const y = targets[e]!;
          const my = mark[y]!;
          if (my === 0) {
            mark[y] = next;
            sigma[y] = sx;
            queue[end++] = y;
            cost += starts[y + 1]! - starts[y]!;
          } else if (my === next) {
            sigma[y]! += sx;
          } else if (my * sign < 0) {
            // The balls touch: x–y is the middle tie of some shortest paths. Every such y lies
            // on the other ball's frontier (an inner node of that ball would have met x when it
            // was expanded), so all meetings of this level close paths of the same length.
            if (forward) this.meet(meetings++, x, y);
            else this.meet(meetings++, y, x);
          }
        }
      }
      if (forward) {
        fStart = levelStart;
        fEnd = end;
        fCost = cost;
      } else {
        bStart = levelStart;
        bEnd = end;
        bCost = cost;
      }
      if (meetings === 0 && levelStart === end) break;
    }
    let length = -1;
    if (meetings > 0) length = this.draw(meetings, random, visit);
    for (let i = 0; i < end; i++) mark[queue[i]!] = 0;
    return length;
  }

  private meet(i: number, x: number, y: number): void {
    if (i === this.meetFrom.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.meetFrom = grow(this.meetFrom);
      this.meetTo = grow(this.meetTo);
    }
    this.meetFrom[i] = x;
    this.meetTo[i] = y;
  }

  /** Picks a middle tie in proportion to the paths through it, then walks back to both ends. */
  private draw(meetings: number, random: Random, visit: (node: number) => void): number {
    const { sigma, meetFrom, meetTo } = this;
    let total = 0;
    for (let i = 0; i < meetings; i++) total += sigma[meetFrom[i]!]! * sigma[meetTo[i]!]!;
    let pick = random() * total;
    let chosen = meetings - 1;
    for (let i = 0; i < meetings; i++) {
      pick -= sigma[meetFrom[i]!]! * sigma[meetTo[i]!]!;
      if (pick < 0) {
        chosen = i;
        break;
      }
    }
    const x = meetFrom[chosen]!;
    const y = meetTo[chosen]!;
    // x is reached from s, so its predecessors are among its in-ties; y leads to t along out-ties.
    return this.walkBack(x, this.reverse, random, visit) + this.walkBack(y, this.g, random, visit) + 1;
  }

  /** From `node` back to its ball's root, choosing each predecessor in proportion to its paths. */
  private walkBack(node: number, graph: Csr, random: Random, visit: (node: number) => void): number {
    const { mark, sigma } = this;
    const { starts, targets } = graph;
    const sign = mark[node]! > 0 ? 1 : -1;
    const hops = mark[node]! * sign - 1;
    let v = node;
    while (mark[v] !== sign) {
      visit(v);
      const want = mark[v]! - sign;
      let pick = random() * sigma[v]!;
      let chosen = -1;
      for (let e = starts[v]!, stop = starts[v + 1]!; e < stop; e++) {
        const p = targets[e]!;
        if (mark[p] !== want) continue;
        chosen = p;
        pick -= sigma[p]!;
        if (pick < 0) break;
      }
      v = chosen;
    }
    return hops;
  }
}
