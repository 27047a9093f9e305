import { parseInput } from '../../contract/index.js';
import { ThanksInput, type ThanksView } from '../../contract/practice.js';
import { DIRECTIONS, type Direction } from '../../domain/coverage.js';
import { FAVOUR_KINDS, type FavourKind, gratitudeSpread, thanksOwed } from '../../domain/gratitude.js';
import type { Rapport } from '../core/context.js';
import { placesFrom, since } from './practice-data.js';
import { importanceFor, loadBase } from './relationship-data.js';

/** Favours not yet thanked, oldest and most important first (everything `thanks` and `focus` show). */
export async function owedThanks(r: Rapport, settings: Awaited<ReturnType<typeof loadBase>>['settings']) {
  const me = await r.store.workspaces.me(r.ws);
  const favours = (await r.store.practice.unthankedHelp(r.ws, FAVOUR_KINDS, 'gratitude')).filter(
    (f) => f.personId !== me,
  );
  const ids = [...new Set(favours.map((f) => f.personId))];
  const [people, scores] = await Promise.all([
    r.store.relationship.people(r.ws, { ids }),
    importanceFor(r, settings, ids),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return thanksOwed(
    favours.map((f) => ({
      ...f,
      kind: f.kind as FavourKind,
      name: names.get(f.personId) ?? `#${f.personId}`,
      importance: scores.get(f.personId)?.score ?? 0,
    })),
    r.now(),
  );
}

/**
 * Gratitude owed and given: people who helped me with no thank-you logged since, and my
 * thank-yous over the window by direction, with the directions where I thanked nobody I met.
 */
export async function thanks(r: Rapport, raw: ThanksInput = {}): Promise<ThanksView> {
  const input = parseInput(ThanksInput, raw);
  const base = await loadBase(r);
  const days = input.days ?? base.settings.thanks.windowDays;
  const from = since(r, days);
  const [owed, given, met] = await Promise.all([
    owedThanks(r, base.settings),
    r.store.practice.kindCounts(r.ws, 'gratitude', from),
    r.store.practice.contactShares(r.ws, from),
  ]);
  const placed = placesFrom(base.people, base.me);
  if (placed === null) return { owed, spread: null };
  const direction = new Map(placed.places.map((p) => [p.id, p.direction]));
  const metPer = Object.fromEntries(DIRECTIONS.map((d) => [d, 0])) as Record<Direction, number>;
  for (const m of met) {
    const d = direction.get(m.personId);
    if (d) metPer[d] += 1;
  }
  const thanked = [...given]
    .filter(([id]) => direction.has(id))
    .map(([personId, count]) => ({ personId, count, direction: direction.get(personId)! }));
  return { owed, spread: gratitudeSpread(thanked, metPer, days) };
}
