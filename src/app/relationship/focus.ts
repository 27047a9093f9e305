import { ageInDays } from '../../domain/balance.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { type ConvertCandidate, convertsThatCanShow, type FocusItem, focusList } from '../../domain/focus.js';
import type { MapFocusInputs } from '../../domain/focus-map.js';
import { dueSteps } from '../../domain/plan.js';
import { INFORMAL_KINDS } from '../../domain/stages.js';
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
  // The rest of the high-influence placements, for the lines a coach adds (domain/focus-map.ts).
  const influential = flagged.filter((a) => a.influence >= settings.map.influence);
  const atRisk = influential.filter(
    (a) =>
      a.stance > -settings.map.stance &&
      a.stance < settings.map.stance &&
      a.previousStance !== null &&
      a.previousStance > a.stance,
  );
  const champions = influential.filter((a) => a.stance >= settings.map.stance);
  const tierOf = new Map(tiered.map((p) => [p.id, p.tier]));
  const mismatches = influential.filter(
    (a) =>
      a.stance <= -settings.map.stance &&
      (tierOf.get(a.personId) === 'partner' || tierOf.get(a.personId) === 'friend'),
  );
  const influentialIds = [...new Set(influential.map((a) => a.personId))];
  const [engagement, championBalances] = await Promise.all([
    r.store.practice.engagement(r.ws, influentialIds, {
      informalKinds: INFORMAL_KINDS,
      oneToOneSince: '0000-01-01',
    }),
    balancesByPerson(r, settings.balance.halfLifeDays, [...new Set(champions.map((a) => a.personId))]),
  ]);
  const neverEngaged = influential.filter(
    (a) => a.stance > -settings.map.stance && (engagement.get(a.personId)?.oneToOne ?? 0) === 0,
  );
  const overdrawn = champions.filter((a) => (championBalances.get(a.personId)?.balance ?? 0) < 0);
  const named = new Set([
    ...converts.map((a) => a.personId),
    ...drops.map((a) => a.personId),
    ...maps.staleTop.map((a) => a.personId),
    ...duePlans.map((p) => p.personId),
    ...atRisk.map((a) => a.personId),
    ...neverEngaged.map((a) => a.personId),
    ...overdrawn.map((a) => a.personId),
    ...mismatches.map((a) => a.personId),
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
  const place = (a: (typeof flagged)[number]) => ({
    id: a.personId,
    name: nameOf(a.personId),
    initiative: initiativeOf(a.initiativeId),
    influence: a.influence,
    stance: a.stance,
  });
  const mapInputs: MapFocusInputs = {
    atRisk: atRisk.map((a) => ({ ...place(a), from: a.previousStance!, to: a.stance })),
    neverEngaged: neverEngaged.map(place),
    overdrawnChampions: overdrawn.map((a) => ({
      ...place(a),
      balance: championBalances.get(a.personId)!.balance,
    })),
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
      map: mapInputs,
      dueSteps: dueSteps(duePlans, now).map((d) => ({ ...d, name: nameOf(d.personId) })),
    },
    settings,
  );
}
