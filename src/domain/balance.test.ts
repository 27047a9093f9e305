import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageInDays, balance, type CapitalDay, decayFromAnchor, decayWeight } from './balance.js';

const now = new Date('2026-11-23T15:30:00.000Z');
const day = (d: string, capital: number): CapitalDay => ({
  day: d,
  deposits: Math.max(capital, 0),
  withdrawals: Math.max(-capital, 0),
});

describe('balance', () => {
  it('halves capital per half-life of age, counted in whole UTC days', () => {
    // 180 days before 2026-11-23 is 2026-05-27; 360 days is 2025-11-28.
    const b = balance(7, [day('2026-11-23', 3), day('2026-05-27', 4), day('2025-11-28', -8)], null, now, 180);
    expect(b).toEqual({
      personId: 7,
      balance: 3 + 2 - 2,
      deposits: 7,
      withdrawals: 8,
      // Decayed: 3 today and 4 a half-life ago make 5; 8 two half-lives ago, 2.
      depositsNow: 5,
      withdrawalsNow: 2,
      lastInteractionAt: null,
    });
  });

  it('reports totals undecayed and rounds the balance to cents', () => {
    const b = balance(1, [day('2026-08-25', 3)], '2026-08-25T10:00:00.000Z', now, 180); // 90 days: 3 / √2
    expect(b.balance).toBe(2.12);
    expect(b.deposits).toBe(3);
    expect(b.lastInteractionAt).toBe('2026-08-25T10:00:00.000Z');
  });

  it('counts capital dated after today in full', () => {
    expect(balance(1, [day('2026-12-01', -2)], null, now, 180).balance).toBe(-2);
  });

  it('is zero with nobody logged', () => {
    expect(balance(1, [], null, now, 180)).toEqual({
      personId: 1,
      balance: 0,
      deposits: 0,
      withdrawals: 0,
      depositsNow: 0,
      withdrawalsNow: 0,
      lastInteractionAt: null,
    });
  });

  const entry = fc.record({
    age: fc.integer({ min: 0, max: 2000 }),
    capital: fc.integer({ min: -20, max: 20 }),
  });
  const asDays = (entries: { age: number; capital: number }[]): CapitalDay[] =>
    entries.map((e) =>
      day(new Date(now.getTime() - e.age * 86_400_000).toISOString().slice(0, 10), e.capital),
    );
  const raw = (entries: { age: number; capital: number }[], h: number): number =>
    entries.reduce((s, e) => s + e.capital * decayWeight(e.age, h), 0);

  it('is linear in deposits: the balance of two ledgers together is the sum of their balances', () => {
    fc.assert(
      fc.property(fc.array(entry), fc.array(entry), fc.integer({ min: 1, max: 1000 }), (x, y, h) => {
        const both = raw([...x, ...y], h);
        expect(both).toBeCloseTo(raw(x, h) + raw(y, h), 9);
        // Rounded to cents: at most half a cent away.
        expect(Math.abs(balance(1, asDays([...x, ...y]), null, now, h).balance - both)).toBeLessThanOrEqual(
          0.005 + 1e-9,
        );
      }),
    );
  });

  it('shows decayed parts that add up to the balance, each within a cent of its exact value (issue 13 §7)', () => {
    fc.assert(
      fc.property(fc.array(entry), fc.integer({ min: 1, max: 1000 }), (x, h) => {
        const b = balance(1, asDays(x), null, now, h);
        const exactDeposits = raw(
          x.filter((e) => e.capital > 0),
          h,
        );
        expect(Math.round((b.depositsNow - b.withdrawalsNow) * 100)).toBe(Math.round(b.balance * 100));
        expect(Math.abs(b.depositsNow - exactDeposits)).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(Math.abs(b.withdrawalsNow - (exactDeposits - raw(x, h)))).toBeLessThanOrEqual(0.01 + 1e-9);
        expect(b.depositsNow).toBeLessThanOrEqual(b.deposits);
        expect(b.withdrawalsNow).toBeLessThanOrEqual(b.withdrawals + 0.01);
      }),
    );
  });

  it('scales with the capital: k times every deposit gives k times the balance', () => {
    fc.assert(
      fc.property(
        fc.array(entry),
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: 1, max: 1000 }),
        (x, k, h) => {
          const scaled = x.map((e) => ({ ...e, capital: e.capital * k }));
          expect(raw(scaled, h)).toBeCloseTo(k * raw(x, h), 9);
        },
      ),
    );
  });

  it('never flips a sign: decay shrinks a deposit or a withdrawal but keeps it one', () => {
    fc.assert(
      fc.property(entry, fc.integer({ min: 1, max: 3650 }), ({ age, capital }, h) => {
        const d = capital * decayWeight(age, h);
        // A thousand half-lives can underflow to zero, but never to the other side.
        expect(Math.sign(d) * Math.sign(capital)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(d)).toBeLessThanOrEqual(Math.abs(capital));
        if (age / h < 1000) expect(Math.sign(d)).toBe(Math.sign(capital));
      }),
    );
  });

  it('counts age from day to day whatever the time of day', () => {
    expect(ageInDays('2026-11-22T23:59:00.000Z', new Date('2026-11-23T00:01:00.000Z'))).toBe(1);
    expect(ageInDays('2026-11-23T00:00:00.000Z', new Date('2026-11-23T23:59:00.000Z'))).toBe(0);
  });

  it('gives the same balance from a rollup anchored on any earlier day', () => {
    fc.assert(
      fc.property(
        fc.array(entry),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 1000 }),
        (x, back, h) => {
          // The rollup was built `back` days ago, covering entries up to then.
          const anchor = new Date(now.getTime() - back * 86_400_000);
          const older = x.map((e) => ({ ...e, age: e.age + back }));
          const weighted = older.reduce((s, e) => s + e.capital * 2 ** ((back - e.age) / h), 0);
          expect(decayFromAnchor(weighted, anchor.toISOString().slice(0, 10), now, h)).toBeCloseTo(
            raw(older, h),
            6,
          );
        },
      ),
    );
  });
});
