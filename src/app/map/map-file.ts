import { createRequire } from 'node:module';
import { parseInput } from '../../contract/common.js';
import { MapFileInput, type MapView } from '../../contract/map.js';
import { toDay } from '../../domain/dates.js';
import { QUADRANTS } from '../../domain/stakeholder-map.js';
import { type MapDrawingInput, mapExcalidraw, mapSvg } from '../../formats/index.js';
import type { Rapport } from '../core/context.js';
import { initiativeMap } from './stakeholder-map.js';

export interface MapFile {
  /** A file name made from the initiative and the day: "q3-launch-2026-11-23.svg". */
  fileName: string;
  mediaType: string;
  content: string | Uint8Array;
}

const MEDIA_TYPES = {
  excalidraw: 'application/vnd.excalidraw+json',
  svg: 'image/svg+xml',
  png: 'image/png',
} as const;

/** The map as the writers draw it: everyone on it, and where their previous assessment put them. */
export function drawingOf(view: MapView, today: string): MapDrawingInput {
  const people = QUADRANTS.flatMap((quadrant) =>
    view.quadrants[quadrant].map((e) => ({
      id: e.person.id,
      name: e.person.name,
      influence: e.influence,
      stance: e.stance,
      quadrant,
      previous: e.trend
        ? { influence: e.influence - e.trend.influence, stance: e.stance - e.trend.stance }
        : null,
    })),
  );
  return {
    title: `Stakeholder map: ${view.initiative.name}`,
    subtitle: view.at ? `As it stood on ${toDay(view.at)}` : `As of ${today}`,
    thresholds: view.thresholds,
    people,
  };
}

const slug = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'map';

/**
 * The stakeholder map as a file for a slide deck: an Excalidraw scene to annotate, an SVG, or a
 * PNG rendered from the same SVG without a browser.
 */
export async function mapFile(r: Rapport, raw: MapFileInput): Promise<MapFile> {
  const { format, ...input } = parseInput(MapFileInput, raw);
  const view = await initiativeMap(r, input);
  const day = toDay(view.at ?? r.now());
  const drawing = drawingOf(view, toDay(r.now()));
  const fileName = `${slug(view.initiative.name)}-${day}.${format}`;
  const mediaType = MEDIA_TYPES[format];
  if (format === 'excalidraw') {
    return {
      fileName,
      mediaType,
      // Stamped with the end of the map's day, not the clock: the same map on the same day is the same file.
      content: mapExcalidraw(drawing, Date.parse(view.at ?? `${day}T23:59:59.999Z`)),
    };
  }
  const svg = mapSvg(drawing);
  if (format === 'svg') return { fileName, mediaType, content: svg };
  // Loaded here only: the renderer is a native module most commands never need (require, as for
  // PostgreSQL's driver in store/database.ts).
  const { Resvg } = createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js');
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  }).render();
  return { fileName, mediaType, content: png.asPng() };
}
