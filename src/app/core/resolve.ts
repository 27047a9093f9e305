import { AmbiguousError, NotFoundError, ValidationError } from '../../domain/errors.js';
import type { Initiative } from '../../domain/initiative.js';
import { matchName, type Named } from '../../domain/names.js';
import type { Store } from '../../store/index.js';

const ID_RE = /^#?(\d+)$/;

const didYouMean = (closest: Named[]): string | undefined =>
  closest.length === 0 ? undefined : `Did you mean ${closest.map((c) => c.name).join(', or ')}?`;

/**
 * Finds the one person a user means: by id ("12" or "#12"), "me", email, or name — exact
 * first, then accent- and case-insensitive, a unique first name or beginning. Several people
 * is an error that lists them; nobody gets the closest names as "did you mean".
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
  if (text.toLowerCase() === 'me') {
    const me = await store.workspaces.me(ws);
    if (me !== null) return me;
  }
  if (text.includes('@')) {
    const id = await store.people.idByEmail(ws, text);
    if (id !== undefined) return id;
  }
  let byName: { id: number; name: string; title: string | null }[] = await store.people.idsByName(ws, text);
  if (byName.length === 0) {
    // Only when the exact name misses: reading every name is cheap next to a user's typo.
    const everyone = await store.people.list(ws);
    const m = matchName(text, everyone);
    if (m.kind === 'one') return m.found.id;
    if (m.kind === 'none') throw new NotFoundError('person', text, didYouMean(m.closest));
    byName = m.found;
  }
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
  const all = await store.initiatives.list(ws, { includeArchived: true });
  const m = matchName(text, all);
  if (m.kind === 'one') return m.found;
  if (m.kind === 'several')
    throw new AmbiguousError(
      'initiative',
      text,
      m.found.map((i) => `#${i.id} ${i.name}`),
    );
  throw new NotFoundError('initiative', text, didYouMean(m.closest));
}
