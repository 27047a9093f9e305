import { NoteInput, type NoteView } from '../../contract/accounts.js';
import { parseInput } from '../../contract/common.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

/** A note on a person, private to its author unless shared with the workspace. */
export async function addNote(
  r: Rapport,
  authorId: number,
  person: number | string,
  raw: NoteInput,
): Promise<NoteView> {
  const input = parseInput(NoteInput, raw);
  const personId = await resolvePersonId(r.store, r.ws, person);
  const createdAt = r.now().toISOString();
  const id = await r.store.accounts.insertNote(r.ws, {
    personId,
    authorId,
    body: input.body,
    shared: input.shared,
    createdAt,
  });
  const author = (await r.store.accounts.user(authorId))?.name ?? '';
  return { id, personId, body: input.body, shared: input.shared, mine: true, author, createdAt };
}

/** The notes on a person that `viewer` may read: their own and the shared ones. */
export async function listNotes(r: Rapport, viewer: number, person: number | string): Promise<NoteView[]> {
  const personId = await resolvePersonId(r.store, r.ws, person);
  const notes = await r.store.accounts.notesFor(r.ws, personId, viewer);
  return notes.map((n) => ({
    id: n.id,
    personId: n.personId,
    body: n.body,
    shared: n.shared,
    mine: n.authorId === viewer,
    author: n.authorName ?? '',
    createdAt: n.createdAt,
  }));
}
