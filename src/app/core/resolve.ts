import { AmbiguousError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Initiative } from '../../domain/initiative.js';
import type { Store } from '../../store/index.js';

const ID_RE = /^#?(\d+)$/;

/**
 * Finds the one person a user means: by id ("12" or "#12"), by email, or by exact name
 * (case-insensitive). Several people with that name is an error that lists them.
 */
export async function resolvePersonId(store: Store, ws: number, ref: number | string): Promise<number> {
  if (typeof ref === 'number') {
    if (await store.people.exists(ws, ref)) return ref;
    throw new NotFoundError('person', `#${ref}`);
  }
  const text = ref.trim();
  if (text === '') throw new ValidationError('person', 'A person is required: give a name, email or id.');
  const idMatch = ID_RE.exec(text);
  if (idMatch) {
    const id = Number(idMatch[1]);
    if (await store.people.exists(ws, id)) return id;
  }
  if (text.includes('@')) {
    const id = await store.people.idByEmail(ws, text);
    if (id !== undefined) return id;
  }
  const byName = await store.people.idsByName(ws, text);
  if (byName.length === 1) return byName[0]!.id;
  if (byName.length > 1) {
    const emails = await Promise.all(byName.map((p) => store.people.emailsOf(ws, p.id)));
    throw new AmbiguousError(
      'person',
      text,
      byName.map((p, i) => {
        const extra = [p.title, emails[i]?.[0]].filter(Boolean).join(', ');
        return `#${p.id} ${p.name}${extra ? ` (${extra})` : ''}`;
      }),
    );
  }
  throw new NotFoundError('person', text);
}

export async function resolveInitiative(store: Store, ws: number, ref: number | string): Promise<Initiative> {
  if (typeof ref === 'number') {
    const found = await store.initiatives.get(ws, ref);
    if (found) return found;
    throw new NotFoundError('initiative', `#${ref}`);
  }
  const text = ref.trim();
  if (text === '') throw new ValidationError('initiative', 'An initiative is required: give its name or id.');
  const idMatch = ID_RE.exec(text);
  if (idMatch) {
    const found = await store.initiatives.get(ws, Number(idMatch[1]));
    if (found) return found;
  }
  const found = await store.initiatives.byName(ws, text);
  if (found) return found;
  throw new NotFoundError('initiative', text);
}
