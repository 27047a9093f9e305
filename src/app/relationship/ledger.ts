import type { InteractionKind } from '../../domain/interaction.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

export interface LedgerLine {
  id: number;
  occurredAt: string;
  kind: InteractionKind;
  capital: number;
  note: string | null;
  initiative: string | null;
  with: { id: number; name: string }[];
}

export interface LedgerView {
  personId: number;
  name: string;
  /** Newest first. */
  entries: LedgerLine[];
  /** Undecayed sums; the decayed balance is `rapport balance`. */
  totals: { entries: number; deposits: number; withdrawals: number; net: number };
}

/** A person's ledger: every logged interaction with them and the capital it moved. */
export async function ledger(
  r: Rapport,
  personRef: string,
  opts: { limit?: number } = {},
): Promise<LedgerView> {
  const { store, ws } = r;
  const personId = await resolvePersonId(store, ws, personRef);
  const person = (await store.people.get(ws, personId))!;
  const entries = await store.interactions.ledger(ws, personId, opts);
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
      initiative: e.initiativeId === null ? null : initiatives.get(e.initiativeId)!,
      with: e.withPersonIds.map((id) => ({ id, name: names.get(id)! })),
    });
  }
  let deposits = 0;
  let withdrawals = 0;
  for (const l of lines) {
    if (l.capital > 0) deposits += l.capital;
    else withdrawals += -l.capital;
  }
  return {
    personId,
    name: person.name,
    entries: lines,
    totals: { entries: lines.length, deposits, withdrawals, net: deposits - withdrawals },
  };
}
