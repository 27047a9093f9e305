import { parseInput } from '../../contract/common.js';
import { type DeclaredTie, RemoveTieInput, TieInput, type TieView } from '../../contract/influence.js';
import { NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

export type TieResult = DeclaredTie;

/** Declares "FROM goes to TO for advice" (or is influenced by / trusts / has friction with TO). */
export async function declareTie(r: Rapport, raw: TieInput): Promise<TieResult> {
  const cmd = parseInput(TieInput, raw);
  const { kind, weight } = cmd;
  const fromId = await resolvePersonId(r.store, r.ws, cmd.from);
  const toId = await resolvePersonId(r.store, r.ws, cmd.to);
  const [from, to] = await Promise.all([r.store.people.get(r.ws, fromId), r.store.people.get(r.ws, toId)]);
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
  return { from: { id: fromId, name: from!.name }, to: { id: toId, name: to!.name }, kind, weight, status };
}

/** Every declared tie, with the two people by id and name. */
export async function listTies(r: Rapport): Promise<TieView[]> {
  return (await r.store.network.listTies(r.ws)).map((t) => ({
    id: t.id,
    from: { id: t.fromId, name: t.fromName },
    to: { id: t.toId, name: t.toName },
    kind: t.kind,
    weight: t.weight,
    createdAt: t.createdAt,
  }));
}

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
