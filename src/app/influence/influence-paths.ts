import { type Csr, strongestPaths, symmetrize } from '../../analytics/index.js';
import { parseInput } from '../../contract/common.js';
import {
  CoalitionInput,
  type HOP_DIRECTIONS,
  type HOP_KINDS,
  type InfluencePath,
  PathInput,
} from '../../contract/influence.js';
import type { GoBetweenView } from '../../contract/relationship.js';
import { type Explanation, explain } from '../../domain/explanation.js';
import { MAX_TIE_WEIGHT, TIE_SOURCES } from '../../domain/influence.js';
import { escalations, stepOf, type WalkOrg, walkOrg } from '../../domain/walk-steps.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { initiativeMap } from '../map/stakeholder-map.js';
import { goBetweensFor, goBetweenView } from '../relationship/go-betweens.js';
import { kindOf, loadNetwork, type Network, sourceOf } from './network.js';
import { walkCosts } from './walk-costs.js';

/**
 * The network as a person walks it: a tie lets either end reach the other ("A goes to B for
 * advice" lets A approach B, and B approach A), so the graph is undirected; a hop's words then say
 * which way the tie runs.
 */
function walkGraph(net: Network): { g: Csr; costs: Float64Array; strongest: number; org: WalkOrg } {
  const g = symmetrize(net.graph);
  // Merged ties can exceed the top declared weight (advice and meetings between the same two);
  // dividing by the strongest keeps strengths in (0, 1] without flattening the strong ones to 1.
  let strongest = MAX_TIE_WEIGHT;
  for (const w of g.weights) strongest = Math.max(strongest, w);
  // Costs are the ties' −log strengths plus the penalties of the steps a person would not take.
  const org = walkOrg(net.people, (id) => net.index.indexOf(id));
  return {
    g,
    costs: walkCosts(
      g,
      g.weights.map((w) => w / strongest),
      org,
    ),
    strongest,
    org,
  };
}

type HopKind = (typeof HOP_KINDS)[number];
type HopDirection = (typeof HOP_DIRECTIONS)[number];

/**
 * The ties behind one hop, each as an explanation whose subject is the walker: "A goes to B for
 * advice" along a tie, "A advises B" against it, so the words run the way the arrow A → B does.
 * `personIds` is [from, to]. The strongest tie gives the hop its kind and direction.
 */
function explainHop(
  net: Network,
  from: number,
  to: number,
): { why: Explanation[]; kind: HopKind; direction: HopDirection } {
  const why: Explanation[] = [];
  let best: { kind: HopKind; direction: HopDirection; weight: number } | null = null;
  const { from: tail, to: head, source, kind, weight } = net.raw;
  const a = net.people[from]!.name;
  const b = net.people[to]!.name;
  const personIds = [net.people[from]!.id, net.people[to]!.id];
  const meId = net.me;
  const named = (i: number, name: string) => (net.people[i]!.id === meId ? `you (${name})` : name);
  for (let e = 0; e < tail.length; e++) {
    const forward = tail[e] === from && head[e] === to;
    if (!forward && !(tail[e] === to && head[e] === from)) continue;
    const w = Math.round(weight[e]! * 10) / 10;
    const direction: HopDirection = forward ? 'forward' : 'backward';
    let k: HopKind;
    switch (sourceOf(source[e]!)) {
      case 'declared': {
        k = kindOf(kind[e]!) as HopKind;
        const params = { personIds, weight: w, kind: k, direction };
        const text = {
          advice: forward ? `${a} goes to ${b} for advice` : `${a} advises ${b}`,
          trust: forward ? `${a} trusts ${b}` : `${a} is trusted by ${b}`,
          influence: forward ? `${a} is influenced by ${b}` : `${a} influences ${b}`,
        }[k as 'advice' | 'trust' | 'influence'];
        const code = {
          advice: forward ? 'seeks-advice' : 'gives-advice',
          trust: forward ? 'trusts' : 'trusted-by',
          influence: forward ? 'influenced-by' : 'influences',
        }[k as 'advice' | 'trust' | 'influence'];
        why.push(explain(code, params, `${text} (${w})`));
        break;
      }
      case 'reporting':
        k = 'reporting';
        why.push(
          forward
            ? explain('reports-to', { personIds, kind: k, direction }, `${a} reports to ${b}`)
            : explain('manages', { personIds, kind: k, direction }, `${a} manages ${b}`),
        );
        break;
      case 'meetings':
        // Shared meetings are stored both ways: told once, from the walker's side.
        k = 'meetings';
        if (forward)
          why.push(
            explain(
              'shares-meetings',
              { personIds, weight: w, kind: k, direction: 'both' },
              `${a} meets ${b} (${w})`,
            ),
          );
        break;
      case 'mine':
        k = 'mine';
        if (forward)
          why.push(
            explain(
              'interacts-with-me',
              { personIds, weight: w, kind: k, direction: 'both' },
              `${named(from, a)} ${net.people[from]!.id === meId ? 'meet' : 'meets'} ${named(to, b)} (${w}, from your log)`,
            ),
          );
        break;
    }
    const d: HopDirection = k === 'meetings' || k === 'mine' ? 'both' : direction;
    const strength = k === 'reporting' ? net.settings.reportingWeight : weight[e]!;
    if (!best || strength > best.weight) best = { kind: k, direction: d, weight: strength };
  }
  return { why, kind: best?.kind ?? 'meetings', direction: best?.direction ?? 'both' };
}

function toPath(
  net: Network,
  nodes: number[],
  { g, strongest, org }: { g: Csr; strongest: number; org: WalkOrg },
  edges: number[],
  score: number,
): InfluencePath {
  const person = (i: number) => ({ id: net.people[i]!.id, name: net.people[i]!.name });
  const strengths = edges.map((e) => g.weights[e]! / strongest);
  const overHead = escalations(org, nodes);
  return {
    // The product of the hops' strengths: how strong the chain is, whatever it was ranked by.
    strength: strengths.reduce((a, b) => a * b, 1),
    score,
    people: nodes.map(person),
    hops: edges.map((_, i) => ({
      from: person(nodes[i]!),
      to: person(nodes[i + 1]!),
      strength: strengths[i]!,
      ...explainHop(net, nodes[i]!, nodes[i + 1]!),
      step: stepOf(org, nodes[i]!, nodes[i + 1]!),
      escalation: overHead[i]!,
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
  const walk = walkGraph(net);
  const s = net.index.indexOf(fromId)!;
  const t = net.index.indexOf(toId)!;
  return strongestPaths(walk.g, walk.costs, s, t, k, notThroughMe(net)).map((p) =>
    toPath(net, p.nodes, walk, p.edges, p.strength),
  );
}

export interface CoalitionLine {
  /** The convert (or the supporter at risk) and their place on the map. */
  person: { id: number; name: string };
  influence: number;
  stance: number;
  /** The strongest path from any champion or ally to this person, or null when none reaches them. */
  path: InfluencePath | null;
  /**
   * Who I could ask to carry the conversation: the go-between `ask` names for this person on this
   * initiative (one model for both), or null when nobody tied to them holds credit with me.
   */
  goBetween: GoBetweenView | null;
  /**
   * When no champion or ally reaches them without passing a detractor (or me): the supporter to
   * meet first, and why. Null when there is a path, or nobody supports the initiative.
   */
  meetFirst: { person: { id: number; name: string }; reason: Explanation } | null;
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
): Promise<{ initiative: { id: number; name: string }; lines: CoalitionLine[]; atRisk: CoalitionLine[] }> {
  const map = await initiativeMap(r, { initiative: parseInput(CoalitionInput, raw).initiative });
  const supporters = [...map.quadrants.champion, ...map.quadrants.ally];
  const [people, me] = await Promise.all([r.store.relationship.people(r.ws), r.store.workspaces.me(r.ws)]);
  const everyone = Object.values(map.quadrants).flat();
  const stances = new Map(everyone.map((p) => [p.person.id, { influence: p.influence, stance: p.stance }]));
  const net = await loadNetwork(r, TIE_SOURCES);
  const walk = walkGraph(net);
  const { g, costs } = walk;
  // Nobody who opposes the initiative carries it on, and I am no relay.
  const detractors = [...map.quadrants.convert, ...map.quadrants.monitor].map(
    (d) => net.index.indexOf(d.person.id)!,
  );
  const avoid = [...notThroughMe(net), ...detractors];
  /** The supporter whose cheapest walk to t (avoiding `blocked`) is cheapest, with that walk. */
  const nearest = (t: number, blocked: number[]) => {
    let best: {
      supporter: (typeof supporters)[number];
      nodes: number[];
      edges: number[];
      score: number;
    } | null = null;
    for (const s of supporters) {
      const p = strongestPaths(g, costs, net.index.indexOf(s.person.id)!, t, 1, blocked)[0];
      if (p && (!best || p.strength > best.score))
        best = { supporter: s, nodes: p.nodes, edges: p.edges, score: p.strength };
    }
    return best;
  };
  const lineFor = async (c: (typeof everyone)[number]): Promise<CoalitionLine> => {
    const t = net.index.indexOf(c.person.id)!;
    const best = nearest(t, avoid);
    const target = people.find((p) => p.id === c.person.id)!;
    const [goBetween] = await goBetweensFor(r, target, { people, me, stances, escalate: false });
    return {
      person: c.person,
      influence: c.influence,
      stance: c.stance,
      path: best ? toPath(net, best.nodes, walk, best.edges, best.score) : null,
      goBetween: goBetween ? goBetweenView(goBetween) : null,
      meetFirst: best ? null : meetFirst(c, t),
    };
  };
  /**
   * With no acceptable chain, the supporter to meet first: the one nearest the person through
   * anyone (a detractor included), else the most influential supporter.
   */
  const meetFirst = (c: (typeof everyone)[number], t: number): CoalitionLine['meetFirst'] => {
    if (supporters.length === 0) return null;
    const near = nearest(t, notThroughMe(net));
    const ally = near?.supporter ?? [...supporters].sort((a, b) => b.influence - a.influence)[0]!;
    const personIds = [ally.person.id, c.person.id];
    const none = `No champion or ally reaches ${c.person.name} without passing a detractor on ${map.initiative.name}`;
    const through = near
      ? near.nodes
          .slice(1, -1)
          .map((i) => net.people[i]!.name)
          .join(', ')
      : '';
    return {
      person: ally.person,
      reason: near
        ? explain(
            'meet-ally-first',
            { personIds, influence: ally.influence, nearest: true },
            `${none}: meet ${ally.person.name} first (influence ${ally.influence}), the supporter closest to them${through ? ` (now only through ${through})` : ''}.`,
          )
        : explain(
            'meet-ally-first',
            { personIds, influence: ally.influence, nearest: false },
            `${none}: meet ${ally.person.name} first, the most influential supporter (influence ${ally.influence}), to build a way to them.`,
          ),
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
