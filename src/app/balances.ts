import { type Balance, balance, byBalanceAscending } from '../domain/balance.js';
import { balancesByPerson } from './capital.js';
import type { Rapport } from './context.js';
import { loadSettings } from './relationship-data.js';
import { resolvePersonId } from './resolve.js';

export interface BalanceView extends Balance {
  name: string;
}

/** The decayed social-capital balance with one person (DESIGN.md idea 5). */
export async function personBalance(
  r: Rapport,
  ref: string,
): Promise<BalanceView & { halfLifeDays: number }> {
  const settings = await loadSettings(r);
  const id = await resolvePersonId(r.store, r.ws, ref);
  const person = (await r.store.people.get(r.ws, id))!;
  const { days, lastInteractionAt } = await r.store.relationship.capitalDays(r.ws, id);
  const b = balance(id, days, lastInteractionAt, r.now(), settings.balance.halfLifeDays);
  return { ...b, name: person.name, halfLifeDays: settings.balance.halfLifeDays };
}

/** Every relationship's balance, lowest first; people never logged stand at zero. Me excluded. */
export async function allBalances(r: Rapport): Promise<BalanceView[]> {
  const settings = await loadSettings(r);
  const [me, people] = await Promise.all([r.store.workspaces.me(r.ws), r.store.relationship.people(r.ws)]);
  const balances = await balancesByPerson(r, settings.balance.halfLifeDays);
  return people
    .filter((p) => p.id !== me)
    .map((p) => ({
      name: p.name,
      ...(balances.get(p.id) ?? {
        personId: p.id,
        balance: 0,
        deposits: 0,
        withdrawals: 0,
        lastInteractionAt: null,
      }),
    }))
    .sort(byBalanceAscending);
}
