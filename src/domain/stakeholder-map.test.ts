import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings.js';
import { quadrantOf, stakeholderMap, trendNote } from './stakeholder-map.js';
import { assessmentOf as a } from './test-support/assessments.js';

const t = DEFAULT_SETTINGS.map;
const names = (id: number): string => `P${id}`;

describe('quadrantOf', () => {
  it('puts the edges on the stronger side: influence 50 is high, stance ±20 takes a side', () => {
    expect(quadrantOf(50, 20, t)).toBe('champion');
    expect(quadrantOf(49, 20, t)).toBe('ally');
    expect(quadrantOf(50, -20, t)).toBe('convert');
    expect(quadrantOf(49, -20, t)).toBe('monitor');
    expect(quadrantOf(100, 19, t)).toBe('neutral');
    expect(quadrantOf(100, -19, t)).toBe('neutral');
    expect(quadrantOf(0, 0, t)).toBe('neutral');
  });

  it('follows the workspace thresholds', () => {
    expect(quadrantOf(55, 25, { influence: 60, stance: 30 })).toBe('neutral');
    expect(quadrantOf(60, 30, { influence: 60, stance: 30 })).toBe('champion');
  });
});

describe('stakeholderMap', () => {
  it('places current assessments with their trend since the previous one', () => {
    const map = stakeholderMap(
      [
        a(1, 40, -10, '2026-01-01T00:00:00.000Z'),
        a(1, 70, 30, '2026-03-01T00:00:00.000Z'),
        a(2, 80, -60, '2026-02-01T00:00:00.000Z'),
        a(3, 20, 50, '2026-02-01T00:00:00.000Z'),
        a(4, 10, -90, '2026-02-01T00:00:00.000Z'),
        a(5, 90, 5, '2026-02-01T00:00:00.000Z'),
      ],
      names,
      t,
    );
    expect(map.champion).toEqual([
      {
        id: 1,
        name: 'P1',
        influence: 70,
        stance: 30,
        assessedAt: '2026-03-01T00:00:00.000Z',
        trend: { influence: 30, stance: 40, since: '2026-01-01' },
        trendNote: {
          code: 'moved',
          params: { personId: 1, influence: 30, stance: 40, since: '2026-01-01' },
          text: 'influence +30, stance +40 since 2026-01-01',
        },
      },
    ]);
    expect(map.convert.map((e) => [e.id, e.trend, e.trendNote.code])).toEqual([
      [2, null, 'first-assessment'],
    ]);
    expect(map.ally.map((e) => e.id)).toEqual([3]);
    expect(map.monitor.map((e) => e.id)).toEqual([4]);
    expect(map.neutral.map((e) => e.id)).toEqual([5]);
  });

  it('shows the map as it stood at a date', () => {
    const list = [a(1, 40, -30, '2026-01-01T00:00:00.000Z'), a(1, 70, 30, '2026-03-01T00:00:00.000Z')];
    const then = stakeholderMap(list, names, t, '2026-02-01T00:00:00.000Z');
    expect(then.monitor.map((e) => [e.id, e.stance, e.trend])).toEqual([[1, -30, null]]);
    expect(then.champion).toEqual([]);
    expect(stakeholderMap(list, names, t, '2025-12-31T00:00:00.000Z').monitor).toEqual([]);
  });

  it('places people the same whatever order the assessments were entered in', () => {
    const assessment = fc.record({
      personId: fc.integer({ min: 1, max: 8 }),
      influence: fc.integer({ min: 0, max: 100 }),
      stance: fc.integer({ min: -100, max: 100 }),
      day: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(
        // Distinct (person, day) pairs: two assessments of one person at the same instant have no order.
        fc.uniqueArray(assessment, { selector: (x) => `${x.personId}:${x.day}`, maxLength: 30 }),
        fc.integer(),
        (rows, seed) => {
          const at = (d: number): string => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();
          const entered = rows.map((r, i) => ({
            ...a(r.personId, r.influence, r.stance, at(r.day)),
            id: i + 1,
          }));
          // Re-enter in a shuffled order: new ids, same facts.
          const shuffled = [...rows]
            .map((r, i) => ({ r, k: (i * 2654435761 + seed) % 1000 }))
            .sort((x, y) => x.k - y.k)
            .map(({ r }, i) => ({ ...a(r.personId, r.influence, r.stance, at(r.day)), id: i + 1 }));
          expect(stakeholderMap(shuffled, names, t)).toEqual(stakeholderMap(entered, names, t));
        },
      ),
    );
  });

  it('writes no change in one of the two as ±0, never a bare 0 that reads as a value', () => {
    expect(trendNote(7, { influence: 0, stance: -25, since: '2026-10-01' }).text).toBe(
      'influence ±0, stance -25 since 2026-10-01',
    );
    expect(trendNote(7, { influence: 0, stance: 0, since: '2026-10-01' }).text).toBe(
      'unchanged since 2026-10-01',
    );
  });
});
