import {
  axisLabels,
  DOT,
  FONT_SIZE,
  labelPlace,
  type MapDrawingInput,
  QUADRANT_COLOURS,
  regions,
  textWidth,
  trendLine,
  xOf,
  yOf,
} from './map-layout.js';

// Excalidraw's scene format (https://docs.excalidraw.com, "JSON schema"): a file Excalidraw
// opens as it is, so a user can annotate the map for a slide. Every element carries the fields
// Excalidraw's restore expects; ids, seeds and nonces derive from the content, so the same map
// always gives the same file.

/** A 31-bit hash of text (FNV-1a): stable seeds and nonces. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & 0x7fffffff;
}

type Element = Record<string, unknown> & { id: string; type: string };

interface Common {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  strokeColor?: string;
  backgroundColor?: string;
  groupIds?: string[];
  locked?: boolean;
  strokeStyle?: 'solid' | 'dashed';
}

function base(type: string, c: Common, updated: number): Element {
  return {
    id: c.id,
    type,
    x: Math.round(c.x * 100) / 100,
    y: Math.round(c.y * 100) / 100,
    width: Math.round(c.width * 100) / 100,
    height: Math.round(c.height * 100) / 100,
    angle: 0,
    strokeColor: c.strokeColor ?? '#1e1e1e',
    backgroundColor: c.backgroundColor ?? 'transparent',
    fillStyle: 'solid',
    strokeWidth: 1,
    strokeStyle: c.strokeStyle ?? 'solid',
    roughness: 0,
    opacity: 100,
    groupIds: c.groupIds ?? [],
    frameId: null,
    roundness: null,
    seed: hash(c.id) || 1,
    version: 1,
    versionNonce: hash(`${c.id}#nonce`),
    isDeleted: false,
    boundElements: null,
    updated,
    link: null,
    locked: c.locked ?? false,
  };
}

function text(
  c: Omit<Common, 'width' | 'height'> & {
    text: string;
    fontSize?: number;
    align?: 'left' | 'center' | 'right';
  },
  updated: number,
): Element {
  const fontSize = c.fontSize ?? FONT_SIZE;
  const width = textWidth(c.text, fontSize);
  const x = c.align === 'right' ? c.x - width : c.align === 'center' ? c.x - width / 2 : c.x;
  return {
    ...base('text', { ...c, x, width, height: Math.ceil(fontSize * 1.25) }, updated),
    text: c.text,
    fontSize,
    fontFamily: 2,
    textAlign: c.align ?? 'left',
    verticalAlign: 'top',
    containerId: null,
    originalText: c.text,
    lineHeight: 1.25,
    autoResize: true,
  };
}

/** The map as an Excalidraw scene: regions and axes locked, one dot and label per person, trends as arrows. */
export function mapExcalidraw(map: MapDrawingInput, updated: number): string {
  const elements: Element[] = [
    text({ id: 'title', x: xOf(-100), y: 14, text: map.title, fontSize: 24 }, updated),
    text(
      { id: 'subtitle', x: xOf(-100), y: 48, text: map.subtitle, fontSize: 14, strokeColor: '#495057' },
      updated,
    ),
  ];
  for (const r of regions(map.thresholds)) {
    const c = QUADRANT_COLOURS[r.quadrant];
    elements.push(
      base(
        'rectangle',
        { id: `region-${r.quadrant}`, ...r, strokeColor: c.stroke, backgroundColor: c.fill, locked: true },
        updated,
      ),
      text(
        {
          id: `region-${r.quadrant}-label`,
          x: r.x + 8,
          y: r.y + 6,
          text: r.label,
          strokeColor: c.stroke,
          locked: true,
        },
        updated,
      ),
    );
  }
  axisLabels(map.thresholds).forEach((a, i) => {
    elements.push(
      text(
        {
          id: `axis-${i}`,
          x: a.x,
          y: a.y - 14,
          text: a.text,
          fontSize: 12,
          align: a.anchor === 'start' ? 'left' : a.anchor === 'end' ? 'right' : 'center',
          strokeColor: '#495057',
          locked: true,
        },
        updated,
      ),
    );
  });
  for (const p of map.people) {
    const c = QUADRANT_COLOURS[p.quadrant];
    const [x, y] = [xOf(p.stance), yOf(p.influence)];
    const group = [`person-${p.id}`];
    const label = labelPlace(p);
    const line = p.previous ? trendLine(p.previous, p) : null;
    if (line) {
      const { x1: px, y1: py, x2, y2 } = line;
      elements.push({
        ...base(
          'arrow',
          {
            id: `person-${p.id}-trend`,
            x: px,
            y: py,
            width: Math.abs(x2 - px),
            height: Math.abs(y2 - py),
            strokeColor: '#495057',
            strokeStyle: 'dashed',
            groupIds: group,
          },
          updated,
        ),
        points: [
          [0, 0],
          [Math.round((x2 - px) * 100) / 100, Math.round((y2 - py) * 100) / 100],
        ],
        lastCommittedPoint: null,
        startBinding: null,
        endBinding: null,
        startArrowhead: null,
        endArrowhead: 'arrow',
        elbowed: false,
      });
    }
    elements.push(
      base(
        'ellipse',
        {
          id: `person-${p.id}-dot`,
          x: x - DOT / 2,
          y: y - DOT / 2,
          width: DOT,
          height: DOT,
          strokeColor: c.stroke,
          backgroundColor: c.stroke,
          groupIds: group,
        },
        updated,
      ),
      text(
        {
          id: `person-${p.id}-name`,
          x: label.x,
          // Excalidraw places text by its top: the baseline less the font's ascent, about.
          y: label.baseline - 14,
          text: p.name,
          groupIds: group,
          align: label.anchor === 'end' ? 'right' : 'left',
        },
        updated,
      ),
    );
  }
  return `${JSON.stringify(
    {
      type: 'excalidraw',
      version: 2,
      source: 'rapport',
      elements,
      appState: { viewBackgroundColor: '#ffffff', gridSize: null },
      files: {},
    },
    null,
    2,
  )}\n`;
}
