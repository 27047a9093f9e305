import { type Csr, strengthCosts, strongestPaths, transpose } from '../../analytics/index.js';
import { parseInput } from '../../contract/common.js';
import { CoalitionInput, type InfluencePath, PathInput } from '../../contract/influence.js';
import { type Explanation, explain } from '../../domain/explanation.js';
import type { GoBetween } from '../../domain/go-between.js';
import { MAX_TIE_WEIGHT, TIE_SOURCES } from '../../domain/influence.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { initiativeMap } from '../map/stakeholder-map.js';
import { goBetweensFor } from '../relationship/go-betweens.js';
import { kindOf, loadNetwork, type Network, sourceOf } from './network.js';

/**
 * The network seen as "who influences whom": a tie "A seeks B" becomes B → A, so a path from X
 * to Y is a chain of people each of whom sways the next, from X to Y.
 */
function influenceGraph(net: Network): { g: Csr; costs: Float64Array; strongest: number } {
  const g = transpose(net.graph);
  // Merged ties can exceed the top declared weight (advice and meetings between the same two);
  // dividing by the strongest keeps strengths in (0, 1] without flattening the strong ones to 1.
  let strongest = MAX_TIE_WEIGHT;
  for (const w of g.weights) strongest = Math.max(strongest, w);
  return { g, costs: strengthCosts(g.weights.map((w) => w / strongest)), strongest };
}

/**
 * The ties behind one hop, each as an explanation. `personIds` is [influenced, influencer]:
 * "A goes to B for advice" has A first.
 */
function explainHop(net: Network, influencer: number, influenced: number): Explanation[] {
  const why: Explanation[] = [];
  const { from, to, source, kind, weight } = net.raw;
  const a = net.people[influenced]!.name;
  const b = net.people[influencer]!.name;
  const personIds = [net.people[influenced]!.id, net.people[influencer]!.id];
  const me = net.people.find((p) => p.id === net.me)?.name;
  for (let e = 0; e < from.length; e++) {
    if (from[e] !== influenced || to[e] !== influencer) continue;
    const w = Math.round(weight[e]! * 10) / 10;
    const params = { personIds, weight: w };
    switch (sourceOf(source[e]!)) {
      case 'declared': {
        const k = kindOf(kind[e]!);
        why.push(
          k === 'advice'
            ? explain('seeks-advice', params, `${a} goes to ${b} for advice (${w})`)
            : k === 'trust'
              ? explain('trusts', params, `${a} trusts ${b} (${w})`)
              : explain('influences', params, `${b} influences ${a} (${w})`),
        );
        break;
      }
      case 'reporting':
        why.push(explain('reports-to', { personIds }, `${a} reports to ${b}`));
        break;
      case 'meetings':
        why.push(explain('shares-meetings', params, `${a} and ${b} share meetings (${w})`));
        break;
      case 'mine':
        why.push(
          explain(
            'interacts-with-me',
            params,
            `${[a, b].map((x) => (x === me ? `you (${x})` : x)).join(' and ')} interact (${w}, from your log)`,
          ),
        );
        break;
    }
  }
  return why;
}

function toPath(
  net: Network,
  nodes: number[],
  strength: number,
  g: Csr,
  edges: number[],
  strongest: number,
): InfluencePath {
  const person = (i: number) => ({ id: net.people[i]!.id, name: net.people[i]!.name });
  return {
    strength,
    people: nodes.map(person),
    hops: edges.map((e, i) => ({
      from: person(nodes[i]!),
      to: person(nodes[i + 1]!),
      strength: g.weights[e]! / strongest,
      why: explainHop(net, nodes[i]!, nodes[i + 1]!),
    })),
  };
}

/** I am never a relay in someone else's chain: a path may start or end with me, not pass through. */
const notThroughMe = (net: Network): number[] => {
  const me = net.me === null ? undefined : net.index.indexOf(net.me);
  return me === undefined ? [] : [me];
};

/** The k strongest distinct influence paths from one person to another, each hop explained. */
export async function influencePaths(r: Rapport, raw: PathInput): Promise<InfluencePath[]> {
  const opts = parseInput(PathInput, raw);
  const k = opts.k;
  const fromId = await resolvePersonId(r.store, r.ws, opts.from);
  const toId = await resolvePersonId(r.store, r.ws, opts.to);
  const net = await loadNetwork(r, TIE_SOURCES);
  const { g, costs, strongest } = influenceGraph(net);
  const s = net.index.indexOf(fromId)!;
  const t = net.index.indexOf(toId)!;
  return strongestPaths(g, costs, s, t, k, notThroughMe(net)).map((p) =>
    toPath(net, p.nodes, p.strength, g, p.edges, strongest),
  );
}

export interface CoalitionLine {
  convert: { id: number; name: string; influence: number; stance: number };
  /** The strongest path from any champion or ally to this person, or null when none reaches them. */
  path: InfluencePath | null;
  /**
   * Who I could ask to carry the conversation: the go-between `ask` names for this person on this
   * initiative (one model for both), or null when nobody tied to them holds credit with me.
   */
  goBetween: GoBetween | null;
}

/**
 * For everyone in an initiative's convert quadrant (high influence, against), and everyone at
 * risk of joining it (high influence, not yet against, stance falling since the last
 * assessment), the strongest influence path from a current champion or ally and the go-between
 * `ask` would name: who could carry the conversation.
 */
export async function coalition(
  r: Rapport,
  raw: CoalitionInput,
): Promise<{ initiative: string; lines: CoalitionLine[]; atRisk: CoalitionLine[] }> {
  const map = await initiativeMap(r, { initiative: parseInput(CoalitionInput, raw).initiative });
  const supporters = [...map.quadrants.champion, ...map.quadrants.ally];
  const [people, me] = await Promise.all([r.store.relationship.people(r.ws), r.store.workspaces.me(r.ws)]);
  const everyone = Object.values(map.quadrants).flat();
  const stances = new Map(everyone.map((p) => [p.id, { influence: p.influence, stance: p.stance }]));
  const net = await loadNetwork(r, TIE_SOURCES);
  const { g, costs, strongest } = influenceGraph(net);
  const lineFor = async (c: (typeof everyone)[number]): Promise<CoalitionLine> => {
    const t = net.index.indexOf(c.id)!;
    let best: InfluencePath | null = null;
    for (const s of supporters) {
      const p = strongestPaths(g, costs, net.index.indexOf(s.id)!, t, 1, notThroughMe(net))[0];
      if (p && (!best || p.strength > best.strength))
        best = toPath(net, p.nodes, p.strength, g, p.edges, strongest);
    }
    const target = people.find((p) => p.id === c.id)!;
    const [goBetween] = await goBetweensFor(r, target, { people, me, stances, escalate: false });
    return {
      convert: { id: c.id, name: c.name, influence: c.influence, stance: c.stance },
      path: best,
      goBetween: goBetween ?? null,
    };
  };
  const lines: CoalitionLine[] = [];
  for (const c of map.quadrants.convert) lines.push(await lineFor(c));
  const atRisk: CoalitionLine[] = [];
  for (const c of map.quadrants.neutral)
    if (c.influence >= map.thresholds.influence && c.trend !== null && c.trend.stance < 0)
      atRisk.push(await lineFor(c));
  return { initiative: map.initiative, lines, atRisk };
}
