import type { Assessment, MapEntry } from '../../api/types';
import { px, py, side } from './map-scales';

/** Text and attribute values safe inside SVG markup: names are whatever people typed. */
export const escapeMarkup = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The people on the map as SVG markup, one group per person (dot, name, and a title the
 * browser shows on hover). Built as one string and parsed by the browser: for 500 people this is
 * a few milliseconds, where React creating the same 2,000 elements one by one took most of the
 * map's first render (bench/web-pages.ts).
 */
export function peopleMarkup(entries: MapEntry[], threshold: number): string {
  const out: string[] = [];
  for (const e of entries) {
    const name = escapeMarkup(e.person.name);
    const title = escapeMarkup(
      `${e.person.name}: influence ${e.influence}, stance ${e.stance}. ${e.trendNote.text}`,
    );
    out.push(
      `<g class="map-person ${side(e.stance, threshold)}" data-id="${e.person.id}" data-person="${name}" transform="translate(${px(e.stance)} ${py(e.influence)})"><title>${title}</title><circle r="9" class="map-dot"></circle><text x="13" y="4" class="map-name">${name}</text></g>`,
    );
  }
  return out.join('');
}

/** Every trail (a person's assessments, oldest first) as one path: one element to lay out and paint. */
export function trailsPath(trails: Map<number, Assessment[]>): string {
  const d: string[] = [];
  for (const path of trails.values()) {
    if (path.length < 2) continue;
    path.forEach((a, i) => {
      d.push(i === 0 ? 'M' : 'L', String(Math.round(px(a.stance))), ' ', String(Math.round(py(a.influence))));
    });
  }
  return d.join('');
}
