import { csvLine } from './csv-write.js';

/** A network with metrics, as the graph tools (Gephi, Cytoscape, Kumu) read it. */
export interface GraphNode {
  id: number;
  label: string;
  attributes: Record<string, string | number | boolean | null>;
}

export interface GraphEdge {
  source: number;
  target: number;
  weight: number;
  /** Where the tie comes from: declared, reporting, meetings, mine; several joined by "+". */
  sources: string;
}

export interface GraphDocument {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/**
 * Text for XML element content and attribute values. XML 1.0 forbids most C0 controls, lone
 * surrogates and U+FFFE/U+FFFF anywhere (a strict parser stops at them), so they are dropped,
 * with C1 controls too; tab and line breaks are written as character references so attribute
 * values keep them.
 */
const xml = (v: unknown): string =>
  String(v)
    .replace(
      /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      '',
    )
    .replace(
      /[<>&"'\t\n\r]/g,
      (c) =>
        ({
          '<': '&lt;',
          '>': '&gt;',
          '&': '&amp;',
          '"': '&quot;',
          "'": '&apos;',
          '\t': '&#9;',
          '\n': '&#10;',
          '\r': '&#13;',
        })[c]!,
    );

type AttrType = 'string' | 'double' | 'boolean' | 'int';
function attributeTypes(doc: GraphDocument): [string, AttrType][] {
  const types = new Map<string, AttrType>();
  for (const n of doc.nodes) {
    for (const [k, v] of Object.entries(n.attributes)) {
      if (v === null) continue;
      const t: AttrType =
        typeof v === 'boolean'
          ? 'boolean'
          : typeof v === 'number'
            ? Number.isInteger(v) && types.get(k) !== 'double'
              ? 'int'
              : 'double'
            : 'string';
      const had = types.get(k);
      types.set(
        k,
        had && had !== t
          ? had === 'int' && t === 'double'
            ? 'double'
            : had === 'double' && t === 'int'
              ? 'double'
              : 'string'
          : t,
      );
    }
  }
  return [...types];
}

/** GraphML (Gephi, Cytoscape, yEd): directed, node attributes declared as keys. */
export function toGraphml(doc: GraphDocument): string {
  const attrs = attributeTypes(doc);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    ...attrs.map(([k, t]) => `  <key id="${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${t}"/>`),
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="sources" for="edge" attr.name="sources" attr.type="string"/>',
    '  <graph id="rapport" edgedefault="directed">',
  ];
  for (const n of doc.nodes) {
    lines.push(`    <node id="n${n.id}">`, `      <data key="label">${xml(n.label)}</data>`);
    for (const [k, v] of Object.entries(n.attributes))
      if (v !== null) lines.push(`      <data key="${xml(k)}">${xml(v)}</data>`);
    lines.push('    </node>');
  }
  doc.edges.forEach((e, i) => {
    lines.push(
      `    <edge id="e${i}" source="n${e.source}" target="n${e.target}">`,
      `      <data key="weight">${e.weight}</data>`,
      `      <data key="sources">${xml(e.sources)}</data>`,
      '    </edge>',
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

/** GEXF 1.3 (Gephi's own format). */
export function toGexf(doc: GraphDocument): string {
  const attrs = attributeTypes(doc);
  const index = new Map(attrs.map(([k], i) => [k, i]));
  const gexfType = (t: AttrType) => (t === 'int' ? 'integer' : t);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" version="1.3">',
    '  <graph defaultedgetype="directed" mode="static">',
    '    <attributes class="node">',
    ...attrs.map(([k, t], i) => `      <attribute id="${i}" title="${xml(k)}" type="${gexfType(t)}"/>`),
    '    </attributes>',
    '    <attributes class="edge">',
    '      <attribute id="sources" title="sources" type="string"/>',
    '    </attributes>',
    '    <nodes>',
  ];
  for (const n of doc.nodes) {
    lines.push(`      <node id="${n.id}" label="${xml(n.label)}">`, '        <attvalues>');
    for (const [k, v] of Object.entries(n.attributes))
      if (v !== null) lines.push(`          <attvalue for="${index.get(k)}" value="${xml(v)}"/>`);
    lines.push('        </attvalues>', '      </node>');
  }
  lines.push('    </nodes>', '    <edges>');
  doc.edges.forEach((e, i) => {
    lines.push(
      `      <edge id="${i}" source="${e.source}" target="${e.target}" weight="${e.weight}">`,
      `        <attvalues><attvalue for="sources" value="${xml(e.sources)}"/></attvalues>`,
      '      </edge>',
    );
  });
  lines.push('    </edges>', '  </graph>', '</gexf>');
  return `${lines.join('\n')}\n`;
}

/** Kumu's two sheets: elements (Label, Type, attributes…) and connections (From, To, Type, Weight). */
export function toKumuCsv(doc: GraphDocument): { elements: string; connections: string } {
  const keys = attributeTypes(doc).map(([k]) => k);
  const label = new Map(doc.nodes.map((n) => [n.id, n.label]));
  const elements = [csvLine(['Label', 'Type', 'Id', ...keys])];
  for (const n of doc.nodes)
    elements.push(
      csvLine([
        n.label,
        'Person',
        n.id,
        ...keys.map((k) => {
          const v = n.attributes[k];
          return typeof v === 'boolean' ? String(v) : v;
        }),
      ]),
    );
  const connections = [csvLine(['From', 'To', 'Type', 'Weight'])];
  for (const e of doc.edges)
    connections.push(csvLine([label.get(e.source)!, label.get(e.target)!, e.sources, e.weight]));
  return { elements: elements.join(''), connections: connections.join('') };
}
