import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS, daysBetween, parseDay, parseInstant, pastInstant, readDate, toDay } from './dates.js';
import { ValidationError } from './errors.js';

const NOW = new Date('2026-11-23T15:30:00.000Z');

describe('parseDay', () => {
  it('round-trips every real calendar day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const day = toDay(d);
          expect(toDay(parseDay(day))).toBe(day);
        },
      ),
    );
  });

  it('never throws anything but a ValidationError on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        try {
          parseDay(s);
        } catch (e) {
          expect(e).toBeInstanceOf(ValidationError);
        }
      }),
    );
  });

  it('rejects impossible days and other shapes, naming the field', () => {
    expect(() => parseDay('2026-02-29', 'due')).toThrow('due "2026-02-29" is not a real calendar day.');
    expect(() => parseDay('23/11/2026')).toThrow(/use YYYY-MM-DD/);
    expect(parseDay('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});

describe('pastInstant', () => {
  it('defaults to now and keeps today as now', () => {
    expect(pastInstant(undefined, NOW)).toBe(NOW.toISOString());
    expect(pastInstant('2026-11-23', NOW)).toBe(NOW.toISOString());
  });
  it('takes earlier days as midnight UTC', () => {
    expect(pastInstant('2026-11-22', NOW)).toBe('2026-11-22T00:00:00.000Z');
  });
  it('refuses tomorrow', () => {
    expect(() => pastInstant('2026-11-24', NOW)).toThrow(
      'date 2026-11-24 is in the future (today is 2026-11-23)',
    );
  });
});

it('daysBetween counts whole days', () => {
  expect(daysBetween('2026-11-01T00:00:00Z', '2026-11-15T00:00:00Z')).toBe(14);
  expect(daysBetween('2026-11-01T00:00:00Z', '2026-11-14T23:59:59Z')).toBe(13);
});

describe('readDate', () => {
  // NOW is Monday 2026-11-23.
  it.each([
    ['2026-03-14', '2026-03-14'],
    ['today', '2026-11-23'],
    [' Yesterday ', '2026-11-22'],
    ['3 days ago', '2026-11-20'],
    ['1 day ago', '2026-11-22'],
    ['-3d', '2026-11-20'],
    ['last sunday', '2026-11-22'],
    ['last monday', '2026-11-16'],
    ['Last Tuesday', '2026-11-17'],
  ])('reads %s as %s', (text, day) => {
    expect(readDate(text, NOW)).toBe(day);
  });

  it.each(['0', '1', '-1', '5', '03/12/2026', '05.11.2026', 'tomorrow', 'last week', '2026-02-30', ''])(
    'refuses %s, listing the accepted forms',
    (text) => {
      expect(() => readDate(text, NOW, 'at')).toThrow(ValidationError);
      if (text !== '2026-02-30')
        expect(() => readDate(text, NOW, 'at')).toThrow(
          /at ".*" is not a date; use YYYY-MM-DD.*today, yesterday, "N days ago", -Nd.*last monday/,
        );
    },
  );

  it('N days ago is always N whole days before today, and "last X" within the past week', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        (n, now) => {
          const today = Date.parse(toDay(now));
          expect(Date.parse(readDate(`${n} days ago`, now))).toBe(today - n * DAY_MS);
          expect(readDate(`-${n}d`, now)).toBe(readDate(`${n} days ago`, now));
          const lastFriday = Date.parse(readDate('last friday', now));
          expect(new Date(lastFriday).getUTCDay()).toBe(5);
          expect((today - lastFriday) / DAY_MS).toBeGreaterThanOrEqual(1);
          expect((today - lastFriday) / DAY_MS).toBeLessThanOrEqual(7);
        },
      ),
    );
  });

  it('parseInstant reads only days and full ISO times, never loose text', () => {
    expect(parseInstant('2026-03-14T09:30:00Z')).toBe('2026-03-14T09:30:00.000Z');
    for (const bad of ['0', '1', '03/12/2026', 'March 3 2026'])
      expect(() => parseInstant(bad)).toThrow(ValidationError);
  });
});
