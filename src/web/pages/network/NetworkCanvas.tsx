import { useComputedColorScheme } from '@mantine/core';
import Graph from 'graphology';
import { useEffect, useMemo, useRef, useState } from 'react';
import Sigma from 'sigma';
import type { NetworkGraph } from '../../api/types';
import { attachBitmapCamera } from './bitmap-camera';
import { seedPositions } from './force-layout';
import type { LayoutProgress, LayoutRequest } from './layout.worker';
import { GATEKEEPER_RING, HIDDEN_RING } from './network-colours';
import { roomyFrame } from './roomy-frame';

type Node = NetworkGraph['nodes'][number];

/**
 * Positions per network drawn this session (by its people and ties): the layout runs once, a
 * second visit or another colouring draws at once.
 */
const laidOut = new Map<string, { x: Float64Array; y: Float64Array }>();

/** Who and which ties, not their stances: a new colouring keeps the drawing and its layout. */
function shapeOf(graph: NetworkGraph): string {
  let h = 2166136261;
  const mix = (v: number) => {
    h = Math.imul(h ^ v, 16777619);
  };
  for (const n of graph.nodes) mix(n.id);
  for (const t of graph.ties) {
    mix(t.source);
    mix(t.target);
  }
  return `${graph.nodes.length}:${graph.ties.length}:${h >>> 0}`;
}

/** Labels and ties readable on the page's background, light or dark. */
const inks = (dark: boolean) => ({
  labelColor: { color: dark ? '#dee2e6' : '#212529' },
  defaultEdgeColor: dark ? '#495057' : '#ced4da',
});

/**
 * Size by influence within the range this network has, the largest person smaller as the
 * network grows (so a thousand people do not cover each other); all alike when all are equal.
 */
function sizer(nodes: Node[]): (n: Node) => number {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const n of nodes) {
    min = Math.min(min, n.influence);
    max = Math.max(max, n.influence);
  }
  const big = Math.max(4, Math.min(15, 200 / Math.sqrt(nodes.length)));
  const small = Math.max(1.5, big / 4);
  return (n) =>
    max > min ? small + (big - small) * Math.sqrt((n.influence - min) / (max - min)) : (small + big) / 2;
}

/**
 * The camera on the drawing's box, for the tests and the benchmark to see where the view
 * settled (sigma draws into canvases, which say nothing).
 */
function markCamera(renderer: Sigma): void {
  const { x, y, ratio } = renderer.getCamera().getState();
  renderer.getContainer().dataset.camera = `${x.toFixed(4)} ${y.toFixed(4)} ${ratio.toFixed(4)}`;
}

/** Fewer steps as the network grows: the worker's time stays a few seconds. */
const stepsFor = (n: number) => (n <= 1000 ? 300 : n <= 5000 ? 120 : 60);

/**
 * The influence network in WebGL: size by influence, colour as the page chooses, hidden
 * influencers and gatekeepers ringed, laid out by a force layout in a web worker.
 */
export default function NetworkCanvas({
  graph,
  colourOf,
  onSelect,
}: {
  graph: NetworkGraph;
  colourOf: (n: Node) => string;
  onSelect: (id: number) => void;
}) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<{ renderer: Sigma; g: Graph } | null>(null);
  const [layout, setLayout] = useState<'running' | 'done'>('running');
  const dark = useComputedColorScheme('light') === 'dark';
  const shape = useMemo(() => shapeOf(graph), [graph]);
  const graphRef = useRef(graph);
  graphRef.current = graph;
  const colourRef = useRef(colourOf);
  colourRef.current = colourOf;
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;
  const darkRef = useRef(dark);
  darkRef.current = dark;

  useEffect(() => {
    if (!container.current) return;
    const { nodes, ties } = graphRef.current;
    const g = new Graph({ type: 'undirected', multi: false });
    const index = new Map(nodes.map((n, i) => [n.id, i]));
    const cached = laidOut.get(shape);
    const start = cached ?? seedPositions(nodes.map((n) => n.community));
    const sizeOf = sizer(nodes);
    nodes.forEach((node, i) => {
      const size = sizeOf(node);
      const x = start.x[i]!;
      const y = start.y[i]!;
      const ring = node.hidden ? HIDDEN_RING : node.gatekeeper ? GATEKEEPER_RING : null;
      // A ring is a larger disc of the marker's colour under the person's own.
      if (ring) g.addNode(`ring:${node.id}`, { x, y, size: size + 3, color: ring, zIndex: 0, label: null });
      g.addNode(String(node.id), { x, y, size, label: node.name, color: colourRef.current(node), zIndex: 1 });
    });
    const source: number[] = [];
    const target: number[] = [];
    const weight: number[] = [];
    for (const t of ties) {
      const s = String(t.source);
      const d = String(t.target);
      if (!g.hasNode(s) || !g.hasNode(d) || s === d) continue;
      source.push(index.get(t.source)!);
      target.push(index.get(t.target)!);
      weight.push(t.weight);
      if (!g.hasEdge(s, d)) g.addEdge(s, d, { size: 0.5 + t.weight / 2 });
    }
    // Tens of thousands of ties redrawn on every camera step cost seconds a frame without a GPU
    // (bench/web-pages.ts): while panning or zooming only the people are drawn, the ties and
    // labels come back when the camera stops.
    const large = ties.length > 5000 || nodes.length > 1000;
    const renderer = new Sigma(g, container.current, {
      renderLabels: true,
      labelRenderedSizeThreshold: 8,
      hideEdgesOnMove: large,
      hideLabelsOnMove: large,
      zIndex: true,
      ...inks(darkRef.current),
    });
    // Hovering reads one pixel back from the GPU on every mouse move, which waits for the whole
    // frame to be drawn (seconds per move with WebGL on the CPU): no hovering while dragging.
    const captor = renderer.getMouseCaptor();
    const picker = renderer as unknown as { getNodeAtPosition: (p: unknown) => string | null };
    const pick = picker.getNodeAtPosition.bind(renderer);
    picker.getNodeAtPosition = (p) => (captor.isMouseDown ? null : pick(p));
    // A large network pans and zooms its picture, drawn again once the gesture ends.
    const bitmap = large ? attachBitmapCamera(renderer, () => markCamera(renderer)) : null;
    renderer.on('clickNode', ({ node }) => {
      if (!bitmap?.dragged()) selectRef.current(Number(node.replace('ring:', '')));
    });
    const box = container.current;
    const frame = (x: Float64Array, y: Float64Array) =>
      renderer.setCustomBBox(roomyFrame(x, y, box.clientHeight / box.clientWidth));
    frame(start.x, start.y);
    markCamera(renderer);
    sigma.current = { renderer, g };

    const place = (x: Float64Array, y: Float64Array) => {
      g.updateEachNodeAttributes((key, attr) => {
        const i = index.get(Number(key.replace('ring:', '')))!;
        return { ...attr, x: x[i]!, y: y[i]! };
      });
      frame(x, y);
    };
    let worker: Worker | null = null;
    if (cached) setLayout('done');
    else {
      setLayout('running');
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = (ev: MessageEvent<LayoutProgress>) => {
        place(ev.data.x, ev.data.y);
        if (ev.data.done) {
          laidOut.set(shape, { x: ev.data.x, y: ev.data.y });
          setLayout('done');
          worker?.terminate();
        }
      };
      worker.postMessage({
        x: start.x,
        y: start.y,
        source: Int32Array.from(source),
        target: Int32Array.from(target),
        weight: Float64Array.from(weight),
        steps: stepsFor(nodes.length),
        // Each redraw of a large network costs seconds without a GPU: only the final positions.
        postEveryMs: large ? Number.POSITIVE_INFINITY : 1000,
      } satisfies LayoutRequest);
    }
    return () => {
      worker?.terminate();
      bitmap?.detach();
      renderer.kill();
      sigma.current = null;
    };
  }, [shape]);

  useEffect(() => {
    const s = sigma.current;
    if (!s) return;
    const byId = new Map(graph.nodes.map((n) => [String(n.id), n]));
    s.g.updateEachNodeAttributes((key, attr) => {
      const n = byId.get(key);
      return n ? { ...attr, color: colourOf(n) } : attr;
    });
  }, [graph, colourOf]);

  useEffect(() => {
    const s = sigma.current?.renderer;
    if (!s) return;
    const { labelColor, defaultEdgeColor } = inks(dark);
    s.setSetting('labelColor', labelColor);
    s.setSetting('defaultEdgeColor', defaultEdgeColor);
  }, [dark]);

  return (
    <div
      ref={container}
      className="network-canvas"
      data-layout={layout}
      aria-label="Influence network"
      role="img"
    />
  );
}
