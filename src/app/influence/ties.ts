import { parseInput } from '../../contract/common.js';
import { RemoveTieInput, TieInput } from '../../contract/influence.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { TieKind } from '../../domain/influence.js';
import type { StoredTie } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

export interface TieResult {
  fromId: number;
  toId: number;
  kind: TieKind;
  weight: number;
  /** 'unchanged' when the same tie with the same weight was already declared. */
  status: 'created' | 'updated' | 'unchanged';
}

/** Declares "FROM goes to TO for advice" (or is influenced by / trusts / has friction with TO). */
export async function declareTie(r: Rapport, raw: TieInput): Promise<TieResult> {
  const cmd = parseInput(TieInput, raw);
  const { kind, weight } = cmd;
  const fromId = await resolvePersonId(r.store, r.ws, cmd.from);
  const toId = await resolvePersonId(r.store, r.ws, cmd.to);
  if (fromId === toId)
    throw new ValidationError(
      'to',
      `A tie needs two different people; "${cmd.from}" and "${cmd.to}" are the same person.`,
    );
  // One transaction: two processes declaring the same tie at once must both see the other's
  // (one creates it, the other finds it unchanged), not both insert and one fail.
  const status = await r.store.transaction(
    (tx) => tx.network.upsertTie(r.ws, fromId, toId, kind, weight, r.now().toISOString()),
    { workspace: r.ws },
  );
  return { fromId, toId, kind, weight, status };
}

export const listTies = (r: Rapport): Promise<StoredTie[]> => r.store.network.listTies(r.ws);

/** Removes the FROM → TO ties (of one kind, or every kind). */
export async function removeTie(r: Rapport, raw: RemoveTieInput): Promise<number> {
  const cmd = parseInput(RemoveTieInput, raw);
  const kind = cmd.kind;
  const fromId = await resolvePersonId(r.store, r.ws, cmd.from);
  const toId = await resolvePersonId(r.store, r.ws, cmd.to);
  const removed = await r.store.network.removeTies(r.ws, fromId, toId, kind);
  if (removed === 0) {
    throw new NotFoundError('tie', `${cmd.from} → ${cmd.to}${kind ? ` (${kind})` : ''}`);
  }
  return removed;
}
