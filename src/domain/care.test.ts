import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { careClock } from './care.js';

const now = new Date('2026-12-01T12:00:00Z');
const added = '2026-01-01T09:00:00Z';

describe('careClock', () => {
  it('counts a one-to-one for the whole cadence', () => {
    const c = careClock(
      { lastOneToOneAt: '2026-11-01T10:00:00Z', lastGroupAt: null, createdAt: added },
      14,
      0.5,
      now,
    );
    expect(c).toEqual({ by: 'one-to-one', daysSince: 30, credit: 14, overdueDays: 16 });
  });

  it('counts a small meeting for a share of the cadence', () => {
    // A one-to-one 40 days ago, a four-person meeting 10 days ago: the meeting buys 7 of 14 days.
    const c = careClock(
      { lastOneToOneAt: '2026-10-22T10:00:00Z', lastGroupAt: '2026-11-21T10:00:00Z', createdAt: added },
      14,
      0.5,
      now,
    );
    expect(c).toEqual({ by: 'group', daysSince: 10, credit: 7, overdueDays: 3 });
  });

  it('lets the one-to-one decide when it leaves more time than a later meeting', () => {
    const c = careClock(
      { lastOneToOneAt: '2026-11-25T10:00:00Z', lastGroupAt: '2026-11-29T10:00:00Z', createdAt: added },
      30,
      0.5,
      now,
    );
    expect(c.by).toBe('one-to-one');
    expect(c.overdueDays).toBe(-24);
  });

  it('counts from when they were added when there was never real contact', () => {
    const c = careClock(
      { lastOneToOneAt: null, lastGroupAt: null, createdAt: '2026-11-01T00:00:00Z' },
      14,
      0.5,
      now,
    );
    expect(c).toEqual({ by: 'added', daysSince: 30, credit: 14, overdueDays: 16 });
  });

  it('ignores small meetings when their share is 0', () => {
    const c = careClock(
      { lastOneToOneAt: null, lastGroupAt: '2026-11-30T00:00:00Z', createdAt: added },
      14,
      0,
      now,
    );
    expect(c.by).toBe('added');
  });

  it('never leaves less time than the latest one-to-one alone would, nor more than a full cadence from it', () => {
    const day = fc
      .integer({ min: 0, max: 400 })
      .map((d) => new Date(now.getTime() - d * 86_400_000).toISOString());
    fc.assert(
      fc.property(
        fc.option(day, { nil: null }),
        fc.option(day, { nil: null }),
        fc.integer({ min: 1, max: 120 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (one, group, cadence, share) => {
          const c = careClock(
            { lastOneToOneAt: one, lastGroupAt: group, createdAt: added },
            cadence,
            share,
            now,
          );
          if (one !== null) {
            const alone = careClock(
              { lastOneToOneAt: one, lastGroupAt: null, createdAt: added },
              cadence,
              share,
              now,
            );
            expect(c.overdueDays).toBeLessThanOrEqual(alone.overdueDays);
          }
          expect(c.credit).toBeLessThanOrEqual(cadence);
          expect(c.overdueDays).toBe(c.daysSince - c.credit);
        },
      ),
    );
  });
});
