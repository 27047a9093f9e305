import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hrDay } from './hr-date.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

describe('hire dates in HR files', () => {
  it('reads the year-first and month-by-name forms HR exports write', () => {
    expect(hrDay('2019-03-15')).toBe('2019-03-15');
    expect(hrDay(' 2019/3/5 ')).toBe('2019-03-05');
    expect(hrDay('2019-03-15T00:00:00.000-08:00')).toBe('2019-03-15');
    expect(hrDay('15 Mar 2019')).toBe('2019-03-15');
    expect(hrDay('15-March-2019')).toBe('2019-03-15');
    expect(hrDay('March 15, 2019')).toBe('2019-03-15');
    expect(hrDay('Sep 1 2020')).toBe('2020-09-01');
  });

  it('refuses what it cannot read for certain: day or month first, impossible days, other years', () => {
    for (const bad of [
      '03/04/2019',
      '15.03.2019',
      '2019-02-30',
      '2019-13-01',
      '0',
      '',
      'soon',
      '1850-01-01',
      '2019-03',
    ])
      expect(hrDay(bad), bad).toBeNull();
  });

  it('property: every real day reads back the same in each form', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
          expect(hrDay(iso)).toBe(iso);
          expect(hrDay(`${y}/${m + 1}/${dd}`)).toBe(iso);
          expect(hrDay(`${dd} ${MONTHS[m]} ${y}`)).toBe(iso);
          expect(hrDay(`${MONTHS[m]} ${dd}, ${y}`)).toBe(iso);
        },
      ),
    );
  });

  it('property: any text gives a real day or null, never an error', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const out = hrDay(s);
        if (out !== null) expect(out).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
    );
  });
});
