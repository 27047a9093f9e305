import { parseInput } from '../../contract/common.js';
import { MapInput, type MapView } from '../../contract/map.js';
import { DAY_MS, parseDay, parseInstant, toDay } from '../../domain/dates.js';
import { ValidationError } from '../../domain/errors.js';
import { QUADRANTS, stakeholderMap } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative } from '../core/resolve.js';
import { loadSettings } from '../relationship/relationship-data.js';

/** A bare day means the map as it stood at the end of that day. */
function endOf(at: string): string {
  const text = at.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text))
    return new Date(parseDay(text, 'at').getTime() + DAY_MS - 1).toISOString();
  return parseInstant(text, 'at');
}

/** One initiative's stakeholder map, optionally as it stood at a date. */
export async function initiativeMap(r: Rapport, raw: MapInput): Promise<MapView> {
  const input = parseInput(MapInput, raw);
  const settings = await loadSettings(r);
  const initiative = await resolveInitiative(r.store, r.ws, input.initiative);
  const at = input.at === undefined ? null : endOf(input.at);
  if (at !== null && toDay(at) > toDay(r.now()))
    throw new ValidationError(
      'at',
      `at ${input.at} is in the future (today is ${toDay(r.now())}); a map can only show what has happened.`,
    );
  const assessments = await r.store.assessments.forInitiative(r.ws, initiative.id);
  const people = await r.store.relationship.people(r.ws);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const quadrants = stakeholderMap(
    assessments,
    (id) => names.get(id) ?? `#${id}`,
    settings.map,
    at ?? undefined,
  );
  return {
    initiative: { id: initiative.id, name: initiative.name },
    at,
    thresholds: settings.map,
    quadrants: Object.fromEntries(
      QUADRANTS.map((q) => [
        q,
        quadrants[q].map(({ id, name, ...place }) => ({ person: { id, name }, ...place })),
      ]),
    ) as MapView['quadrants'],
  };
}
