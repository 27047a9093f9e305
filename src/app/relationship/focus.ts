import type { FocusItem } from '../../contract/relationship.js';
import { ageInDays } from '../../domain/balance.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { type ConvertCandidate, convertsThatCanShow, focusList } from '../../domain/focus.js';
import { bestPerPerson, type MapFocusInputs } from '../../domain/focus-map.js';
import { dueSteps } from '../../domain/plan.js';
import { quadrantOf } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { byState } from '../core/state-cache.js';
import { balancesByPerson, refreshCapital } from './capital.js';
import { mapPlacements, withEvidence } from './focus-map.js';
import { practiceInputs } from './focus-practices.js';
import { nurtureFrom } from './nurture.js';
import { loadSettings } from './relationship-data.js';

/** The last contact that was more than attendance: a one-to-one or a small meeting. */
const realContact = (b: { lastOneToOneAt: string | null; lastGroupAt: string | null } | undefined) => {
  if (!b) return null;
  const { lastOneToOneAt: one, lastGroupAt: group } = b;
  return one === null ? group : group === null || one > group ? one : group;
};

/**
 * This week's few actions, computed once per workspace state, day and member (core/state-cache):
 * a server answers repeated asks from memory until something is written.
 */
export const focus = (r: Rapport): Promise<readonly FocusItem[]> =>
  byState(r, 'focus', () => focusUncached(r));

/**
 * This week's few actions, computed afresh. The maps are reduced in the database to
 * the assessments that call for action and a count of stale ones per initiative; balances and
 * last contacts come from the ledger rollup; names are read only for the people listed.
 */
export async function focusUncached(r: Rapport): Promise<FocusItem[]> {
  const now = r.now();
  const today = toDay(now);
  const [settings, me, initiatives] = await Promise.all([
    loadSettings(r),
    r.store.workspaces.me(r.ws),
    r.store.initiatives.list(r.ws),
  ]);
  const [maps, tiered, duePlans] = await Promise.all([
    r.store.relationship.focusAssessments(r.ws, {
      ...settings.map,
      stanceDrop: settings.review.stanceDrop,
      staleBefore: toDay(new Date(Date.parse(today) - settings.review.staleDays * DAY_MS)),
    }),
    r.store.relationship.people(r.ws, { tiered: true }),
    r.store.plans.withStepsDue(r.ws, today),
    // Once for the four balance reads below.
    refreshCapital(r, settings),
  ]);
  const read = { refreshed: true };
  const flagged = maps.flagged.filter((a) => a.personId !== me);
  // A stance-drop line scores by the size of the fall alone: more than a list's worth cannot show.
  const drops = bestPerPerson(
    flagged.filter(
      (a) => a.previousStance !== null && a.previousStance - a.stance >= settings.review.stanceDrop,
    ),
    (a) => a.previousStance! - a.stance,
    settings.focus.maxItems,
  );
  const allConverts = flagged.filter((a) => quadrantOf(a.influence, a.stance, settings.map) === 'convert');
  // Only converts that can reach the list need names and balances: at 10,000 people that is a
  // few dozen rows instead of thousands.
  const listedAnyway = new Set([
    ...tiered.filter((p) => p.tier === 'partner').map((p) => p.id),
    ...drops.map((a) => a.personId),
    ...duePlans.map((p) => p.personId),
  ]);
  const showable = convertsThatCanShow(allConverts, listedAnyway, settings.focus.maxItems);
  const converts = allConverts.filter((a) => showable.has(a.personId));
  // Everyone's highest current influence on a map, for the practices' shortlist: the flagged
  // rows hold every current placement at or above the map's influence line.
  const onMaps = new Map<number, { influence: number }>();
  for (const a of maps.flagged) {
    if (a.influence < settings.map.influence) continue;
    const seen = onMaps.get(a.personId);
    if (!seen || a.influence > seen.influence) onMaps.set(a.personId, { influence: a.influence });
  }
  const tierOf = new Map(tiered.map((p) => [p.id, p.tier]));
  // Independent reads: on PostgreSQL they share the pool's connections instead of queueing.
  const [{ atRisk, neverEngaged, overdrawn, mismatches }, balances, overdue, practice] = await Promise.all([
    // The rest of the high-influence placements, for the lines a coach adds (domain/focus-map.ts).
    mapPlacements(r, flagged, tiered, settings, read),
    balancesByPerson(r, settings, [...new Set(converts.map((c) => c.personId))], read),
    nurtureFrom(r, { settings, me, people: tiered, byId: new Map(tiered.map((p) => [p.id, p])) }, read),
    practiceInputs(r, { settings, me, people: tiered, byId: new Map() }, onMaps, read),
  ]);
  const initiativeName = new Map(initiatives.map((i) => [i.id, i.name]));
  const initiativeOf = (id: number): string => initiativeName.get(id) ?? `#${id}`;

  /** The list's inputs, with names (and what is known of each person) from `byId`. */
  const inputsFor = (byId: ReadonlyMap<number, { name: string; hasInterests: boolean }>) => {
    const nameOf = (id: number): string => byId.get(id)?.name ?? `#${id}`;
    const place = (a: (typeof flagged)[number]) => ({
      id: a.personId,
      name: nameOf(a.personId),
      initiative: initiativeOf(a.initiativeId),
      influence: a.influence,
      stance: a.stance,
    });
    const candidates: ConvertCandidate[] = converts.map((a) => {
      const b = balances.get(a.personId);
      return {
        ...place(a),
        daysSinceContact: realContact(b) === null ? null : ageInDays(realContact(b)!, now),
        balance: b?.balance ?? 0,
        hasInterests: byId.get(a.personId)?.hasInterests ?? false,
      };
    });
    const map: MapFocusInputs = {
      atRisk: atRisk.map((a) => ({ ...place(a), from: a.previousStance!, to: a.stance })),
      neverEngaged: neverEngaged.map(place),
      overdrawnChampions: overdrawn.map((c) => ({ ...place(c.placement), balance: c.balance })),
      tierMismatches: mismatches.map((a) => ({ ...place(a), tier: tierOf.get(a.personId)! })),
      stale: {
        top: maps.staleTop.map((a) => ({
          ...place(a),
          daysOld: ageInDays(a.assessedAt, now),
          lastTrend: a.previousStance === null ? null : a.stance - a.previousStance,
        })),
        count: maps.stale.reduce((n, m) => n + m.count, 0),
        maps: maps.stale.length,
        oldestDays: maps.stale.reduce((d, m) => Math.max(d, ageInDays(m.oldestAt, now)), 0),
      },
    };
    return {
      ...practice,
      converts: candidates,
      overdue,
      stanceDrops: drops.map((a) => ({
        ...place(a),
        from: a.previousStance!,
        to: a.stance,
        drop: a.previousStance! - a.stance,
      })),
      map,
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    };
  };

  const named = new Set([
    ...converts.map((a) => a.personId),
    ...drops.map((a) => a.personId),
    ...maps.staleTop.map((a) => a.personId),
    ...duePlans.map((p) => p.personId),
    ...atRisk.map((a) => a.personId),
    ...neverEngaged.map((a) => a.personId),
    ...overdrawn.map((c) => c.placement.personId),
    ...mismatches.map((a) => a.personId),
  ]);
  const people = await r.store.relationship.people(r.ws, { ids: [...named] });
  const inputs = inputsFor(new Map(people.map((p) => [p.id, p])));
  // A convert's evidence changes the words of its line, never its score: the first list says who
  // is on it, and only their evidence is read before the list is drawn again.
  const listed = new Set(focusList(inputs, settings).map((i) => i.personId));
  const evidence = await withEvidence(
    r,
    converts
      .filter((a) => listed.has(a.personId))
      .map((a) => ({ id: a.personId, initiativeId: a.initiativeId })),
    me,
  );
  const evidenceOf = (i: number) => evidence.get(`${converts[i]!.personId}:${converts[i]!.initiativeId}`);
  const items = focusList(
    { ...inputs, converts: inputs.converts.map((c, i) => ({ ...c, ...evidenceOf(i) })) },
    settings,
  );
  // Initiative names are unique in a workspace: the lines name them, the result refers to them.
  const initiativeIds = new Map(initiatives.map((i) => [i.name, i.id]));
  return items.map(({ kind, personId, name, initiative, ...rest }) => ({
    kind,
    person: personId === null ? null : { id: personId, name: name ?? `#${personId}` },
    initiative:
      initiative === null || !initiativeIds.has(initiative)
        ? null
        : { id: initiativeIds.get(initiative)!, name: initiative },
    ...rest,
  }));
}
