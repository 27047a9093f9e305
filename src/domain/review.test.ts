import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.js';
import { hasFindings, reviewInitiative } from './review.js';
import { DEFAULT_SETTINGS } from './settings.js';

const now = new Date('2026-11-23T12:00:00.000Z');
let id = 1;
const a = (personId: number, stance: number, assessedAt: string, initiativeId = 1): Assessment => ({
  id: id++,
  initiativeId,
  personId,
  influence: 50,
  stance,
  interconnectedness: null,
  note: null,
  assessedAt,
});
const nameOf = (pid: number): string => `P${pid}`;

describe('reviewInitiative', () => {
  it('flags current assessments older than 30 days, not those exactly 30 days old', () => {
    const r = reviewInitiative(
      { id: 1, name: 'Apollo' },
      [
        a(1, 10, '2026-10-24T23:00:00.000Z'), // 30 days
        a(2, 10, '2026-10-23T01:00:00.000Z'), // 31 days
        a(3, 10, '2026-01-01T00:00:00.000Z'),
        a(3, 10, '2026-11-20T00:00:00.000Z'), // re-assessed since
        a(4, 10, '2025-01-01T00:00:00.000Z', 2), // another initiative
      ],
      [],
      nameOf,
      now,
      DEFAULT_SETTINGS.review,
    );
    expect(r.stale).toEqual([{ id: 2, name: 'P2', assessedAt: '2026-10-23T01:00:00.000Z', daysOld: 31 }]);
  });

  it('lists people with tagged interactions but no assessment', () => {
    const r = reviewInitiative(
      { id: 1, name: 'Apollo' },
      [a(1, 0, '2026-11-20T00:00:00.000Z')],
      [1, 5, 5, 6],
      nameOf,
      now,
      DEFAULT_SETTINGS.review,
    );
    expect(r.neverAssessed).toEqual([
      { id: 5, name: 'P5' },
      { id: 6, name: 'P6' },
    ]);
  });

  it('flags a stance that fell by 30 or more since the previous assessment', () => {
    const r = reviewInitiative(
      { id: 1, name: 'Apollo' },
      [
        a(1, 40, '2026-11-01T00:00:00.000Z'),
        a(1, 10, '2026-11-20T00:00:00.000Z'), // fell 30
        a(2, 40, '2026-11-01T00:00:00.000Z'),
        a(2, 11, '2026-11-20T00:00:00.000Z'), // fell 29
        a(3, -10, '2026-11-01T00:00:00.000Z'),
        a(3, 50, '2026-11-20T00:00:00.000Z'), // rose
      ],
      [],
      nameOf,
      now,
      DEFAULT_SETTINGS.review,
    );
    expect(r.stanceDrops).toEqual([
      { id: 1, name: 'P1', from: 40, to: 10, drop: 30, assessedAt: '2026-11-20T00:00:00.000Z' },
    ]);
    expect(hasFindings(r)).toBe(true);
  });
});
