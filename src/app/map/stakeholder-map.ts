import { parseDay, parseInstant } from '../../domain/dates.js';
import { ValidationError } from '../../domain/errors.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import { type StakeholderMap, stakeholderMap } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative } from '../core/resolve.js';
import { loadSettings } from '../relationship/relationship-data.js';

export interface MapView {
  initiative: string;
  initiativeId: number;
  /** The instant the map shows, or null for now. */
  at: string | null;
  thresholds: RelationshipSettings['map'];
  quadrants: StakeholderMap;
}

/** A bare day means the map as it stood at the end of that day. */
function endOf(at: string): string {
  const text = at.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text))
    return new Date(parseDay(text, 'at').getTime() + 86_399_999).toISOString();
  return parseInstant(text, 'at');
}

/** One initiative's stakeholder map (DESIGN.md idea 1), optionally as it stood at a date. */
export async function initiativeMap(
  r: Rapport,
  opts: { initiative?: string; at?: string },
): Promise<MapView> {
  if (opts.initiative === undefined || opts.initiative.trim() === '') {
    throw new ValidationError(
      'initiative',
      'Which map? Pass --initiative NAME (see `rapport initiative list`).',
    );
  }
  const settings = await loadSettings(r);
  const initiative = await resolveInitiative(r.store, r.ws, opts.initiative);
  const at = opts.at === undefined ? null : endOf(opts.at);
  const assessments = await r.store.assessments.forInitiative(r.ws, initiative.id);
  const people = await r.store.relationship.people(r.ws);
  const names = new Map(people.map((p) => [p.id, p.name]));
  return {
    initiative: initiative.name,
    initiativeId: initiative.id,
    at,
    thresholds: settings.map,
    quadrants: stakeholderMap(assessments, (id) => names.get(id) ?? `#${id}`, settings.map, at ?? undefined),
  };
}
