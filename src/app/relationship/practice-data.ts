import { type Direction, placeEveryone } from '../../domain/coverage.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import type { RelationshipPerson } from '../../store/index.js';
import type { Rapport } from '../core/context.js';

/** The first day of a window of `days` ending today, as an ISO day. */
export const since = (r: Rapport, days: number): string => toDay(new Date(r.now().getTime() - days * DAY_MS));

export interface Place {
  id: number;
  name: string;
  direction: Direction;
  level: number | null;
}

/**
 * Everyone's direction from me (reporting tree first, as in onboarding), or null while "me" is
 * unset or has no place in the org chart: the practices then say so instead of guessing.
 */
export function placesFrom(
  people: readonly RelationshipPerson[],
  me: number | null,
): { myLevel: number; places: Place[] } | null {
  if (me === null) return null;
  const names = new Map(people.map((p) => [p.id, p.name]));
  try {
    const { myLevel, places } = placeEveryone(people, me, names.get(me) ?? 'you');
    return {
      myLevel,
      places: places.map((p) => ({
        id: p.person.id,
        name: names.get(p.person.id) ?? `#${p.person.id}`,
        direction: p.direction,
        level: p.level,
      })),
    };
  } catch {
    return null;
  }
}

/** Per person on an active initiative's map: their highest current influence and where. */
export const mapInfluence = (r: Rapport): Promise<Map<number, { influence: number; initiativeId: number }>> =>
  r.store.practice.currentInfluence(r.ws, 0);

/** My important relationships: tiered, or on an active initiative's map. */
export function importantSet(
  people: readonly RelationshipPerson[],
  onMaps: ReadonlyMap<number, unknown>,
  me: number | null,
): Set<number> {
  const out = new Set<number>();
  for (const p of people) if (p.id !== me && (p.tier !== 'none' || onMaps.has(p.id))) out.add(p.id);
  return out;
}
