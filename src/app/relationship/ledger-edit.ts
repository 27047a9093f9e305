import { parseInput } from '../../contract/common.js';
import { EditInteractionInput, InteractionIdInput } from '../../contract/relationship.js';
import { pastInstant } from '../../domain/dates.js';
import { NotFoundError, PreconditionError, RapportError } from '../../domain/errors.js';
import { isActive } from '../../domain/initiative.js';
import { interactionFields } from '../../domain/interaction.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative } from '../core/resolve.js';
import type { LogResult } from './log.js';

async function entry(store: Store, ws: number, id: number) {
  const found = await store.interactions.get(ws, id);
  if (!found) throw new NotFoundError('ledger entry', `#${id}`, 'The ledger of a person lists the ids.');
  return found;
}

/** An entry the member may change: their own. A teammate's shared entry is theirs to change. */
async function ownEntry(store: Store, ws: number, id: number) {
  const found = await entry(store, ws, id);
  if (found.authorId !== store.member)
    throw new RapportError(
      'forbidden',
      `Ledger entry #${id} was logged and shared by a teammate: only its author can change or remove it.`,
      { id },
    );
  return found;
}

async function result(store: Store, ws: number, id: number): Promise<LogResult> {
  const e = await entry(store, ws, id);
  const people = [];
  for (const pid of e.personIds)
    people.push({ id: pid, name: (await store.people.get(ws, pid))?.name ?? `#${pid}` });
  const found = e.initiativeId === null ? undefined : await store.initiatives.get(ws, e.initiativeId);
  const initiative = found ? { id: found.id, name: found.name } : null;
  return {
    id: e.id,
    occurredAt: e.occurredAt,
    kind: e.kind,
    capital: e.capital,
    note: e.note,
    initiative,
    people,
    shared: e.shared ?? false,
  };
}

/**
 * Corrects a logged interaction: the fields given change, the rest stay. A new kind without a
 * capital takes that kind's default capital. Balances, focus and caches follow (the ledger
 * rollup is kept by the database).
 */
export async function editInteraction(r: Rapport, raw: EditInteractionInput): Promise<LogResult> {
  const input = parseInput(EditInteractionInput, raw);
  return r.store.transaction(async (store) => {
    const current = await ownEntry(store, r.ws, input.id);
    const kind = input.kind ?? current.kind;
    const capital =
      input.capital !== undefined ? input.capital : input.kind !== undefined ? null : current.capital;
    const fields = interactionFields({
      kind,
      capital,
      note: input.note !== undefined ? input.note : current.note,
    });
    let initiativeId = current.initiativeId;
    if (input.initiative === null) initiativeId = null;
    else if (input.initiative !== undefined) {
      const initiative = await resolveInitiative(store, r.ws, input.initiative);
      if (!isActive(initiative))
        throw new PreconditionError(
          'active-initiative',
          `The initiative "${initiative.name}" is archived; interactions can no longer be tagged with it.`,
        );
      initiativeId = initiative.id;
    }
    const occurredAt =
      input.date === undefined ? current.occurredAt : pastInstant(input.date, r.now(), 'date');
    const shared = input.shared ?? current.shared ?? false;
    await store.interactions.update(r.ws, input.id, { ...fields, occurredAt, initiativeId, shared });
    return result(store, r.ws, input.id);
  });
}

/** How long a removed entry can be brought back. */
export const RESTORE_DAYS = 30;

/** Removes a logged interaction; answers what it was. It can be restored for RESTORE_DAYS. */
export async function removeInteraction(r: Rapport, raw: InteractionIdInput): Promise<LogResult> {
  const { id } = parseInput(InteractionIdInput, raw);
  return r.store.transaction(async (store) => {
    const kept = await ownEntry(store, r.ws, id);
    const was = await result(store, r.ws, id);
    await store.interactions.keepRemoved(r.ws, kept, r.now().toISOString(), RESTORE_DAYS);
    await store.interactions.remove(r.ws, id);
    return was;
  });
}

/**
 * Brings back a removed entry (undo), with its date, kind, capital, note and people; balances,
 * focus and maps follow. People removed since are left out, an initiative removed since is
 * dropped; it comes back under a new id, which the answer gives.
 */
export async function restoreInteraction(r: Rapport, raw: InteractionIdInput): Promise<LogResult> {
  const { id } = parseInput(InteractionIdInput, raw);
  return r.store.transaction(async (store) => {
    const kept = await store.interactions.takeRemoved(r.ws, id);
    if (!kept)
      throw new NotFoundError(
        'removed ledger entry',
        `#${id}`,
        `Removed entries can be restored once, for ${RESTORE_DAYS} days.`,
      );
    const people = [];
    for (const pid of kept.personIds) if (await store.people.get(r.ws, pid)) people.push(pid);
    if (people.length === 0)
      throw new PreconditionError(
        'people-exist',
        `Ledger entry #${id} cannot come back: everyone in it has been removed since.`,
      );
    const initiativeId =
      kept.initiativeId !== null && (await store.initiatives.get(r.ws, kept.initiativeId))
        ? kept.initiativeId
        : null;
    const newId = await store.interactions.insert(
      r.ws,
      { ...kept, personIds: people, initiativeId },
      r.now().toISOString(),
    );
    return result(store, r.ws, newId);
  });
}
