import {
  adaptiveBetweenness,
  type BetweennessResult,
  type Communities,
  type Csr,
  pagerank,
  rankOrder,
  seededRandom,
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
  gatekeepersAmong,
  hiddenInfluencerReason,
  type InfluenceSettings,
  isHiddenInfluencer,
  percentileRanks,
  seniorityRanks,
  type TieSource,
} from '../../domain/influence.js';
import type { Rapport } from '../core/context.js';
import { parallelBetweenness } from './betweenness-parallel.js';
import { communitiesHere, communitiesOnWorker, spareCore } from './communities-parallel.js';
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

  // With a core to spare, the clusters start on the graph alone, on another thread, while the
  // people's names are still being read; otherwise everything runs here, in the first order.
  let clusters: Promise<Communities> | undefined;
  const onGraph = (graph: Csr, s: InfluenceSettings) => {
    clusters = communitiesOnWorker(graph, s.seed, { spareCore: true }) ?? undefined;
  };
  const net = await loadNetwork(r, question.sources, spareCore() ? { onGraph } : {});
  const report = await computeInfluence(net, { ...question, version }, clusters);
  await cacheReport(r, key, report);
  return report;
}

export interface Metrics {
  influence: Float64Array;
  brokerage: BetweennessResult;
  communities: Communities;
}

export async function networkMetrics(net: Network, weighted: boolean): Promise<Metrics> {
  const m = await startMetrics(net, weighted);
  return { ...m, communities: await m.communities };
}

/**
 * Rank and brokerage, with the clusters still being found: on a large network they run on another
 * thread (see communities-parallel), so the caller can do its own work before waiting for them.
 */
async function startMetrics(
  net: Network,
  weighted: boolean,
  started?: Promise<Communities>,
): Promise<Omit<Metrics, 'communities'> & { communities: Promise<Communities> }> {
  const { graph, settings } = net;
  // Clusters first: on a large network they run on another thread while rank and brokerage run here.
  const communities =
    started ??
    communitiesOnWorker(graph, settings.seed) ??
    Promise.resolve(communitiesHere(graph, settings.seed));
  const rank = pagerank(graph);
  const distances = weighted ? graph.weights.map((w) => 1 / w) : undefined;
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

/**
 * Per person outside the top, the top influencers they hold a strong tie with, either direction
 * (strength from every source together: an assistant who reports to and meets the CEO daily).
 * Me left out: my own log ties me to everyone I meet. Read straight off the merged graph.
 */
function strongLinksToTop(net: Network, top: Int32Array): Map<number, Set<number>> {
  const { people, settings } = net;
  const { n, starts, targets, weights } = net.graph;
  const isTop = new Uint8Array(n);
  for (const t of top) isTop[t] = 1;
  const linked = new Map<number, Set<number>>();
  const link = (a: number, b: number) => {
    const id = people[a]!.id;
    if (id === net.me) return;
    const set = linked.get(id) ?? new Set<number>();
    set.add(people[b]!.id);
    linked.set(id, set);
  };
  for (let u = 0; u < n; u++) {
    for (let e = starts[u]!, end = starts[u + 1]!; e < end; e++) {
      const v = targets[e]!;
      if (isTop[u] === isTop[v] || weights[e]! < settings.strongTieWeight) continue;
      if (isTop[v]) link(u, v);
      else link(v, u);
    }
  }
  return linked;
}

async function computeInfluence(
  net: Network,
  o: { top: number; sources: TieSource[]; weighted: boolean; version: string },
  started?: Promise<Communities>,
): Promise<InfluenceReport> {
  const { people, settings } = net;
  const n = people.length;
  // Everything but the clusters is worked out while they are still being found.
  const { communities: clusters, ...m } = await startMetrics(net, o.weighted, started);
  // Ranks are among other people: my own log ties me to everyone I meet, so I would top it.
  // People are loaded in id order, so ties between equal scores go to the smaller id.
  const meNode = net.me === null ? -1 : (net.index.indexOf(net.me) ?? -1);
  const order = rankOrder(m.influence, meNode);
  const rankOf = new Int32Array(n);
  for (let i = 0; i < order.length; i++) rankOf[order[i]!] = i + 1;
  // Roles from typed percentiles; reasons are written only for the people the report lists.
  const influencePct = percentileRanks(m.influence);
  const seniority = seniorityRanks(people.map((p) => p.level));
  const hidden = new Set<number>();
  for (let i = 0; i < n; i++) {
    if (i !== meNode && isHiddenInfluencer(influencePct[i]!, seniority[i]!, settings)) hidden.add(i);
  }
  const top = order.subarray(0, settings.topInfluencers);
  // Gatekeepers are judged among the others: my level is not counted in their seniority.
  const othersSeniority =
    meNode < 0 ? seniority : seniorityRanks(people.map((p, i) => (i === meNode ? null : p.level)));
  const gates = new Map(
    gatekeepersAmong(
      {
        top: Array.from(top, (i) => ({ id: people[i]!.id, name: people[i]!.name })),
        linked: strongLinksToTop(net, top),
        seniority: (id) => othersSeniority[net.index.indexOf(id)!]!,
      },
      settings,
    ).map((f) => [net.index.indexOf(f.id)!, f.reason]),
  );
  const senior = new Uint8Array(n);
  for (let i = 0; i < n; i++) senior[i] = seniority[i]! >= settings.seniorPercentile ? 1 : 0;
  const inc = incoming(net, senior);
  const brokerPct = percentileRanks(m.brokerage.scores);
  const communities = await clusters;
  const entry = (i: number): InfluenceEntry => {
    const p = people[i]!;
    const reasons: Explanation[] = [explainRank(p.id, i, rankOf[i]!, order.length, inc)];
    if (brokerPct[i]! >= 90 && m.brokerage.scores[i]! > 0) {
      const percentile = Math.floor(brokerPct[i]!);
      reasons.push(
        explain(
          'broker',
          { personId: p.id, percentile },
          `broker: on more shortest paths between others than ${percentile}% of people`,
        ),
      );
    }
    if (hidden.has(i)) {
      const h = hiddenInfluencerReason(p.id, p.level, influencePct[i]!, seniority[i]!);
      reasons.push(meetingsOnly(inc, i) ? fromMeetingsOnly(h) : h);
    }
    const g = gates.get(i);
    if (g) reasons.push(g);
    return {
      person: { id: p.id, name: p.name },
      level: p.level,
      influence: m.influence[i]!,
      influenceRank: rankOf[i]!,
      brokerage: m.brokerage.scores[i]!,
      hidden: hidden.has(i),
      gatekeeper: gates.has(i),
      community: communities.labels[i]!,
      reasons,
    };
  };
  // Capped: a large organisation has thousands; the highest-ranked come first.
  const byRank = (nodes: Iterable<number>) =>
    Int32Array.from(nodes)
      .sort((a, b) => rankOf[a]! - rankOf[b]!)
      .subarray(0, LIST_LIMIT)
      .reduce<InfluenceEntry[]>((list, i) => {
        list.push(entry(i));
        return list;
      }, []);
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
    modularity: communities.modularity,
    top: Array.from(order.subarray(0, o.top), entry),
    hiddenCount: hidden.size,
    gatekeeperCount: gates.size,
    hiddenInfluencers: byRank(hidden),
    gatekeepers: byRank(gates.keys()),
    communities: communitySummaries(net, communities.labels, communities.count, m.influence),
    cached: false,
  };
}

/** Clusters of the network where I have logged no interaction with anyone (for coverage). */
export async function clustersWhereIKnowNobody(r: Rapport): Promise<CommunitySummary[]> {
  const report = await influence(r, { top: 1 });
  return report.communities.filter((c) => c.knownByMe === 0);
}
