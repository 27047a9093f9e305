import {
  adaptiveBetweenness,
  type BetweennessResult,
  louvain,
  pagerank,
  seededRandom,
  symmetrize,
} from '../../analytics/index.js';
import { parseInput } from '../../contract/common.js';
import {
  type CommunitySummary,
  type InfluenceEntry,
  InfluenceInput,
  type InfluenceReport,
} from '../../contract/influence.js';
import { type Explanation, explain } from '../../domain/explanation.js';
import {
  gatekeepers,
  hiddenInfluencers,
  percentiles,
  seniorityPercentiles,
  type TieSource,
} from '../../domain/influence.js';
import type { Rapport } from '../core/context.js';
import { parallelBetweenness } from './betweenness-parallel.js';
import { influenceSettings, loadNetwork, type Network } from './network.js';
import { cachedReport, cacheReport, reportKey, reportVersion } from './report-cache.js';

const LIST_LIMIT = 100;

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** Per node, how many ties of each source point at it, and how many come from senior people. */
function incoming(net: Network, senior: Uint8Array) {
  const n = net.people.length;
  const bySource = [new Int32Array(n), new Int32Array(n), new Int32Array(n), new Int32Array(n)];
  const fromSenior = new Int32Array(n);
  const { from, to, source } = net.raw;
  for (let e = 0; e < to.length; e++) {
    bySource[source[e]!]![to[e]!]!++;
    if (senior[from[e]!]) fromSenior[to[e]!]!++;
  }
  return { bySource, fromSenior };
}

/** True when nothing but shared meetings (theirs or mine) points at a person: no declared tie, no reports. */
const meetingsOnly = (inc: ReturnType<typeof incoming>, node: number): boolean =>
  inc.bySource[0]![node] === 0 && inc.bySource[1]![node] === 0;

/**
 * A hidden influencer found from meetings alone says so: the evidence is who shares meetings with
 * them (often mine), not who seeks their advice.
 */
function fromMeetingsOnly(h: Explanation): Explanation {
  return {
    ...h,
    params: { ...h.params, evidence: 'meetings' },
    text: `${h.text}; the evidence is only who is in meetings with them, not who seeks their advice`,
  };
}

/** Why a person ranks where they do, from the sources of the ties that point at them. */
function explainRank(
  personId: number,
  node: number,
  rank: number,
  ranked: number,
  inc: ReturnType<typeof incoming>,
): Explanation<'rank'> {
  const [declared, reporting, meetings] = inc.bySource.map((a) => a[node]!) as [number, number, number];
  const parts: string[] = [];
  if (declared)
    parts.push(
      `sought out in ${declared} declared advice, influence or trust tie${declared === 1 ? '' : 's'}`,
    );
  if (reporting) parts.push(`${reporting} report${reporting === 1 ? 's' : ''} to them`);
  if (meetings) parts.push(`shares meetings with ${meetings} ${meetings === 1 ? 'person' : 'people'}`);
  let text = `ranked ${ordinal(rank)} of ${ranked}`;
  if (parts.length) text += `: ${parts.join(', ')}`;
  const seniors = inc.fromSenior[node]!;
  if (seniors) text += `; ${seniors} of these ties ${seniors === 1 ? 'comes' : 'come'} from senior people`;
  return explain(
    'rank',
    {
      personId,
      rank,
      of: ranked,
      declaredTies: declared,
      reports: reporting,
      sharedMeetings: meetings,
      fromSenior: seniors,
    },
    text,
  );
}

function communitySummaries(
  net: Network,
  labels: Int32Array,
  count: number,
  influence: Float64Array,
): CommunitySummary[] {
  const out: CommunitySummary[] = [];
  const members: number[][] = Array.from({ length: count }, () => []);
  labels.forEach((c, i) => {
    members[c]!.push(i);
  });
  for (let c = 0; c < count; c++) {
    const list = members[c]!;
    const departments = new Map<string, number>();
    // The leader is someone else than me (see the ranks).
    let leader = list.find((i) => net.people[i]!.id !== net.me) ?? list[0]!;
    let known = 0;
    for (const i of list) {
      const d = net.people[i]!.department;
      if (d) departments.set(d, (departments.get(d) ?? 0) + 1);
      if (influence[i]! > influence[leader]! && net.people[i]!.id !== net.me) leader = i;
      known += net.known[i]!;
    }
    const [department, seen] = [...departments].sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    )[0] ?? [null, 0];
    out.push({
      id: c,
      size: list.length,
      department,
      departmentShare: list.length ? seen / list.length : 0,
      leader: { id: net.people[leader]!.id, name: net.people[leader]!.name },
      knownByMe: known,
    });
  }
  return out;
}

/**
 * Influence rank, brokerage, hidden influencers, gatekeepers and communities.
 * Results are cached per question and version (data, settings, algorithm and, where ties fade,
 * the day): asking again without changes reads one row.
 */
export async function influence(r: Rapport, raw?: InfluenceInput): Promise<InfluenceReport> {
  const question = parseInput(InfluenceInput, raw);
  // The settings (margins, weights, seed) shape the answer as much as the data does.
  const [data, settings] = await Promise.all([r.store.network.version(r.ws), influenceSettings(r)]);
  const version = reportVersion(data, settings, question, r.now());
  const key = reportKey(question);
  const hit = await cachedReport(r, key, version);
  if (hit) return hit;

  const net = await loadNetwork(r, question.sources);
  const report = await computeInfluence(net, { ...question, version });
  await cacheReport(r, key, report);
  return report;
}

export interface Metrics {
  influence: Float64Array;
  brokerage: BetweennessResult;
  communities: ReturnType<typeof louvain>;
}

export async function networkMetrics(net: Network, weighted: boolean): Promise<Metrics> {
  const { graph, settings } = net;
  const rank = pagerank(graph);
  const distances = weighted ? graph.weights.map((w) => 1 / w) : undefined;
  const communities = louvain(symmetrize(graph), { random: seededRandom(settings.seed) });
  // Above the exact threshold, hop-count brokerage draws random shortest paths until the top
  // brokers' scores are known to the stated bound (far fewer searches than Brandes pivots);
  // weighted brokerage still samples pivots.
  if (!weighted && graph.n > settings.exactBetweennessUpTo) {
    const b = adaptiveBetweenness(graph, { random: seededRandom(settings.seed) });
    const brokerage = { ...b, exact: false, sources: b.samples };
    return { influence: rank.scores, brokerage, communities };
  }
  const brokerage = await parallelBetweenness(graph, {
    distances,
    exactUpTo: settings.exactBetweennessUpTo,
    pivots: settings.pivots,
    random: seededRandom(settings.seed),
  });
  return { influence: rank.scores, brokerage, communities };
}

async function computeInfluence(
  net: Network,
  o: { top: number; sources: TieSource[]; weighted: boolean; version: string },
): Promise<InfluenceReport> {
  const { people, settings } = net;
  const n = people.length;
  const m = await networkMetrics(net, o.weighted);
  // Ranks are among other people: my own log ties me to everyone I meet, so I would top it.
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => people[i]!.id !== net.me)
    .sort((a, b) => m.influence[b]! - m.influence[a]! || people[a]!.id - people[b]!.id);
  const rankOf = new Int32Array(n);
  order.forEach((node, i) => {
    rankOf[node] = i + 1;
  });
  const ranked = people.map((p, i) => ({
    id: p.id,
    name: p.name,
    level: p.level,
    influence: m.influence[i]!,
  }));
  const hidden = new Map(
    hiddenInfluencers(ranked, settings)
      .filter((f) => f.id !== net.me)
      .map((f) => [f.id, f.reason]),
  );
  // Strength from every source together (an assistant who reports to and meets the CEO daily),
  // with me left out: my own log ties me to everyone I meet.
  const { starts, targets, weights } = net.graph;
  const strong = [];
  for (let u = 0; u < n; u++) {
    for (let e = starts[u]!; e < starts[u + 1]!; e++) {
      if (weights[e]! >= settings.strongTieWeight)
        strong.push({ from: people[u]!.id, to: people[targets[e]!]!.id, weight: weights[e]! });
    }
  }
  const gates = new Map(
    gatekeepers(
      ranked.filter((p) => p.id !== net.me),
      strong,
      settings,
    ).map((f) => [f.id, f.reason]),
  );
  const seniority = seniorityPercentiles(people.map((p) => p.level));
  const senior = Uint8Array.from(seniority, (s) => (s !== null && s >= settings.seniorPercentile ? 1 : 0));
  const inc = incoming(net, senior);
  const brokerPct = percentiles([...m.brokerage.scores]);
  const entry = (i: number): InfluenceEntry => {
    const p = people[i]!;
    const reasons: Explanation[] = [explainRank(p.id, i, rankOf[i]!, order.length, inc)];
    if ((brokerPct[i] ?? 0) >= 90 && m.brokerage.scores[i]! > 0) {
      const percentile = Math.floor(brokerPct[i]!);
      reasons.push(
        explain(
          'broker',
          { personId: p.id, percentile },
          `broker: on more shortest paths between others than ${percentile}% of people`,
        ),
      );
    }
    const h = hidden.get(p.id);
    if (h) reasons.push(meetingsOnly(inc, i) ? fromMeetingsOnly(h) : h);
    const g = gates.get(p.id);
    if (g) reasons.push(g);
    return {
      person: { id: p.id, name: p.name },
      level: p.level,
      influence: m.influence[i]!,
      influenceRank: rankOf[i]!,
      brokerage: m.brokerage.scores[i]!,
      hidden: hidden.has(p.id),
      gatekeeper: gates.has(p.id),
      community: m.communities.labels[i]!,
      reasons,
    };
  };
  const byId = new Map(people.map((p, i) => [p.id, i]));
  // Capped: a large organisation has thousands; the highest-ranked come first.
  const byRank = (ids: Iterable<number>) =>
    [...ids]
      .map((id) => byId.get(id)!)
      .sort((a, b) => rankOf[a]! - rankOf[b]!)
      .slice(0, LIST_LIMIT)
      .map(entry);
  return {
    version: o.version,
    sources: o.sources,
    weighted: o.weighted,
    people: n,
    ties: net.graph.targets.length,
    brokerage: {
      exact: m.brokerage.exact,
      sources: m.brokerage.sources,
      errorBound: m.brokerage.errorBound,
      confidence: m.brokerage.confidence,
    },
    modularity: m.communities.modularity,
    top: order.slice(0, o.top).map(entry),
    hiddenCount: hidden.size,
    gatekeeperCount: gates.size,
    hiddenInfluencers: byRank(hidden.keys()),
    gatekeepers: byRank(gates.keys()),
    communities: communitySummaries(net, m.communities.labels, m.communities.count, m.influence),
    cached: false,
  };
}

/** Clusters of the network where I have logged no interaction with anyone (for coverage). */
export async function clustersWhereIKnowNobody(r: Rapport): Promise<CommunitySummary[]> {
  const report = await influence(r, { top: 1 });
  return report.communities.filter((c) => c.knownByMe === 0);
}
