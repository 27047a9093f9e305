import { type Balance, decayFromAnchor, round2 } from '../../domain/balance.js';
import { toDay } from '../../domain/dates.js';
import type { Rapport } from '../core/context.js';

/** Recomputes the rollup rows of people whose ledger changed since the last read, if any. */
export async function refreshCapital(r: Rapport, halfLifeDays: number): Promise<void> {
  if (await r.store.relationship.capitalStale(r.ws, halfLifeDays)) {
    await r.store.transaction((tx) => tx.relationship.refreshCapital(r.ws, toDay(r.now()), halfLifeDays));
  }
}

/** One person's rollup row as a balance: the weighted sum at its anchor day, decayed to now. */
export function rollupBalance(
  row: {
    personId: number;
    weighted: number | null;
    anchorDay: string | null;
    deposits: number;
    withdrawals: number;
    lastInteractionAt: string | null;
  },
  now: Date,
  halfLifeDays: number,
): Balance {
  return {
    personId: row.personId,
    balance:
      row.weighted === null || row.anchorDay === null
        ? 0
        : round2(decayFromAnchor(row.weighted, row.anchorDay, now, halfLifeDays)),
    deposits: row.deposits,
    withdrawals: row.withdrawals,
    lastInteractionAt: row.lastInteractionAt,
  };
}

/**
 * Balances from the per-person ledger rollup: first recompute the people whose ledger changed
 * since the last call (triggers mark them), then read one row per person. People with capital
 * dated after today are summed exactly instead (the rollup answers only from its last day on).
 */
export async function balancesByPerson(
  r: Rapport,
  halfLifeDays: number,
  personIds?: readonly number[],
): Promise<Map<number, Balance>> {
  const { store, ws } = r;
  const now = r.now();
  const today = toDay(now);
  await refreshCapital(r, halfLifeDays);
  const out = new Map<number, Balance>();
  const future: number[] = [];
  for (const row of await store.relationship.capitalRollup(ws, personIds)) {
    if (row.maxDay > today) {
      future.push(row.personId);
      continue;
    }
    out.set(row.personId, rollupBalance(row, now, halfLifeDays));
  }
  for (const s of await store.relationship.capitalSums(ws, today, halfLifeDays, future)) {
    out.set(s.personId, {
      personId: s.personId,
      balance: round2(s.decayed),
      deposits: s.deposits,
      withdrawals: s.withdrawals,
      lastInteractionAt: s.lastInteractionAt,
    });
  }
  return out;
}
