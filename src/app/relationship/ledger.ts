import { parseInput } from '../../contract/common.js';
import { LedgerInput, type LedgerLine, type LedgerView } from '../../contract/relationship.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

/**
 * A person's ledger: every interaction I logged with them and the capital it moved, with the
 * entries teammates shared with the workspace (theirs, marked with their name, not in my totals).
 */
export async function ledger(r: Rapport, raw: LedgerInput): Promise<LedgerView> {
  const { person: personRef, ...opts } = parseInput(LedgerInput, raw);
  const { store, ws } = r;
  const personId = await resolvePersonId(store, ws, personRef);
  const person = (await store.people.get(ws, personId))!;
  const entries = await store.interactions.ledger(ws, personId, { ...opts, shared: true });
  const authors = entries.some((e) => e.authorId !== store.member)
    ? new Map((await store.accounts.members(ws)).map((m) => [m.id, m.name]))
    : new Map<number, string>();
  const names = new Map<number, string>();
  const initiatives = new Map<number, string>();
  const lines: LedgerLine[] = [];
  for (const e of entries) {
    for (const id of e.withPersonIds) {
      if (!names.has(id)) names.set(id, (await store.people.get(ws, id))?.name ?? `#${id}`);
    }
    if (e.initiativeId !== null && !initiatives.has(e.initiativeId)) {
      initiatives.set(
        e.initiativeId,
        (await store.initiatives.get(ws, e.initiativeId))?.name ?? `#${e.initiativeId}`,
      );
    }
    lines.push({
      id: e.interactionId,
      occurredAt: e.occurredAt,
      kind: e.kind,
      capital: e.capital,
      note: e.note,
      initiative:
        e.initiativeId === null ? null : { id: e.initiativeId, name: initiatives.get(e.initiativeId)! },
      with: e.withPersonIds.map((id) => ({ id, name: names.get(id)! })),
      shared: e.shared,
      author:
        e.authorId === store.member
          ? null
          : { id: e.authorId, name: authors.get(e.authorId) ?? `#${e.authorId}` },
    });
  }
  // Totals cover the whole of my ledger even when only the newest entries are listed.
  const mine = lines.filter((l) => l.author === null);
  const {
    entries: all,
    deposits,
    withdrawals,
  } = opts.limit === undefined || lines.length < opts.limit
    ? sums(mine)
    : await store.interactions.ledgerTotals(ws, personId);
  return {
    person: { id: personId, name: person.name },
    entries: lines,
    totals: { entries: all, deposits, withdrawals, net: deposits - withdrawals },
  };
}

function sums(lines: LedgerLine[]): { entries: number; deposits: number; withdrawals: number } {
  let deposits = 0;
  let withdrawals = 0;
  for (const l of lines) {
    if (l.capital > 0) deposits += l.capital;
    else withdrawals += -l.capital;
  }
  return { entries: lines.length, deposits, withdrawals };
}
