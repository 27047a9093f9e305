import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../domain/settings.js';
import { QUADRANTS, type StakeholderMap, stakeholderMap } from '../domain/stakeholder-map.js';
import { assessmentOf as a } from '../domain/test-support/assessments.js';
import { mapGrid } from './map-grid.js';

/** The domain's map as results carry it: each entry names its person as `{id, name}`. */
const asView = (map: StakeholderMap) =>
  Object.fromEntries(
    QUADRANTS.map((q) => [q, map[q].map(({ id, name, ...place }) => ({ person: { id, name }, ...place }))]),
  ) as Parameters<typeof mapGrid>[0];

const t = DEFAULT_SETTINGS.map;
describe('mapGrid', () => {
  it('draws every name within 80 columns, high influence at the top and supporters on the right', () => {
    const map = stakeholderMap(
      [
        a(1, 90, 80, '2026-01-01T00:00:00.000Z'),
        a(2, 90, -80, '2026-01-01T00:00:00.000Z'),
        a(3, 10, 60, '2026-01-01T00:00:00.000Z'),
      ],
      (id) => ['', 'Grace Hopper', 'Ada Lovelace', 'Alan Turing'][id]!,
      t,
    );
    const lines = mapGrid(asView(map), t);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
    const rowOf = (name: string): number => lines.findIndex((l) => l.includes(name));
    const colOf = (name: string): number => lines[rowOf(name)]!.indexOf(name);
    expect(rowOf('Grace Hopper')).toBeLessThan(rowOf('Alan Turing'));
    expect(colOf('Ada Lovelace')).toBeLessThan(colOf('Grace Hopper'));
    expect(lines.join('\n')).not.toContain('Not drawn');
  });

  it('lists the names it could not fit instead of dropping them', () => {
    const crowd = Array.from({ length: 40 }, (_, i) => a(i + 1, 75, 50, '2026-01-01T00:00:00.000Z'));
    const lines = mapGrid(asView(stakeholderMap(crowd, (id) => `Person ${id}`, t)), t);
    const text = lines.join(' ');
    const drawn = lines.join('').split('•').length - 1;
    const listed = text.slice(text.indexOf('Not drawn')).split(';').length;
    expect(drawn).toBeGreaterThan(0);
    expect(drawn + listed).toBe(40);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(80);
  });
});
