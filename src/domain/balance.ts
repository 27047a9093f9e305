import { DAY_MS } from './dates.js';

/**
 * Capital moved with one person on one UTC day: what the store can sum with an index instead
 * of handing over every interaction. Deposits and withdrawals are kept apart because the
 * totals report them apart; both are non-negative.
 */
export interface CapitalDay {
  day: string;
  deposits: number;
  withdrawals: number;
}

export interface Balance {
  personId: number;
  /** Sum of every delta, each halved per half-life of age; two decimals. */
  balance: number;
  /** Undecayed totals, as in the ledger. */
  deposits: number;
  withdrawals: number;
  /** The deposits and withdrawals as they count today (decayed): depositsNow − withdrawalsNow = balance. */
  depositsNow: number;
  withdrawalsNow: number;
  lastInteractionAt: string | null;
}

/**
 * The decayed parts of a balance, rounded so that they add up to the rounded balance shown
 * beside them: the withdrawals' part takes up the rounding, at most a cent.
 */
export function decayedParts(
  balance: number,
  decayedDeposits: number,
): { depositsNow: number; withdrawalsNow: number } {
  const depositsNow = round2(decayedDeposits);
  return { depositsNow, withdrawalsNow: round2(depositsNow - balance) };
}

/**
 * The weight of capital moved `ageDays` ago. Age is counted in whole UTC days, so a balance is
 * the same all day long and can be summed per day by the store.
 */
export const decayWeight = (ageDays: number, halfLifeDays: number): number =>
  ageDays <= 0 ? 1 : 0.5 ** (ageDays / halfLifeDays);

/** The UTC day of an instant as a count of days since 1970-01-01. */
const dayNumber = (d: string | Date): number =>
  Math.floor((typeof d === 'string' ? Date.parse(d.slice(0, 10)) : d.getTime()) / DAY_MS);

/**
 * Whole UTC days from `day` (YYYY-MM-DD or ISO instant) to the day of `now`. Called once per
 * ledger row or assessment in a list, so it does arithmetic rather than format dates.
 */
export const ageInDays = (day: string, now: Date): number => dayNumber(now) - dayNumber(day);

export const round2 = (x: number): number => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r; // never "-0" in JSON or on screen
};

/** The decayed balance with one person. Days after `now` (imported from the future) count in full. */
export function balance(
  personId: number,
  days: readonly CapitalDay[],
  lastInteractionAt: string | null,
  now: Date,
  halfLifeDays: number,
): Balance {
  let sum = 0;
  let decayedDeposits = 0;
  let deposits = 0;
  let withdrawals = 0;
  for (const d of days) {
    const w = decayWeight(ageInDays(d.day, now), halfLifeDays);
    sum += (d.deposits - d.withdrawals) * w;
    decayedDeposits += d.deposits * w;
    deposits += d.deposits;
    withdrawals += d.withdrawals;
  }
  const b = round2(sum);
  return {
    personId,
    balance: b,
    deposits,
    withdrawals,
    ...decayedParts(b, decayedDeposits),
    lastInteractionAt,
  };
}

/** Lowest balance first: the relationships you have drawn on most come to the top. */
export const byBalanceAscending = (a: Balance, b: Balance): number =>
  a.balance - b.balance || a.personId - b.personId;

/**
 * The same balance from a rollup: `weighted` = Σ capital × 2^((day − anchorDay) / halfLife)
 * over the ledger. Since 0.5^((T − day)/h) = 0.5^((T − anchor)/h) × 2^((day − anchor)/h), the
 * balance on any day T on or after the ledger's last day is one multiplication away.
 */
export const decayFromAnchor = (
  weighted: number,
  anchorDay: string,
  now: Date,
  halfLifeDays: number,
): number => weighted * 0.5 ** (ageInDays(anchorDay, now) / halfLifeDays);
