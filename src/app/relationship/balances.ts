import { parseInput } from '../../contract/common.js';
import { PersonInput } from '../../contract/people.js';
import type { BalanceView, PersonBalance } from '../../contract/relationship.js';
import { balance, byBalanceAscending } from '../../domain/balance.js';
import { toDay } from '../../domain/dates.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';
import { byState } from '../core/state-cache.js';
import { balancesByPerson, refreshCapital, rollupBalance } from './capital.js';
import { loadSettings } from './relationship-data.js';

/** The decayed social-capital balance with one person. */
export async function personBalance(r: Rapport, raw: PersonInput): Promise<PersonBalance> {
  const { person: ref } = parseInput(PersonInput, raw);
  const settings = await loadSettings(r);
  const id = await resolvePersonId(r.store, r.ws, ref);
  const person = (await r.store.people.get(r.ws, id))!;
  const { days, lastInteractionAt } = await r.store.relationship.capitalDays(r.ws, id);
  const { personId: _id, ...b } = balance(
    id,
    days,
    lastInteractionAt,
    r.now(),
    settings.balance.halfLifeDays,
  );
  return { person: { id, name: person.name }, ...b, halfLifeDays: settings.balance.halfLifeDays };
}

/**
 * Every relationship's balance, lowest first; people never logged stand at zero. Me excluded.
 * Kept per workspace state, day and member (core/state-cache): balances decay by the day.
 */
export const allBalances = (r: Rapport): Promise<BalanceView[]> =>
  byState(r, 'balances', () => allBalancesUncached(r));

async function allBalancesUncached(r: Rapport): Promise<BalanceView[]> {
  const [settings, me] = await Promise.all([loadSettings(r), r.store.workspaces.me(r.ws)]);
  const h = settings.balance.halfLifeDays;
  const now = r.now();
  const today = toDay(now);
  await refreshCapital(r, settings);
  const rows = await r.store.relationship.peopleWithCapital(r.ws);
  const out: (BalanceView & { personId: number })[] = [];
  const future: number[] = [];
  for (const row of rows) {
    if (row.personId === me) continue;
    if (row.maxDay !== null && row.maxDay > today) {
      future.push(row.personId);
      continue;
    }
    const { personId, lastOneToOneAt: _one, lastGroupAt: _group, ...rest } = rollupBalance(row, now, h);
    out.push({ personId, person: { id: personId, name: row.name }, ...rest });
  }
  if (future.length > 0) {
    const exact = await balancesByPerson(r, settings, future);
    const names = new Map(rows.map((x) => [x.personId, x.name]));
    for (const id of future) {
      const { lastOneToOneAt: _one, lastGroupAt: _group, ...b } = exact.get(id)!;
      out.push({ ...b, person: { id, name: names.get(id)! } });
    }
  }
  return out.sort(byBalanceAscending).map(({ personId: _id, ...b }) => b);
}
