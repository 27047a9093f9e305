import { parseInput } from '../../contract/common.js';
import { type NetworkDrawing, NetworkDrawingInput, NetworkExportInput } from '../../contract/influence.js';
import { TIE_SOURCES } from '../../domain/influence.js';
import { type GraphDocument, toGexf, toGraphml, toKumuCsv } from '../../formats/network-graph.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative } from '../core/resolve.js';
import { influence, networkMetrics } from './influence.js';
import { loadNetwork, sourceOf } from './network.js';

/** The files an export produces: one for GraphML/GEXF, Kumu's two sheets for CSV. */
export type NetworkExport = { name: string; content: string }[];

/** The whole network with its metrics as attributes, for Gephi, Cytoscape or Kumu. */
export async function exportNetwork(r: Rapport, raw?: NetworkExportInput): Promise<NetworkExport> {
  const { format, weighted } = parseInput(NetworkExportInput, raw ?? {});
  const net = await loadNetwork(r, TIE_SOURCES);
  const m = await networkMetrics(net, weighted);
  const doc: GraphDocument = {
    nodes: net.people.map((p, i) => ({
      id: p.id,
      label: p.name,
      attributes: {
        title: p.title,
        department: p.department,
        level: p.level,
        influence: m.influence[i]!,
        brokerage: m.brokerage.scores[i]!,
        community: m.communities.labels[i]!,
      },
    })),
    edges: [],
  };
  // One edge per pair and direction, its weight the sum and its sources listed.
  const merged = new Map<string, { weight: number; sources: Set<string> }>();
  const { from, to, weight, source } = net.raw;
  for (let e = 0; e < from.length; e++) {
    const key = `${from[e]}>${to[e]}`;
    const entry = merged.get(key) ?? { weight: 0, sources: new Set<string>() };
    entry.weight += weight[e]!;
    entry.sources.add(sourceOf(source[e]!));
    merged.set(key, entry);
  }
  for (const [key, v] of merged) {
    const [a, b] = key.split('>').map(Number) as [number, number];
    doc.edges.push({
      source: net.people[a]!.id,
      target: net.people[b]!.id,
      weight: Math.round(v.weight * 1000) / 1000,
      sources: [...v.sources].join('+'),
    });
  }
  if (format === 'graphml') return [{ name: 'network.graphml', content: toGraphml(doc) }];
  if (format === 'gexf') return [{ name: 'network.gexf', content: toGexf(doc) }];
  const kumu = toKumuCsv(doc);
  return [
    { name: 'network-elements.csv', content: kumu.elements },
    { name: 'network-connections.csv', content: kumu.connections },
  ];
}

/** A reporting line drawn as a middling tie (declared ties weigh 1–5). */
const REPORTING_WEIGHT = 3;

/**
 * The network as the web page draws it: everyone with their influence, roles, department and
 * community, their latest stance on one initiative when asked (null for those not assessed on
 * it), and the declared ties. Rank and roles come from the influence report's cache.
 */
export async function networkDrawing(r: Rapport, raw?: NetworkDrawingInput): Promise<NetworkDrawing> {
  const input = parseInput(NetworkDrawingInput, raw ?? {});
  const initiative =
    input.initiative === undefined ? null : await resolveInitiative(r.store, r.ws, input.initiative);
  // The ties as packed arrays and the people as their network keys: the drawing needs no names
  // of ties' ends, no order by name and no member columns (10,000 people, 50,000 ties: these two
  // reads took 290 ms as the full lists, 105 ms so).
  const [report, ties, people, assessments] = await Promise.all([
    influence(r, { top: 100_000 }),
    r.store.network.tieArrays(r.ws),
    r.store.network.people(r.ws),
    initiative ? r.store.assessments.forInitiative(r.ws, initiative.id) : [],
  ]);
  const department = new Map(people.map((p) => [p.id, p.department]));
  // Oldest first, so the last one written per person is where they stand now.
  const stance = new Map(assessments.map((a) => [a.personId, a.stance]));
  const drawn: NetworkDrawing['ties'] = [];
  for (let e = 0; e < ties.from.length; e++)
    drawn.push({ source: ties.from[e]!, target: ties.to[e]!, weight: ties.weight[e]! });
  // Declared ties and reporting lines; shared meetings count in the ranks but are not drawn
  // (working them out from every interaction would cost each drawing what a report costs).
  for (const p of people)
    if (p.managerId !== null) drawn.push({ source: p.id, target: p.managerId, weight: REPORTING_WEIGHT });
  return {
    initiative: initiative && { id: initiative.id, name: initiative.name },
    nodes: report.top.map((e) => ({
      id: e.person.id,
      name: e.person.name,
      department: department.get(e.person.id) ?? null,
      influence: e.influence,
      stance: stance.get(e.person.id) ?? null,
      community: e.community,
      hidden: e.hidden,
      gatekeeper: e.gatekeeper,
    })),
    ties: drawn,
  };
}
