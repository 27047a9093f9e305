import {
  arrowHead,
  axisLabels,
  DOT,
  FONT_SIZE,
  HEIGHT,
  labelPlace,
  type MapDrawingInput,
  QUADRANT_COLOURS,
  regions,
  trendLine,
  WIDTH,
  xOf,
  yOf,
} from './map-layout.js';

/** Text for XML: names come from imports and may hold anything. */
export function escapeXml(s: string): string {
  return (
    s
      // Characters XML 1.0 does not allow at all are dropped rather than escaped.
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udfff]/g, (c, i, all: string) => {
        // Keep well-formed surrogate pairs; drop lone halves.
        const code = c.charCodeAt(0);
        const next = all.charCodeAt(i + 1);
        const prev = all.charCodeAt(i - 1);
        if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) return c;
        if (code >= 0xdc00 && prev >= 0xd800 && prev <= 0xdbff) return c;
        return '';
      })
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const FONT = 'DejaVu Sans, Helvetica, Arial, sans-serif';

/** The map as a standalone SVG document, for slide decks (and the PNG rendered from it). */
export function mapSvg(map: MapDrawingInput): string {
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${xOf(-100)}" y="36" font-size="22" font-weight="bold" fill="#212529">${escapeXml(map.title)}</text>`,
    `<text x="${xOf(-100)}" y="62" font-size="14" fill="#495057">${escapeXml(map.subtitle)}</text>`,
  ];
  for (const r of regions(map.thresholds)) {
    const c = QUADRANT_COLOURS[r.quadrant];
    out.push(
      `<rect x="${r.x}" y="${r.y}" width="${r.width}" height="${r.height}" fill="${c.fill}" stroke="${c.stroke}" stroke-opacity="0.4"/>`,
      `<text x="${r.x + 8}" y="${r.y + 20}" font-size="13" font-weight="bold" fill="${c.stroke}">${r.label}</text>`,
    );
  }
  for (const a of axisLabels(map.thresholds)) {
    out.push(
      `<text x="${a.x}" y="${a.y}" font-size="12" text-anchor="${a.anchor}" fill="#495057">${escapeXml(a.text)}</text>`,
    );
  }
  for (const p of map.people) {
    const line = p.previous ? trendLine(p.previous, p) : null;
    if (!line) continue;
    const r2 = (n: number) => Math.round(n * 100) / 100;
    out.push(
      `<line x1="${r2(line.x1)}" y1="${r2(line.y1)}" x2="${r2(line.x2)}" y2="${r2(line.y2)}" stroke="#495057" stroke-width="1.5" stroke-dasharray="4 3"/>`,
      `<polygon points="${arrowHead(line)
        .map(([x, y]) => `${r2(x)},${r2(y)}`)
        .join(' ')}" fill="#495057"/>`,
    );
  }
  for (const p of map.people) {
    const c = QUADRANT_COLOURS[p.quadrant];
    const [x, y] = [xOf(p.stance), yOf(p.influence)];
    const label = labelPlace(p);
    out.push(
      `<g data-person="${p.id}"><circle cx="${x}" cy="${y}" r="${DOT / 2}" fill="${c.stroke}" stroke="#ffffff" stroke-width="1.5"/>`,
      `<text x="${label.x}" y="${label.baseline}" font-size="${FONT_SIZE}" text-anchor="${label.anchor}" fill="#212529">${escapeXml(p.name)}</text></g>`,
    );
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
