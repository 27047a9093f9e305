import type { Quadrant } from '../domain/stakeholder-map.js';

// One drawing of a stakeholder map, shared by the SVG and Excalidraw writers (and so by the PNG,
// rendered from the SVG): stance runs left (detractor) to right (supporter), influence bottom to top.

export interface MapDrawingPerson {
  id: number;
  name: string;
  influence: number;
  stance: number;
  quadrant: Quadrant;
  /** Where the previous assessment placed them; null for a first assessment. */
  previous: { influence: number; stance: number } | null;
}

export interface MapDrawingInput {
  title: string;
  /** "as it stood on 2026-09-30", or the day it was drawn. */
  subtitle: string;
  thresholds: { influence: number; stance: number };
  people: readonly MapDrawingPerson[];
}

export const WIDTH = 1000;
export const HEIGHT = 720;
const LEFT = 80;
const RIGHT = 960;
const TOP = 90;
const BOTTOM = 650;

export const xOf = (stance: number): number => LEFT + ((stance + 100) / 200) * (RIGHT - LEFT);
export const yOf = (influence: number): number => BOTTOM - (influence / 100) * (BOTTOM - TOP);

/** Stroke colour per quadrant (Excalidraw's palette, so a drawing edited there keeps matching). */
export const QUADRANT_COLOURS: Record<Quadrant, { stroke: string; fill: string }> = {
  champion: { stroke: '#2f9e44', fill: '#ebfbee' },
  convert: { stroke: '#e03131', fill: '#fff5f5' },
  ally: { stroke: '#1971c2', fill: '#e7f5ff' },
  monitor: { stroke: '#f08c00', fill: '#fff9db' },
  neutral: { stroke: '#868e96', fill: '#f8f9fa' },
};

const REGION_LABELS: Record<Quadrant, string> = {
  champion: 'Champions',
  convert: 'To convert',
  ally: 'Allies',
  monitor: 'To monitor',
  neutral: 'Neutral',
};

export interface Region {
  quadrant: Quadrant;
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The five regions: four quadrants and the neutral band between the stance thresholds. */
export function regions(t: { influence: number; stance: number }): Region[] {
  const [l, nl, nr, r] = [xOf(-100), xOf(-t.stance), xOf(t.stance), xOf(100)];
  const [top, mid, bottom] = [yOf(100), yOf(t.influence), yOf(0)];
  const box = (quadrant: Quadrant, x0: number, y0: number, x1: number, y1: number): Region => ({
    quadrant,
    label: REGION_LABELS[quadrant],
    x: x0,
    y: y0,
    width: x1 - x0,
    height: y1 - y0,
  });
  return [
    box('convert', l, top, nl, mid),
    box('champion', nr, top, r, mid),
    box('monitor', l, mid, nl, bottom),
    box('ally', nr, mid, r, bottom),
    box('neutral', nl, top, nr, bottom),
  ];
}

export interface AxisLabel {
  text: string;
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** The axes' words and numbers, thresholds included. */
export function axisLabels(t: { influence: number; stance: number }): AxisLabel[] {
  const below = yOf(0) + 24;
  return [
    { text: 'detractor −100', x: xOf(-100), y: below, anchor: 'start' },
    { text: `−${t.stance}`, x: xOf(-t.stance), y: below, anchor: 'middle' },
    { text: 'stance 0', x: xOf(0), y: below, anchor: 'middle' },
    { text: `+${t.stance}`, x: xOf(t.stance), y: below, anchor: 'middle' },
    { text: 'supporter +100', x: xOf(100), y: below, anchor: 'end' },
    { text: '↑ influence', x: 8, y: yOf(100) - 12, anchor: 'start' },
    { text: '100', x: xOf(-100) - 8, y: yOf(100) + 5, anchor: 'end' },
    { text: String(t.influence), x: xOf(-100) - 8, y: yOf(t.influence) + 5, anchor: 'end' },
    { text: '0', x: xOf(-100) - 8, y: yOf(0) + 5, anchor: 'end' },
  ];
}

export const DOT = 14;
export const FONT_SIZE = 14;

/** About how wide a line of text is, for boxes that must hold it (Excalidraw wants a width). */
export const textWidth = (text: string, size = FONT_SIZE): number => Math.ceil(text.length * size * 0.6);

/**
 * A trend arrow from the previous place to the current one, stopped short of the dot so its
 * head shows; null when the two are too close to draw.
 */
export function trendLine(
  from: { influence: number; stance: number },
  to: { influence: number; stance: number },
): { x1: number; y1: number; x2: number; y2: number } | null {
  const [x1, y1, x, y] = [xOf(from.stance), yOf(from.influence), xOf(to.stance), yOf(to.influence)];
  const length = Math.hypot(x - x1, y - y1);
  const gap = DOT / 2 + 3;
  if (length <= gap + 4) return null;
  const k = (length - gap) / length;
  return { x1, y1, x2: x1 + (x - x1) * k, y2: y1 + (y - y1) * k };
}

export const LABEL_GAP = 4;

/**
 * Where a person's name starts, its baseline and anchor: right of the dot, unless their trend
 * arrow comes in from the right (it would run through the name); then left of the dot where the
 * name fits inside the plot, else above it.
 */
export function labelPlace(p: MapDrawingPerson): { x: number; baseline: number; anchor: 'start' | 'end' } {
  const [x, y] = [xOf(p.stance), yOf(p.influence)];
  const right = { x: x + DOT / 2 + LABEL_GAP, baseline: y + 5, anchor: 'start' as const };
  if (!p.previous || p.previous.stance <= p.stance) return right;
  if (textWidth(p.name) <= x - DOT / 2 - LABEL_GAP - xOf(-100))
    return { x: x - DOT / 2 - LABEL_GAP, baseline: y + 5, anchor: 'end' };
  return { x: x - DOT / 2, baseline: y - DOT / 2 - LABEL_GAP, anchor: 'start' };
}

/**
 * The trend arrow's head as a triangle's corners. Drawn as a plain shape, not an SVG marker:
 * resvg 2.6 aborts the whole process on a marker outside the viewport.
 */
export function arrowHead(line: { x1: number; y1: number; x2: number; y2: number }): [number, number][] {
  const [dx, dy] = [line.x2 - line.x1, line.y2 - line.y1];
  const length = Math.hypot(dx, dy) || 1;
  const [ux, uy] = [dx / length, dy / length];
  const [bx, by] = [line.x2 - ux * 9, line.y2 - uy * 9];
  return [
    [line.x2, line.y2],
    [bx - uy * 4, by + ux * 4],
    [bx + uy * 4, by - ux * 4],
  ];
}
