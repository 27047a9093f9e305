import { type Balance, decayedParts, decayFromAnchor, round2 } from '../../domain/balance.js';
import type { CareContact } from '../../domain/care.js';
import { toDay } from '../../domain/dates.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import type { RollupParams } from '../../store/index.js';
import type { Rapport } from '../core/context.js';

/** What the ledger rollup is built with, from the workspace's settings. */
export const rollupParams = (settings: RelationshipSettings): RollupParams => ({
  halfLifeDays: settings.balance.halfLifeDays,
  largeMeeting: settings.contact.largeMeeting,
});

/**
 * How a read of the rollup stands: `refreshed` when the caller already brought it up to date in
 * this call (focus reads balances four times and checks once).
 */
export interface CapitalRead {
  refreshed?: boolean;
}

/** Recomputes the rollup rows of people whose ledger changed since the last read, if any. */
export async function refreshCapital(r: Rapport, settings: RelationshipSettings): Promise<void> {
  const params = rollupParams(settings);
  if (await r.store.relationship.capitalStale(r.ws, params)) {
    await r.store.transaction((tx) => tx.relationship.refreshCapital(r.ws, toDay(r.now()), params), {
      derived: true,
    });
  }
}

/** A balance with the contact that counts for care (cadence) beside it. */
export type CareBalance = Balance & Omit<CareContact, 'createdAt'>;

/** One person's rollup row as a balance: the weighted sums at its anchor day, decayed to now. */
export function rollupBalance(
  row: {
    personId: number;
    weighted: number | null;
    weightedDeposits: number | null;
    anchorDay: string | null;
    deposits: number;
    withdrawals: number;
    lastInteractionAt: string | null;
    lastOneToOneAt: string | null;
    lastGroupAt: string | null;
  },
  now: Date,
  halfLifeDays: number,
): CareBalance {
  const decay = (w: number | null) =>
    w === null || row.anchorDay === null ? 0 : decayFromAnchor(w, row.anchorDay, now, halfLifeDays);
  const balance = round2(decay(row.weighted));
  return {
    personId: row.personId,
    balance,
    deposits: row.deposits,
    withdrawals: row.withdrawals,
    ...decayedParts(balance, decay(row.weightedDeposits)),
    lastInteractionAt: row.lastInteractionAt,
    lastOneToOneAt: row.lastOneToOneAt,
    lastGroupAt: row.lastGroupAt,
  };
}

/**
 * Balances from the per-person ledger rollup: first recompute the people whose ledger changed
 * since the last call (triggers mark them), then read one row per person. People with capital
 * dated after today are summed exactly instead (the rollup answers only from its last day on).
 */
export async function balancesByPerson(
  r: Rapport,
  settings: RelationshipSettings,
  personIds?: readonly number[],
  read: CapitalRead = {},
): Promise<Map<number, CareBalance>> {
  const { store, ws } = r;
  const now = r.now();
  const today = toDay(now);
  const halfLifeDays = settings.balance.halfLifeDays;
  if (!read.refreshed) await refreshCapital(r, settings);
  const out = new Map<number, CareBalance>();
  const future = new Map<number, Omit<CareContact, 'createdAt'>>();
  for (const row of await store.relationship.capitalRollup(ws, personIds)) {
    if (row.maxDay > today) {
      future.set(row.personId, { lastOneToOneAt: row.lastOneToOneAt, lastGroupAt: row.lastGroupAt });
      continue;
    }
    out.set(row.personId, rollupBalance(row, now, halfLifeDays));
  }
  for (const s of await store.relationship.capitalSums(ws, today, halfLifeDays, [...future.keys()])) {
    const balance = round2(s.decayed);
    out.set(s.personId, {
      personId: s.personId,
      balance,
      deposits: s.deposits,
      withdrawals: s.withdrawals,
      ...decayedParts(balance, s.decayedDeposits),
      lastInteractionAt: s.lastInteractionAt,
      ...future.get(s.personId)!,
    });
  }
  return out;
}

/** A person's last contacts, as `balancesByPerson` gives them. */
export type LastContacts = Pick<CareBalance, 'lastInteractionAt' | 'lastOneToOneAt' | 'lastGroupAt'>;

/**
 * The last contacts of everyone the member keeps a relationship row for (a tier, a cadence or a
 * note): all a care cadence is checked against, without the balances. One join of the member's
 * rows with the rollup, where balances for thousands of tiered people would list their ids.
 * People with entries dated after today take their last interaction from the ledger, as in
 * `balancesByPerson`.
 */
export async function lastContactsOfMine(
  r: Rapport,
  settings: RelationshipSettings,
  read: CapitalRead = {},
): Promise<Map<number, LastContacts>> {
  const { store, ws } = r;
  const today = toDay(r.now());
  if (!read.refreshed) await refreshCapital(r, settings);
  const out = new Map<number, LastContacts>();
  const future = new Map<number, Omit<CareContact, 'createdAt'>>();
  for (const row of await store.relationship.lastContactsOfMine(ws)) {
    if (row.maxDay > today) {
      future.set(row.personId, { lastOneToOneAt: row.lastOneToOneAt, lastGroupAt: row.lastGroupAt });
      continue;
    }
    const { lastInteractionAt, lastOneToOneAt, lastGroupAt } = row;
    out.set(row.personId, { lastInteractionAt, lastOneToOneAt, lastGroupAt });
  }
  if (future.size === 0) return out;
  const sums = await store.relationship.capitalSums(ws, today, settings.balance.halfLifeDays, [
    ...future.keys(),
  ]);
  for (const s of sums)
    out.set(s.personId, { lastInteractionAt: s.lastInteractionAt, ...future.get(s.personId)! });
  return out;
}
