import { parseInput } from '../../contract/common.js';
import { PrepInput, type PrepView } from '../../contract/prep.js';
import { NotFoundError } from '../../domain/errors.js';
import { openSteps, plansAnAsk } from '../../domain/prep.js';
import { currentAndPrevious, quadrantOf, trendNote, trendOf } from '../../domain/stakeholder-map.js';
import type { Rapport } from '../core/context.js';
import { resolveInitiative, resolvePersonId } from '../core/resolve.js';
import { ask } from './ask.js';
import { personBalance } from './balances.js';
import { ledger } from './ledger.js';
import { loadSettings } from './relationship-data.js';

const RECENT = 5;

/**
 * One view before meeting someone: where they stand on each map and how they moved, what the
 * relationship holds (balance, the last entries, the last one-to-one), the plan steps to act on,
 * what they care about and how they like to be addressed, and the ask check when an ask is
 * coming (given, or planned in a step).
 */
export async function prep(r: Rapport, raw: PrepInput): Promise<PrepView> {
  const input = parseInput(PrepInput, raw);
  const { store, ws } = r;
  const id = await resolvePersonId(store, ws, input.person);
  const only = input.initiative === undefined ? null : await resolveInitiative(store, ws, input.initiative);
  const person = await store.people.get(ws, id);
  if (!person) throw new NotFoundError('person', String(input.person));
  const [settings, history, initiatives, plans, lastOneToOneAt, counts, bal, recent, me] = await Promise.all([
    loadSettings(r),
    store.assessments.forPerson(ws, id),
    store.initiatives.list(ws),
    store.plans.list(ws, id),
    store.interactions.lastOneToOne(ws, id),
    store.interactions.countForPerson(ws, id),
    personBalance(r, { person: id }),
    ledger(r, { person: id, limit: RECENT }),
    store.workspaces.me(ws),
  ]);

  // Archived initiatives are history; their maps no longer matter in a meeting.
  const live = new Map(initiatives.filter((i) => i.status === 'active').map((i) => [i.id, i]));
  const places: PrepView['places'] = [];
  for (const [initiativeId, initiative] of live) {
    if (only && only.id !== initiativeId) continue;
    const mine = history.filter((a) => a.initiativeId === initiativeId);
    const cp = currentAndPrevious(mine).get(id);
    if (!cp) continue;
    const { current, previous } = cp;
    const trend = trendOf(current, previous);
    places.push({
      initiative: { id: initiativeId, name: initiative.name },
      influence: current.influence,
      stance: current.stance,
      quadrant: quadrantOf(current.influence, current.stance, settings.map),
      assessedAt: current.assessedAt,
      trend,
      trendNote: trendNote(id, trend),
      note: current.note,
    });
  }
  places.sort((a, b) => b.influence - a.influence || a.initiative.name.localeCompare(b.initiative.name));

  const steps = openSteps(plans, r.now());
  const askStep = steps.find((s) => plansAnAsk(s.step.text));
  const askSize = input.ask ?? (askStep ? 'medium' : undefined);
  const check =
    askSize === undefined || (input.ask === undefined && id === me)
      ? null
      : {
          ...(await ask(r, { person: id, size: askSize, ...(only ? { initiative: only.id } : {}) })),
          from:
            input.ask !== undefined
              ? { kind: 'asked' as const, stepId: null }
              : { kind: 'plan-step' as const, stepId: askStep!.step.id },
        };

  return {
    person: {
      id,
      name: person.name,
      title: person.title,
      department: person.department,
      company: person.company,
      category: person.category,
      tier: person.tier,
    },
    places,
    balance: {
      balance: bal.balance,
      deposits: bal.deposits,
      withdrawals: bal.withdrawals,
      halfLifeDays: bal.halfLifeDays,
    },
    recent: { entries: recent.entries, total: recent.totals.entries },
    lastContactAt: counts.last,
    lastOneToOneAt,
    steps: steps.map((s) => ({
      id: s.step.id,
      strategy: s.strategy,
      text: s.step.text,
      due: s.step.due,
      dueNow: s.dueNow,
    })),
    interests: person.interests,
    communication: person.communication,
    ask: check,
  };
}
