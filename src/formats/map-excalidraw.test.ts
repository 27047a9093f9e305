import { Resvg } from '@resvg/resvg-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { QUADRANTS, quadrantOf } from '../domain/stakeholder-map.js';
import { mapExcalidraw } from './map-excalidraw.js';
import { type MapDrawingInput, QUADRANT_COLOURS, xOf, yOf } from './map-layout.js';
import { mapSvg } from './map-svg.js';

const T = { influence: 50, stance: 20 };

const person = fc.record({
  name: fc.oneof(
    fc.string({ minLength: 1, maxLength: 30 }),
    fc.constantFrom(
      '<b>Dana</b> & "Co"',
      "O'Neill",
      ']]><!--',
      '\u0000nul\u001f',
      'Łukasz Żółć',
      '😀 emoji',
      '\ud800 lone',
    ),
  ),
  influence: fc.integer({ min: 0, max: 100 }),
  stance: fc.integer({ min: -100, max: 100 }),
  previous: fc.option(
    fc.record({ influence: fc.integer({ min: 0, max: 100 }), stance: fc.integer({ min: -100, max: 100 }) }),
  ),
});

type Drawn = {
  name: string;
  influence: number;
  stance: number;
  previous: { influence: number; stance: number } | null;
};

const drawing = (people: Drawn[]): MapDrawingInput => ({
  title: 'Stakeholder map: <Q3> & "launch"',
  subtitle: 'As of 2026-11-23',
  thresholds: T,
  people: people.map((p, i) => ({ ...p, id: i + 1, quadrant: quadrantOf(p.influence, p.stance, T) })),
});

const COMMON = [
  'id',
  'type',
  'x',
  'y',
  'width',
  'height',
  'angle',
  'strokeColor',
  'backgroundColor',
  'fillStyle',
  'strokeWidth',
  'strokeStyle',
  'roughness',
  'opacity',
  'groupIds',
  'frameId',
  'roundness',
  'seed',
  'version',
  'versionNonce',
  'isDeleted',
  'boundElements',
  'updated',
  'link',
  'locked',
];
const TEXT = [
  'text',
  'fontSize',
  'fontFamily',
  'textAlign',
  'verticalAlign',
  'containerId',
  'originalText',
  'lineHeight',
  'autoResize',
];
const ARROW = ['points', 'startBinding', 'endBinding', 'startArrowhead', 'endArrowhead'];

type El = Record<string, unknown> & {
  id: string;
  type: string;
  x: number;
  y: number;
  width: number;
  height: number;
};

describe('the stakeholder map as an Excalidraw scene', () => {
  it('carries every field Excalidraw requires, each person once at influence × stance, trends as arrows', () => {
    const map = drawing([
      { name: 'Dana Lee', influence: 80, stance: 60, previous: { influence: 70, stance: 10 } },
      { name: 'Olga Zhang', influence: 79, stance: -65, previous: null },
      { name: 'Nils', influence: 20, stance: 0, previous: null },
    ]);
    const scene = JSON.parse(mapExcalidraw(map, Date.parse('2026-11-23T12:00:00Z'))) as {
      type: string;
      version: number;
      elements: El[];
      files: object;
    };
    expect(scene.type).toBe('excalidraw');
    expect(scene.version).toBe(2);
    for (const el of scene.elements) {
      for (const f of COMMON) expect(el, `${el.id}.${f}`).toHaveProperty(f);
      if (el.type === 'text') for (const f of TEXT) expect(el, `${el.id}.${f}`).toHaveProperty(f);
      if (el.type === 'arrow') for (const f of ARROW) expect(el, `${el.id}.${f}`).toHaveProperty(f);
      expect(Number.isInteger(el.seed) && (el.seed as number) > 0).toBe(true);
    }
    // The drawing's scale is the plot the four regions cover: stance −100…+100 left to right,
    // influence 0…100 bottom to top, as a user reads it in Excalidraw.
    const plot = scene.elements.filter((e) => e.type === 'rectangle');
    const left = Math.min(...plot.map((e) => e.x));
    const right = Math.max(...plot.map((e) => e.x + e.width));
    const top = Math.min(...plot.map((e) => e.y));
    const bottom = Math.max(...plot.map((e) => e.y + e.height));
    const at = (q: { influence: number; stance: number }) => ({
      x: left + ((q.stance + 100) / 200) * (right - left),
      y: bottom - (q.influence / 100) * (bottom - top),
    });
    const dots = scene.elements.filter((e) => e.type === 'ellipse');
    expect(dots).toHaveLength(3);
    for (const p of map.people) {
      const dot = dots.find((d) => d.id === `person-${p.id}-dot`)!;
      expect(dot.x + dot.width / 2).toBeCloseTo(at(p).x, 1);
      expect(dot.y + dot.height / 2).toBeCloseTo(at(p).y, 1);
      expect(dot.x + dot.width / 2).toBeCloseTo(xOf(p.stance), 1);
      expect(dot.y + dot.height / 2).toBeCloseTo(yOf(p.influence), 1);
      expect(dot.strokeColor).toBe(QUADRANT_COLOURS[p.quadrant].stroke);
      const labels = scene.elements.filter((e) => e.type === 'text' && e.text === p.name);
      expect(labels).toHaveLength(1);
      // The label moves with its dot when the user drags it.
      expect(labels[0]!.groupIds).toEqual(dot.groupIds);
    }
    const arrows = scene.elements.filter((e) => e.type === 'arrow');
    expect(arrows.map((e) => e.id)).toEqual(['person-1-trend']);
    // The trend starts where the previous assessment put Dana and points at where she is now.
    const trend = arrows[0]!;
    expect(trend.x).toBeCloseTo(at({ influence: 70, stance: 10 }).x, 1);
    expect(trend.y).toBeCloseTo(at({ influence: 70, stance: 10 }).y, 1);
    const [, end] = trend.points as [number, number][];
    const now = at({ influence: 80, stance: 60 });
    expect(Math.hypot(trend.x + end![0] - now.x, trend.y + end![1] - now.y)).toBeLessThan(12);
    const labels = scene.elements.filter((e) => e.type === 'text').map((e) => e.text);
    for (const q of ['Champions', 'To convert', 'Allies', 'To monitor', 'Neutral', '50', '−20', '+20'])
      expect(labels).toContain(q);
    expect(
      QUADRANTS.every((q) => scene.elements.some((e) => e.id === `region-${q}` && e.locked === true)),
    ).toBe(true);
  });

  it('property: the same map gives the same file; ids are unique; the SVG of any names is well-formed XML', () => {
    fc.assert(
      fc.property(fc.array(person, { maxLength: 12 }), (people) => {
        const map = drawing(people);
        const a = mapExcalidraw(map, 1);
        expect(mapExcalidraw(map, 1)).toBe(a);
        const ids = (JSON.parse(a) as { elements: El[] }).elements.map((e) => e.id);
        expect(new Set(ids).size).toBe(ids.length);
        // resvg parses the SVG as strict XML: a name that broke the markup would throw here.
        const svg = mapSvg(map);
        expect(() => new Resvg(svg, { fitTo: { mode: 'zoom', value: 0.05 } }).render()).not.toThrow();
      }),
      { numRuns: 60 },
    );
  });
});
