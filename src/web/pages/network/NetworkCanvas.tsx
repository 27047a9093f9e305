import Graph from 'graphology';
import { useEffect, useRef } from 'react';
import Sigma from 'sigma';
import type { NetworkGraph } from '../../api/types';

const stanceColor = (s: number | null) =>
  s === null ? '#94a3b8' : s > 20 ? '#0ca678' : s < -20 ? '#e03131' : '#f59f00';

/** The influence network in WebGL: size by influence, colour by stance, hidden influencers and gatekeepers ringed. */
export default function NetworkCanvas({
  graph,
  onSelect,
}: {
  graph: NetworkGraph;
  onSelect: (id: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!container.current) return;
    const g = new Graph({ type: 'undirected', multi: false });
    const n = graph.nodes.length;
    const max = Math.max(...graph.nodes.map((x) => x.influence), 1e-9);
    graph.nodes.forEach((node, i) => {
      // A circle by department keeps communities together before any layout runs.
      const angle = (2 * Math.PI * i) / Math.max(1, n);
      const r = 1 + (i % 7) / 7;
      g.addNode(String(node.id), {
        x: Math.cos(angle) * r,
        y: Math.sin(angle) * r,
        size: 3 + 12 * Math.sqrt(node.influence / max),
        label: node.name,
        color: node.hidden ? '#7048e8' : node.gatekeeper ? '#1c7ed6' : stanceColor(node.stance),
      });
    });
    for (const t of graph.ties) {
      const s = String(t.source);
      const d = String(t.target);
      if (g.hasNode(s) && g.hasNode(d) && !g.hasEdge(s, d))
        g.addEdge(s, d, { size: 0.5 + t.weight, color: '#ced4da' });
    }
    // Tens of thousands of ties redrawn on every camera step cost seconds a frame without a GPU
    // (bench/web-pages.ts): while panning or zooming only the people are drawn, the ties and
    // labels come back when the camera stops.
    const large = graph.ties.length > 5000;
    const renderer = new Sigma(g, container.current, {
      renderLabels: true,
      labelRenderedSizeThreshold: 8,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
    });
    renderer.on('clickNode', ({ node }) => onSelect(Number(node)));
    return () => renderer.kill();
  }, [graph, onSelect]);
  return (
    <div ref={container} style={{ width: '100%', height: 560 }} aria-label="Influence network" role="img" />
  );
}
