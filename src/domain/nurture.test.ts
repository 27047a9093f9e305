import { describe, expect, it } from 'vitest';
import { cadenceOf, type NurtureCandidate, nurtureList } from './nurture.js';
import { DEFAULT_SETTINGS } from './settings.js';

const cadence = DEFAULT_SETTINGS.cadence;
const now = new Date('2026-11-23T09:00:00.000Z');
const person = (over: Partial<NurtureCandidate>): NurtureCandidate => ({
  id: 1,
  name: 'P',
  tier: 'partner',
  cadenceDays: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastInteractionAt: null,
  importance: 10,
  ...over,
});

describe('cadenceOf', () => {
  it('uses the override, else the tier, and nothing for the untiered', () => {
    expect(cadenceOf('partner', null, cadence)).toBe(14);
    expect(cadenceOf('friend', null, cadence)).toBe(30);
    expect(cadenceOf('acquaintance', null, cadence)).toBe(90);
    expect(cadenceOf('friend', 5, cadence)).toBe(5);
    expect(cadenceOf('none', null, cadence)).toBeNull();
  });
});

describe('nurtureList', () => {
  it('is due, not overdue, on exactly the cadence day; overdue the day after', () => {
    // 2026-11-09 is 14 days before 2026-11-23; 2026-11-08 is 15.
    const due = person({ id: 1, lastInteractionAt: '2026-11-09T18:00:00.000Z' });
    const late = person({ id: 2, lastInteractionAt: '2026-11-08T18:00:00.000Z' });
    const list = nurtureList([due, late], now, cadence);
    expect(list.map((e) => [e.id, e.daysSince, e.overdueDays])).toEqual([[2, 15, 1]]);
  });

  it('counts never-contacted people from when they were added', () => {
    const list = nurtureList(
      [person({ tier: 'friend', createdAt: '2026-10-01T12:00:00.000Z' })],
      now,
      cadence,
    );
    expect(list[0]).toMatchObject({
      cadenceDays: 30,
      daysSince: 53,
      overdueDays: 23,
      lastInteractionAt: null,
    });
  });

  it('ranks by overdue days × importance, then by overdue days', () => {
    const list = nurtureList(
      [
        person({ id: 1, name: 'A', lastInteractionAt: '2026-11-01T00:00:00.000Z', importance: 50 }), // 8 over → 400
        person({ id: 2, name: 'B', lastInteractionAt: '2026-10-01T00:00:00.000Z', importance: 5 }), // 39 over → 195
        person({ id: 3, name: 'C', lastInteractionAt: '2026-09-01T00:00:00.000Z', importance: 0 }), // 69 over → 0
        person({ id: 4, name: 'D', lastInteractionAt: '2026-10-25T00:00:00.000Z', importance: 0 }), // 15 over → 0
        person({
          id: 5,
          name: 'E',
          tier: 'none',
          lastInteractionAt: '2020-01-01T00:00:00.000Z',
          importance: 99,
        }),
      ],
      now,
      cadence,
    );
    expect(list.map((e) => [e.name, e.priority])).toEqual([
      ['A', 400],
      ['B', 195],
      ['C', 0],
      ['D', 0],
    ]);
  });

  it('honours a per-person cadence', () => {
    const p = person({ tier: 'acquaintance', cadenceDays: 3, lastInteractionAt: '2026-11-19T00:00:00.000Z' });
    expect(nurtureList([p], now, cadence)[0]?.overdueDays).toBe(1);
  });
});
