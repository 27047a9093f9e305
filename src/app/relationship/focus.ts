import { ageInDays } from '../../domain/balance.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { type ConvertCandidate, convertsThatCanShow, type FocusItem, focusList } from '../../domain/focus.js';
import { dueSteps } from '../../domain/plan.js';
import { quadrantOf } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { balancesByPerson } from './capital.js';
import { practiceInputs } from './focus-practices.js';
import { nurtureFrom } from './nurture.js';
import { loadSettings } from './relationship-data.js';

/**
 * This week's few actions. The maps are reduced in the database to
 * the assessments that call for action and a count of stale ones per initiative; balances and
 * last contacts come from the ledger rollup; names are read only for the people listed.
 */
export async function focus(r: Rapport): Promise<FocusItem[]> {
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
  ]);
  const flagged = maps.flagged.filter((a) => a.personId !== me);
  const drops = flagged.filter(
    (a) => a.previousStance !== null && a.previousStance - a.stance >= settings.review.stanceDrop,
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
  const named = new Set([
    ...converts.map((a) => a.personId),
    ...drops.map((a) => a.personId),
    ...maps.stale.map((m) => m.somePersonId),
    ...duePlans.map((p) => p.personId),
  ]);
  const [people, balances, overdue] = await Promise.all([
    r.store.relationship.people(r.ws, { ids: [...named] }),
    balancesByPerson(r, settings.balance.halfLifeDays, [...new Set(converts.map((c) => c.personId))]),
    nurtureFrom(r, { settings, me, people: tiered, byId: new Map(tiered.map((p) => [p.id, p])) }),
  ]);
  const byId = new Map(people.map((p) => [p.id, p]));
  const nameOf = (id: number): string => byId.get(id)?.name ?? `#${id}`;
  const initiativeName = new Map(initiatives.map((i) => [i.id, i.name]));
  const initiativeOf = (id: number): string => initiativeName.get(id) ?? `#${id}`;

  const candidates: ConvertCandidate[] = converts.map((a) => {
    const b = balances.get(a.personId);
    return {
      id: a.personId,
      name: nameOf(a.personId),
      initiative: initiativeOf(a.initiativeId),
      influence: a.influence,
      stance: a.stance,
      daysSinceContact: b?.lastInteractionAt ? ageInDays(b.lastInteractionAt, now) : null,
      balance: b?.balance ?? 0,
      hasInterests: byId.get(a.personId)?.hasInterests ?? false,
    };
  });
  const practice = await practiceInputs(r, { settings, me, people: tiered, byId: new Map() });
  return focusList(
    {
      ...practice,
      converts: candidates,
      overdue,
      stanceDrops: drops.map((a) => ({
        id: a.personId,
        name: nameOf(a.personId),
        initiative: initiativeOf(a.initiativeId),
        from: a.previousStance!,
        to: a.stance,
        drop: a.previousStance! - a.stance,
      })),
      staleMaps: maps.stale.map((m) => ({
        initiative: initiativeOf(m.initiativeId),
        count: m.count,
        oldestDays: ageInDays(m.oldestAt, now),
        onlyName: m.count === 1 ? nameOf(m.somePersonId) : null,
      })),
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    },
    settings.focus,
  );
}
