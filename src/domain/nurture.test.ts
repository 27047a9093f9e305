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
  lastOneToOneAt: null,
  lastGroupAt: null,
  importance: 10,
  ...over,
});
/** Someone last met one to one at `at` (their last contact of any kind too). */
const metAlone = (at: string, over: Partial<NurtureCandidate> = {}): NurtureCandidate =>
  person({ lastOneToOneAt: at, lastInteractionAt: at, ...over });

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
    const due = metAlone('2026-11-09T18:00:00.000Z', { id: 1 });
    const late = metAlone('2026-11-08T18:00:00.000Z', { id: 2 });
    const list = nurtureList([due, late], now, DEFAULT_SETTINGS);
    expect(list.map((e) => [e.id, e.daysSince, e.overdueDays])).toEqual([[2, 15, 1]]);
  });

  it('counts never-contacted people from when they were added', () => {
    const list = nurtureList(
      [person({ tier: 'friend', createdAt: '2026-10-01T12:00:00.000Z' })],
      now,
      DEFAULT_SETTINGS,
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
        metAlone('2026-11-01T00:00:00.000Z', { id: 1, name: 'A', importance: 50 }), // 8 over → 400
        metAlone('2026-10-01T00:00:00.000Z', { id: 2, name: 'B', importance: 5 }), // 39 over → 195
        metAlone('2026-09-01T00:00:00.000Z', { id: 3, name: 'C', importance: 0 }), // 69 over → 0
        metAlone('2026-10-25T00:00:00.000Z', { id: 4, name: 'D', importance: 0 }), // 15 over → 0
        person({
          id: 5,
          name: 'E',
          tier: 'none',
          lastInteractionAt: '2020-01-01T00:00:00.000Z',
          importance: 99,
        }),
      ],
      now,
      DEFAULT_SETTINGS,
    );
    expect(list.map((e) => [e.name, e.priority])).toEqual([
      ['A', 400],
      ['B', 195],
      ['C', 0],
      ['D', 0],
    ]);
  });

  it('honours a per-person cadence', () => {
    const p = metAlone('2026-11-19T00:00:00.000Z', { tier: 'acquaintance', cadenceDays: 3 });
    expect(nurtureList([p], now, DEFAULT_SETTINGS)[0]?.overdueDays).toBe(1);
  });

  it('counts a small meeting for half the cadence and a large one not at all (issue 13 §5)', () => {
    // A partner (14 days) last met alone 40 days ago.
    const base = { tier: 'partner' as const, lastOneToOneAt: '2026-10-14T10:00:00.000Z' };
    const inGroup = person({
      ...base,
      id: 1,
      lastGroupAt: '2026-11-13T10:00:00.000Z',
      lastInteractionAt: '2026-11-13T10:00:00.000Z',
    });
    const allHands = person({ ...base, id: 2, lastInteractionAt: '2026-11-20T10:00:00.000Z' });
    const list = nurtureList([inGroup, allHands], now, DEFAULT_SETTINGS);
    const byId = new Map(list.map((e) => [e.id, e]));
    // The four-person meeting 10 days ago bought 7 days: 3 past.
    expect(byId.get(1)).toMatchObject({ countedFrom: 'group', daysSince: 10, overdueDays: 3 });
    expect(byId.get(1)!.reason.text).toBe(
      'last seen in a small meeting 10 days ago, which counts for 7 of the 14 days: 3 days past',
    );
    // The all-hands three days ago does not count: 40 days since the one-to-one, 26 past.
    expect(byId.get(2)).toMatchObject({ countedFrom: 'one-to-one', daysSince: 40, overdueDays: 26 });
    expect(byId.get(2)!.lastInteractionAt).toBe('2026-11-20T10:00:00.000Z');
    expect(byId.get(2)!.reason.text).toBe('last one-to-one 40 days ago, 26 days past the 14-day cadence');
  });

  it('says when someone was only ever seen in large meetings', () => {
    const p = person({
      tier: 'friend',
      createdAt: '2026-10-01T12:00:00.000Z',
      lastInteractionAt: '2026-11-20T10:00:00.000Z',
    });
    const [e] = nurtureList([p], now, DEFAULT_SETTINGS);
    expect(e).toMatchObject({ countedFrom: 'added', daysSince: 53, overdueDays: 23 });
    expect(e!.reason.code).toBe('never-contacted');
    expect(e!.reason.text).toBe(
      'only large meetings (the last on 2026-11-20) in the 53 days since they were added, 23 days past the 30-day cadence',
    );
  });
});
