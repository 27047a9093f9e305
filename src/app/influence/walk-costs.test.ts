import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphOf } from '../../../test/analytics-fixtures.js';
import { type Csr, strongestPaths, symmetrize } from '../../analytics/index.js';
import { stepOf, type WalkOrg, walkOrg } from '../../domain/walk-steps.js';
import { walkCosts } from './walk-costs.js';

/** The cheapest simple path cost from s to t by exhaustive search, not through `avoid`. */
function cheapestByHand(g: Csr, costs: Float64Array, s: number, t: number, avoid = -1): number {
  let best = Number.POSITIVE_INFINITY;
  const on = new Uint8Array(g.n);
  if (avoid !== s && avoid !== t && avoid >= 0) on[avoid] = 1;
  const walk = (v: number, cost: number) => {
    if (v === t) {
      best = Math.min(best, cost);
      return;
    }
    on[v] = 1;
    for (let e = g.starts[v]!; e < g.starts[v + 1]!; e++)
      if (!on[g.targets[e]!]) walk(g.targets[e]!, cost + costs[e]!);
    on[v] = 0;
  };
  walk(s, 0);
  return best;
}

/**
 * Small random organisations: each person may have a manager among those before them (a tree),
 * some are assistants or chiefs of staff to their manager; undirected ties of weight 1–5 between
 * any two, reporting lines among them.
 */
const orgs = fc.integer({ min: 2, max: 7 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    managers: fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
    assistants: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ties: fc.uniqueArray(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), {
      maxLength: 14,
      selector: ([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`,
    }),
    s: fc.nat(n - 1),
    t: fc.nat(n - 1),
    me: fc.integer({ min: -1, max: n - 1 }),
  }),
);

type Sample = { n: number; managers: number[]; assistants: boolean[]; ties: [number, number, number][] };
function sample(x: Sample): { g: Csr; org: WalkOrg; costs: Float64Array } {
  // A manager must come earlier, so the chart is a forest.
  const people = x.managers.map((m, i) => ({
    id: i + 1,
    managerId: m >= 0 && m < i ? m + 1 : null,
    title: x.assistants[i] ? 'Chief of Staff' : 'Engineer',
  }));
  const arcs: [number, number, number][] = x.ties.filter(([a, b]) => a !== b);
  for (const p of people) if (p.managerId !== null) arcs.push([p.id - 1, p.managerId - 1, 3]);
  const g = symmetrize(graphOf(x.n, arcs));
  let strongest = 5;
  for (const w of g.weights) strongest = Math.max(strongest, w);
  const org = walkOrg(people, (id) => id - 1);
  return {
    g,
    org,
    costs: walkCosts(
      g,
      g.weights.map((w) => w / strongest),
      org,
    ),
  };
}

const pathCost = (costs: Float64Array, edges: number[]) => edges.reduce((c, e) => c + costs[e]!, 0);

describe('walk costs: the paths a person would walk (issue 13 §6)', () => {
  it('the chosen path is the cheapest simple path that exhaustive search finds, never through me', () => {
    fc.assert(
      fc.property(orgs, (x) => {
        const { g, costs } = sample(x);
        const avoid = x.me >= 0 ? [x.me] : [];
        const [p] = strongestPaths(g, costs, x.s, x.t, 1, avoid);
        const best = cheapestByHand(g, costs, x.s, x.t, x.me);
        if (x.s === x.t) return;
        if (best === Number.POSITIVE_INFINITY) expect(p).toBeUndefined();
        else {
          expect(pathCost(costs, p!.edges)).toBeCloseTo(best, 9);
          if (x.me !== x.s && x.me !== x.t) expect(p!.nodes).not.toContain(x.me);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never goes up to a manager and back down when a lateral tie joins the ends, even one three times weaker', () => {
    fc.assert(
      fc.property(orgs, (x) => {
        const { g, org, costs } = sample(x);
        const [p] = strongestPaths(g, costs, x.s, x.t, 1);
        if (!p) return;
        for (let i = 0; i + 2 < p.nodes.length; i++) {
          const [a, m, b] = [p.nodes[i]!, p.nodes[i + 1]!, p.nodes[i + 2]!];
          if (stepOf(org, a, m) !== 'up' || stepOf(org, m, b) !== 'down') continue;
          // A lateral tie a–b a third as strong as the weaker hop would have been cheaper: none exists.
          const weaker = Math.min(g.weights[p.edges[i]!]!, g.weights[p.edges[i + 1]!]!);
          for (let e = g.starts[a]!; e < g.starts[a + 1]!; e++)
            if (g.targets[e] === b && stepOf(org, a, b) === 'lateral')
              expect(g.weights[e]! * 3).toBeLessThan(weaker);
        }
      }),
      { numRuns: 400 },
    );
  });
});
