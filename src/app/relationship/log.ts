import { parseInput } from '../../contract/common.js';
import { type LoggedInteraction, LogInput } from '../../contract/relationship.js';
import { pastInstant } from '../../domain/dates.js';
import { PreconditionError, ValidationError } from '../../domain/errors.js';
import { isActive } from '../../domain/initiative.js';
import { interactionFields } from '../../domain/interaction.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';

/** The interaction as it now stands (contract: LoggedInteraction). */
export type LogResult = LoggedInteraction;

/** Logs one interaction with one or more people; its capital moves each person's ledger. */
export async function logInteraction(r: Rapport, raw: LogInput): Promise<LogResult> {
  const { people: personRefs, ...cmd } = parseInput(LogInput, raw);
  const fields = interactionFields({
    kind: cmd.kind,
    capital: cmd.capital,
    note: cmd.note ?? null,
  });
  const occurredAt = pastInstant(cmd.date, r.now(), 'date');
  return r.store.transaction(async (store) => {
    const ids: number[] = [];
    const me = await store.workspaces.me(r.ws);
    for (const ref of personRefs) {
      const id = await resolvePersonId(store, r.ws, ref);
      if (id === me) {
        throw new ValidationError(
          'people',
          `"${ref}" is you: an interaction is logged with the other people in it, not with yourself.`,
        );
      }
      if (!ids.includes(id)) ids.push(id);
    }
    const initiative =
      cmd.initiative === undefined ? null : await resolveInitiative(store, r.ws, cmd.initiative);
    if (initiative && !isActive(initiative)) {
      throw new PreconditionError(
        'active-initiative',
        `The initiative "${initiative.name}" is archived; interactions can no longer be tagged with it.`,
      );
    }
    const id = await store.interactions.insert(
      r.ws,
      {
        occurredAt,
        kind: fields.kind,
        capital: fields.capital,
        note: fields.note,
        initiativeId: initiative?.id ?? null,
        personIds: ids,
        source: cmd.source ?? null,
        shared: cmd.shared,
      },
      r.now().toISOString(),
    );
    const people = [];
    for (const pid of ids) people.push({ id: pid, name: (await store.people.get(r.ws, pid))!.name });
    return {
      id,
      occurredAt,
      ...fields,
      initiative: initiative ? { id: initiative.id, name: initiative.name } : null,
      people,
      shared: cmd.shared,
    };
  });
}
