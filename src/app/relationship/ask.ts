import { parseInput } from '../../contract/common.js';
import { type AskCheck, AskInput } from '../../contract/relationship.js';
import { askCheck } from '../../domain/ask.js';
import { ageInDays, balance } from '../../domain/balance.js';
import { careClock } from '../../domain/care.js';
import { managementChain } from '../../domain/coverage.js';
import { depositIdeas } from '../../domain/deposits.js';
import { ValidationError } from '../../domain/errors.js';
import { cadenceOf } from '../../domain/nurture.js';
import { currentAndPrevious } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';
import { balancesByPerson } from './capital.js';
import { goBetweensFor, goBetweenView } from './go-betweens.js';
import { since } from './practice-data.js';
import { loadSettings } from './relationship-data.js';

/**
 * Pick your battles: the balance after the ask, the person's stance and influence (on the
 * initiative given, else where they are most influential), and who could carry it.
 */
export async function ask(r: Rapport, raw: AskInput): Promise<AskCheck> {
  const { person: ref, size, ...opts } = parseInput(AskInput, raw);
  const settings = await loadSettings(r);
  const targetId = await resolvePersonId(r.store, r.ws, ref);
  const only = opts.initiative === undefined ? null : await resolveInitiative(r.store, r.ws, opts.initiative);
  const [me, people, assessments, days, initiatives, recentAsks, care] = await Promise.all([
    r.store.workspaces.me(r.ws),
    r.store.relationship.people(r.ws),
    only ? r.store.assessments.forInitiative(r.ws, only.id) : r.store.relationship.activeAssessments(r.ws),
    r.store.relationship.capitalDays(r.ws, targetId),
    r.store.initiatives.list(r.ws),
    r.store.practice.kindCountWith(r.ws, targetId, 'ask', since(r, settings.ask.leanDays)),
    balancesByPerson(r, settings, [targetId]).then((m) => m.get(targetId)),
  ]);
  const target = people.find((p) => p.id === targetId)!;
  if (targetId === me)
    throw new ValidationError('person', `${target.name} is you: an ask check is about someone else.`);
  const before = balance(targetId, days.days, days.lastInteractionAt, r.now(), settings.balance.halfLifeDays);

  // The assessment that matters most for an ask is where the person has the most sway.
  const names = new Map(initiatives.map((i) => [i.id, i.name]));
  if (only) names.set(only.id, only.name);
  let where: { influence: number; stance: number; initiative: { id: number; name: string } } | null = null;
  for (const [id, list] of groupBy(
    assessments.filter((a) => a.personId === targetId),
    (a) => a.initiativeId,
  )) {
    const current = currentAndPrevious(list).get(targetId)?.current;
    if (current && (where === null || current.influence > where.influence)) {
      where = {
        influence: current.influence,
        stance: current.stance,
        initiative: { id, name: names.get(id) ?? `#${id}` },
      };
    }
  }

  // Go-betweens are judged on the initiative the ask is judged on (or, without one, each person
  // where they are most against): nobody who opposes the cause carries it.
  const stances = new Map<number, { influence: number; stance: number }>();
  for (const [initiativeId, list] of groupBy(assessments, (a) => a.initiativeId)) {
    if (where && initiativeId !== where.initiative.id) continue;
    for (const [personId, { current }] of currentAndPrevious(list)) {
      const known = stances.get(personId);
      if (!known || current.stance < known.stance)
        stances.set(personId, { influence: current.influence, stance: current.stance });
    }
  }
  const allies = await goBetweensFor(r, target, { people, me, stances, escalate: opts.escalate });
  // Up my own chain (above my manager): my manager is the way to raise it.
  const myChain = me === null ? [] : managementChain(people, me);
  const myManager = people.find((p) => p.id === myChain[0]);
  const chainRoute =
    myManager && myChain.indexOf(targetId) > 0 ? { id: myManager.id, name: myManager.name } : null;
  const lastDeposit = days.days.filter((d) => d.deposits > 0).sort((a, b) => (a.day < b.day ? 1 : -1))[0];
  const cadence = cadenceOf(target.tier, target.cadenceDays, settings.cadence);
  const check = askCheck(
    {
      id: targetId,
      name: target.name,
      stance: where?.stance ?? null,
      influence: where?.influence ?? null,
      initiative: where?.initiative.name ?? null,
    },
    before.balance,
    size,
    allies,
    settings,
    {
      neverLogged: days.days.length === 0,
      chainRoute,
      recentAsks,
      lastDepositDaysAgo: lastDeposit === undefined ? null : ageInDays(lastDeposit.day, r.now()),
      // Real contact, as the cadence counts it: an all-hands is not catching up before an ask.
      overdueDays:
        cadence === null || days.lastInteractionAt === null
          ? null
          : careClock(
              {
                lastOneToOneAt: care?.lastOneToOneAt ?? null,
                lastGroupAt: care?.lastGroupAt ?? null,
                createdAt: target.createdAt,
              },
              cadence,
              settings.contact.groupShare,
              r.now(),
            ).overdueDays,
      important: target.tier === 'partner' || target.tier === 'friend',
      critical: opts.critical,
    },
  );
  const { personId, name, ...judged } = check;
  const view = {
    ...judged,
    person: { id: personId, name },
    initiative: where?.initiative ?? null,
    allies: check.allies.map(goBetweenView),
  };
  if (check.verdict !== 'build-first') return { ...view, deposits: null };
  // Building first: what to give, in the currency their department or category values.
  const [who] = await r.store.practice.people(r.ws, [targetId]);
  const ideas = depositIdeas(settings.deposits.playbook, who ?? { ...target, department: null });
  return { ...view, deposits: { ideasFrom: ideas.source, ideas: ideas.ideas } };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = out.get(k);
    if (list) list.push(t);
    else out.set(k, [t]);
  }
  return out;
}
