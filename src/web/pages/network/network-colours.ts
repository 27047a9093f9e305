import type { NetworkGraph } from '../../api/types';

type Node = NetworkGraph['nodes'][number];
export type ColourBy = 'stance' | 'department';

export interface LegendEntry {
  label: string;
  colour: string;
  count: number;
}

export const UNKNOWN = '#adb5bd';
/** The rings: kept out of the department palette so a ring never reads as a department. */
export const HIDDEN_RING = '#7048e8';
export const GATEKEEPER_RING = '#f76707';
/** Beyond this stance either way a person is a supporter or a detractor (as on the map). */
const SIDE = 20;
// Mantine's 6th shades, distinct enough side by side; violet and orange are the rings'.
const PALETTE = [
  '#228be6',
  '#12b886',
  '#fa5252',
  '#fab005',
  '#be4bdb',
  '#15aabf',
  '#82c91e',
  '#e64980',
  '#4c6ef5',
];

/** Each person's colour and the legend that explains it, with how many people each colour has. */
export function colouring(
  nodes: Node[],
  by: ColourBy,
): { colourOf: (n: Node) => string; legend: LegendEntry[] } {
  if (by === 'stance') {
    const side = (s: number | null) => (s === null ? 3 : s > SIDE ? 0 : s < -SIDE ? 2 : 1);
    const entries: LegendEntry[] = [
      { label: 'supporter', colour: '#0ca678', count: 0 },
      { label: 'neutral', colour: '#fab005', count: 0 },
      { label: 'detractor', colour: '#e03131', count: 0 },
      { label: 'not assessed', colour: UNKNOWN, count: 0 },
    ];
    for (const n of nodes) entries[side(n.stance)]!.count++;
    return { colourOf: (n) => entries[side(n.stance)]!.colour, legend: entries.filter((e) => e.count > 0) };
  }
  const counts = new Map<string, number>();
  for (const n of nodes) if (n.department) counts.set(n.department, (counts.get(n.department) ?? 0) + 1);
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const named = top.slice(0, PALETTE.length);
  const colourOfDept = new Map(named.map(([d], i) => [d, PALETTE[i]!]));
  const other = top.slice(PALETTE.length).reduce((s, [, c]) => s + c, 0);
  const none = nodes.length - top.reduce((s, [, c]) => s + c, 0);
  const legend: LegendEntry[] = named.map(([d, count], i) => ({ label: d, colour: PALETTE[i]!, count }));
  if (other > 0)
    legend.push({ label: `${top.length - named.length} other departments`, colour: '#868e96', count: other });
  if (none > 0) legend.push({ label: 'no department', colour: UNKNOWN, count: none });
  return {
    colourOf: (n) => (n.department ? (colourOfDept.get(n.department) ?? '#868e96') : UNKNOWN),
    legend,
  };
}
