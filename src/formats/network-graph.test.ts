import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { type GraphDocument, toGexf, toGraphml, toKumuCsv } from './network-graph.js';

const doc: GraphDocument = {
  nodes: [
    {
      id: 1,
      label: 'Ann <CEO> & "co"',
      attributes: { level: 1, influence: 0.5, department: 'R&D', hidden: false },
    },
    { id: 2, label: '=Bob', attributes: { level: null, influence: 0.25, department: null, hidden: true } },
  ],
  edges: [{ source: 2, target: 1, weight: 4.5, sources: 'declared+meetings' }],
};

describe('network graph writers', () => {
  it('writes GraphML with typed keys, escaped text and every node and edge', () => {
    const xml = toGraphml(doc);
    expect(xml).toContain('<key id="influence" for="node" attr.name="influence" attr.type="double"/>');
    expect(xml).toContain('<key id="level" for="node" attr.name="level" attr.type="int"/>');
    expect(xml).toContain('<data key="label">Ann &lt;CEO&gt; &amp; &quot;co&quot;</data>');
    expect(xml).toContain('<edge id="e0" source="n2" target="n1">');
    expect(xml).not.toContain('<data key="level">null');
    expect(xml.match(/<node /g)).toHaveLength(2);
  });

  it('writes GEXF whose attribute values point at declared attributes', () => {
    const xml = toGexf(doc);
    const declared = [...xml.matchAll(/<attribute id="(\d+)" title="(\w+)"/g)].map((m) => [m[1], m[2]]);
    const used = [...xml.matchAll(/<attvalue for="(\d+)"/g)].map((m) => m[1]);
    for (const id of used) expect(declared.map((d) => d[0])).toContain(id);
    expect(xml).toContain('<edge id="0" source="2" target="1" weight="4.5">');
  });

  it("writes Kumu's sheets, defusing spreadsheet formulas", () => {
    const { elements, connections } = toKumuCsv(doc);
    expect(elements.split('\r\n')[0]).toBe('Label,Type,Id,level,influence,department,hidden');
    expect(elements).toContain("'=Bob,Person,2,,0.25,,true");
    expect(connections).toBe('From,To,Type,Weight\r\n\'=Bob,"Ann <CEO> & ""co""",declared+meetings,4.5\r\n');
  });

  it('writes GraphML and GEXF that a strict XML 1.0 parser accepts, whatever the names hold', () => {
    const hostile: GraphDocument = {
      nodes: [
        {
          id: 1,
          label: 'Mallory\x1b]52;c;ZWNobw==\x07\x00\x0b\ufffe\ud800 <x> & "q"\ttab\nline',
          attributes: { 'odd\x01key': 'v\x1f\x85', department: '\udfffR&D', level: 2 },
        },
        { id: 2, label: 'Ann', attributes: { 'odd\x01key': null, department: 'Ops', level: 3 } },
      ],
      edges: [{ source: 1, target: 2, weight: 1, sources: 'declared\x08' }],
    };
    for (const text of [toGraphml(hostile), toGexf(hostile)]) {
      expect(strictXmlErrors(text)).toEqual([]);
    }
    expect(toGraphml(hostile)).toContain(
      '<data key="label">Mallory]52;c;ZWNobw== &lt;x&gt; &amp; &quot;q&quot;&#9;tab&#10;line</data>',
    );
  });
});

/** Every well-formedness error a strict XML 1.0 parser (saxes) finds in a document. */
function strictXmlErrors(text: string): string[] {
  const errors: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  parser.on('error', (e) => errors.push(e.message));
  parser.write(text).close();
  return errors;
}
