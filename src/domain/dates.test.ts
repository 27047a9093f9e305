import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysBetween, parseDay, pastInstant, toDay } from './dates.js';
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
