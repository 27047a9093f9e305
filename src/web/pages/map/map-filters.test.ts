import { describe, expect, it } from 'vitest';
import type { MapEntry, MapView } from '../../api/types';
import { filterFromParams, filterMap, filterToParams, NO_FILTER } from './map-filters';

const entry = (id: number, name: string, moved: boolean): MapEntry => ({
  person: { id, name },
  influence: 60,
  stance: 0,
  assessedAt: '2026-11-01T00:00:00.000Z',
  trend: moved ? { influence: 0, stance: -10, since: '2026-10-01' } : null,
  trendNote: { code: 'first-assessment', params: {}, text: 'first assessment' },
});
const map: MapView = {
  initiative: { id: 1, name: 'Apollo' },
  at: null,
  thresholds: { influence: 50, stance: 20 },
  quadrants: {
    champion: [entry(1, 'Ana García', false)],
    convert: [entry(2, 'José Núñez', true), entry(3, 'Dana Lee', false)],
    ally: [],
    monitor: [entry(4, 'Sam Ortiz', true)],
    neutral: [],
  },
};
const dept = (id: number) => (id % 2 === 0 ? 'Sales' : 'Finance');
const names = (m: MapView) =>
  Object.values(m.quadrants)
    .flat()
    .map((e) => e.person.name);

describe('map filters', () => {
  it('keeps everyone without a filter', () => {
    expect(names(filterMap(map, NO_FILTER, dept))).toEqual([
      'Ana García',
      'José Núñez',
      'Dana Lee',
      'Sam Ortiz',
    ]);
  });

  it('combines quadrants, department, movement and a name typed without accents', () => {
    expect(names(filterMap(map, { ...NO_FILTER, groups: ['convert'] }, dept))).toEqual([
      'José Núñez',
      'Dana Lee',
    ]);
    expect(names(filterMap(map, { ...NO_FILTER, department: 'Sales' }, dept))).toEqual([
      'José Núñez',
      'Sam Ortiz',
    ]);
    expect(names(filterMap(map, { ...NO_FILTER, moved: true, groups: ['convert'] }, dept))).toEqual([
      'José Núñez',
    ]);
    expect(names(filterMap(map, { ...NO_FILTER, q: 'jose nu' }, dept))).toEqual(['José Núñez']);
  });

  it('round-trips through the URL', () => {
    const f = { groups: ['convert', 'monitor'] as const, department: 'Sales', moved: true, q: 'ana' };
    const params = new URLSearchParams(filterToParams({ ...f, groups: [...f.groups] }));
    expect(filterFromParams(params)).toEqual({ ...f, groups: [...f.groups] });
    expect(filterToParams(NO_FILTER)).toEqual({});
  });
});
