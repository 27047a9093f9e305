import { parseInput } from '../../contract/index.js';
import { ThanksInput, type ThanksOwed, type ThanksView } from '../../contract/practice.js';
import { DIRECTIONS, type Direction } from '../../domain/coverage.js';
import { FAVOUR_KINDS, type FavourKind, gratitudeSpread, thanksOwed } from '../../domain/gratitude.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import type { Rapport } from '../core/context.js';
import { placesFrom, since } from './practice-data.js';
import { importanceFor, loadBase } from './relationship-data.js';

/** A thank-you for a favour older than this is no longer asked for: the moment has passed. */
export const THANKS_HORIZON_DAYS = 365;
/** The most people `thanks` lists: beyond a hundred, the longest owed are what to act on. */
export const THANKS_LIST_MAX = 100;
/** Shortlists up to this long read the oldest favours only. */
const FEW = 20;

/**
 * Favours from the last `days` not yet thanked, oldest and most important first. With `shortlist`,
 * only that many of the people owed longest are weighed and listed (`more` says whether others
 * are owed too): importance only reorders within a factor of two, and reading it for thousands of
 * people on a long ledger would cost more than the list is worth.
 */
export async function owedThanks(
  r: Rapport,
  settings: RelationshipSettings,
  days: number,
  shortlist?: number,
): Promise<{ owed: ThanksOwed[]; more: boolean }> {
  const me = await r.store.workspaces.me(r.ws);
  // A short shortlist (focus) needs only the oldest favours, ten rows per person it can name;
  // a long one reads every favour of the window in one pass, which is cheaper than checking
  // each of thousands for a later thank-you.
  const oldestRows = shortlist !== undefined && shortlist <= FEW ? shortlist * 10 : undefined;
  const favours = (
    await r.store.practice.unthankedHelp(r.ws, FAVOUR_KINDS, 'gratitude', since(r, days), oldestRows)
  ).filter((f) => f.personId !== me);
  // Oldest first, so the first favour seen per person is theirs to thank for.
  const people = [...new Set(favours.map((f) => f.personId))];
  const ids = shortlist === undefined ? people : people.slice(0, shortlist);
  const keep = new Set(ids);
  const [named, scores] = await Promise.all([
    r.store.relationship.people(r.ws, { ids }),
    importanceFor(r, settings, ids),
  ]);
  const names = new Map(named.map((p) => [p.id, p.name]));
  const owed = thanksOwed(
    favours
      .filter((f) => keep.has(f.personId))
      .map((f) => ({
        ...f,
        kind: f.kind as FavourKind,
        name: names.get(f.personId) ?? `#${f.personId}`,
        importance: scores.get(f.personId)?.score ?? 0,
      })),
    r.now(),
  );
  return { owed, more: ids.length < people.length };
}

/**
 * Gratitude owed and given: people who helped me in the last year with no thank-you logged
 * since, and my thank-yous over the window by direction, with the directions where I thanked
 * nobody I met.
 */
export async function thanks(r: Rapport, raw: ThanksInput = {}): Promise<ThanksView> {
  const input = parseInput(ThanksInput, raw);
  const base = await loadBase(r);
  const days = input.days ?? base.settings.thanks.windowDays;
  const from = since(r, days);
  const [owed, given, met] = await Promise.all([
    owedThanks(r, base.settings, THANKS_HORIZON_DAYS, THANKS_LIST_MAX),
    r.store.practice.kindCounts(r.ws, 'gratitude', from),
    r.store.practice.contactShares(r.ws, from),
  ]);
  const placed = placesFrom(base.people, base.me);
  if (placed === null) return { ...owed, spread: null };
  const direction = new Map(placed.places.map((p) => [p.id, p.direction]));
  const metPer = Object.fromEntries(DIRECTIONS.map((d) => [d, 0])) as Record<Direction, number>;
  for (const m of met) {
    const d = direction.get(m.personId);
    if (d) metPer[d] += 1;
  }
  const thanked = [...given]
    .filter(([id]) => direction.has(id))
    .map(([personId, count]) => ({ personId, count, direction: direction.get(personId)! }));
  return { ...owed, spread: gratitudeSpread(thanked, metPer, days) };
}
