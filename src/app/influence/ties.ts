import { NotFoundError, ValidationError } from '../../domain/errors.js';
import { TIE_KINDS, type TieKind, validTie } from '../../domain/influence.js';
import { oneOf } from '../../domain/validate.js';
import type { StoredTie } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

export interface TieCommand {
  from: string;
  to: string;
  kind?: string;
  weight?: number | string;
}

export interface TieResult {
  fromId: number;
  toId: number;
  kind: TieKind;
  weight: number;
  /** 'unchanged' when the same tie with the same weight was already declared. */
  status: 'created' | 'updated' | 'unchanged';
}

/** Declares "FROM goes to TO for advice" (or is influenced by / trusts / has friction with TO). */
export async function declareTie(r: Rapport, cmd: TieCommand): Promise<TieResult> {
  const { kind, weight } = validTie(cmd.kind, cmd.weight);
  const fromId = await resolvePersonId(r.store, r.ws, cmd.from);
  const toId = await resolvePersonId(r.store, r.ws, cmd.to);
  if (fromId === toId)
    throw new ValidationError(
      'to',
      `A tie needs two different people; "${cmd.from}" and "${cmd.to}" are the same person.`,
    );
  const status = await r.store.network.upsertTie(r.ws, fromId, toId, kind, weight, r.now().toISOString());
  return { fromId, toId, kind, weight, status };
}

export const listTies = (r: Rapport): Promise<StoredTie[]> => r.store.network.listTies(r.ws);

/** Removes the FROM → TO ties (of one kind, or every kind). */
export async function removeTie(
  r: Rapport,
  cmd: { from: string; to: string; kind?: string },
): Promise<number> {
  const kind = cmd.kind === undefined ? undefined : oneOf('kind', cmd.kind, TIE_KINDS);
  const fromId = await resolvePersonId(r.store, r.ws, cmd.from);
  const toId = await resolvePersonId(r.store, r.ws, cmd.to);
  const removed = await r.store.network.removeTies(r.ws, fromId, toId, kind);
  if (removed === 0) {
    throw new NotFoundError('tie', `${cmd.from} → ${cmd.to}${kind ? ` (${kind})` : ''}`);
  }
  return removed;
}
