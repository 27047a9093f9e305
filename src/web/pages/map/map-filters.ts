import type { MapEntry, MapView, Quadrant } from '../../api/types';

/** Which people a map shows; empty choices show everyone. */
export interface MapFilter {
  /** Quadrants to show; none chosen shows all. */
  groups: Quadrant[];
  department: string | null;
  /** Only people whose place changed at their latest assessment. */
  moved: boolean;
  /** Part of a name, compared without case or accents. */
  q: string;
}

export const NO_FILTER: MapFilter = { groups: [], department: null, moved: false, q: '' };

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

/** The map with only the people the filter keeps, quadrant by quadrant. */
export function filterMap(
  map: MapView,
  f: MapFilter,
  departmentOf: (personId: number) => string | null,
): MapView {
  // Unfiltered, the same object: the map (500 people) is not drawn again when the people list
  // arrives after it.
  if (f.groups.length === 0 && f.department === null && !f.moved && f.q.trim() === '') return map;
  const q = fold(f.q);
  const keep = (e: MapEntry) =>
    (f.department === null || departmentOf(e.person.id) === f.department) &&
    (!f.moved || (e.trend !== null && (e.trend.influence !== 0 || e.trend.stance !== 0))) &&
    (q === '' || fold(e.person.name).includes(q));
  const quadrants = Object.fromEntries(
    (Object.entries(map.quadrants) as [Quadrant, MapEntry[]][]).map(([quadrant, list]) => [
      quadrant,
      f.groups.length > 0 && !f.groups.includes(quadrant) ? [] : list.filter(keep),
    ]),
  ) as MapView['quadrants'];
  return { ...map, quadrants };
}

/** The filter as URL search parameters, so a filtered map can be bookmarked and shared. */
export function filterFromParams(params: URLSearchParams): MapFilter {
  const groups = (params.get('show') ?? '').split(',').filter(Boolean) as Quadrant[];
  return {
    groups,
    department: params.get('department'),
    moved: params.get('moved') === '1',
    q: params.get('q') ?? '',
  };
}

export function filterToParams(f: MapFilter): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.groups.length > 0) out.show = f.groups.join(',');
  if (f.department) out.department = f.department;
  if (f.moved) out.moved = '1';
  if (f.q) out.q = f.q;
  return out;
}
