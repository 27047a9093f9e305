import { parseInput } from '../../contract/index.js';
import { AttentionInput, type AttentionView } from '../../contract/practice.js';
import { attention as attentionOf } from '../../domain/attention.js';
import { PreconditionError } from '../../domain/errors.js';
import type { Rapport } from '../core/context.js';
import { importantSet, mapInfluence, placesFrom, since } from './practice-data.js';
import { type Base, loadBase } from './relationship-data.js';

/**
 * Where my interactions go (up, across, down, outside; by level) beside where my important
 * relationships are, the imbalances past the threshold, and the people below my reports'
 * level I have never met.
 */
export async function attention(r: Rapport, raw: AttentionInput = {}): Promise<AttentionView> {
  const input = parseInput(AttentionInput, raw);
  const base = await loadBase(r);
  const days = input.days ?? base.settings.attention.windowDays;
  if (base.me === null) {
    throw new PreconditionError('me', 'Attention is measured from you: say who you are first.');
  }
  const view = await attentionFrom(r, base, days);
  if (view === null) {
    const name = base.byId.get(base.me)?.name ?? 'you';
    throw new PreconditionError(
      'me-in-org-chart',
      `Attention needs your place in the org chart, but ${name} has no level, manager or reports. Set a level or a manager on ${name}.`,
    );
  }
  return view;
}

/** The attention view over `days`, or null while "me" has no place in the org chart. */
export async function attentionFrom(
  r: Rapport,
  base: Base,
  days: number,
  opts: { neverMet: boolean } = { neverMet: true },
): Promise<AttentionView | null> {
  const placed = placesFrom(base.people, base.me);
  if (placed === null) return null;
  const [shares, everMet, onMaps] = await Promise.all([
    r.store.practice.contactShares(r.ws, since(r, days)),
    // Without the list of people never met, "never met" is not asked (focus does not show it).
    opts.neverMet ? r.store.practice.everMet(r.ws) : null,
    mapInfluence(r),
  ]);
  const view = attentionOf(
    placed.places,
    placed.myLevel,
    new Map(shares.map((c) => [c.personId, c])),
    importantSet(base.people, onMaps, base.me),
    everMet,
    base.settings.attention,
    days,
  );
  return {
    ...view,
    neverMetBelow: view.neverMetBelow.map(({ id, name, level }) => ({ person: { id, name }, level })),
  };
}
