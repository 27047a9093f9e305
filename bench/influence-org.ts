// A synthetic organisation for the influence benchmarks: a reporting tree (7 reports per
// manager, filled breadth first) plus advice ties whose targets follow preferential attachment,
// so a few people are sought out by many, as in real advice networks. Seeded: same seed, same org.
import { type EdgeList, seededRandom } from '../src/analytics/index.js';

export interface SyntheticOrg extends EdgeList {
  /** 1 for the top of the organisation, growing downwards. */
  readonly level: Int32Array;
  readonly manager: Int32Array;
}

export const SPAN = 7;

export function syntheticOrg(people: number, ties: number, seed = 1): SyntheticOrg {
  const random = seededRandom(seed);
  const from = new Int32Array(ties);
  const to = new Int32Array(ties);
  const weight = new Float64Array(ties);
  const level = new Int32Array(people);
  const manager = new Int32Array(people).fill(-1);
  level[0] = 1;
  let e = 0;
  // A report goes to their manager: rank flows up the reporting line.
  for (let i = 1; i < people && e < ties; i++, e++) {
    const m = Math.floor((i - 1) / SPAN);
    manager[i] = m;
    level[i] = level[m]! + 1;
    from[e] = i;
    to[e] = m;
    weight[e] = 3;
  }
  // Half the advice targets are drawn from earlier targets (so in proportion to how often each
  // was already sought), half uniformly.
  const advice = ties - e;
  const chosen = new Int32Array(advice);
  for (let a = 0; e < ties; a++, e++) {
    const u = Math.floor(random() * people);
    let v = a > 0 && random() < 0.5 ? chosen[Math.floor(random() * a)]! : Math.floor(random() * people);
    if (v === u) v = (v + 1) % people;
    chosen[a] = v;
    from[e] = u;
    to[e] = v;
    weight[e] = 1 + Math.floor(random() * 5);
  }
  return { n: people, from, to, weight, level, manager };
}
