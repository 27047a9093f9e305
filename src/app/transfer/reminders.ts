import { parseInput } from '../../contract/common.js';
import { RemindersInput } from '../../contract/transfer.js';
import { latestPerPerson } from '../../domain/assessment.js';
import { careClock } from '../../domain/care.js';
import { DAY_MS, toDay } from '../../domain/dates.js';
import { isActive } from '../../domain/initiative.js';
import { cadenceOf } from '../../domain/nurture.js';
import type { Tier } from '../../domain/person.js';
import { resolveSettings } from '../../domain/settings.js';
import { type Reminder, writeRemindersIcs } from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { refreshCapital } from '../relationship/capital.js';
import { loadSettings } from '../relationship/relationship-data.js';

const later = (day: string, today: string): string => (day < today ? today : day);
const addDays = (iso: string, days: number): string => toDay(new Date(Date.parse(iso) + days * DAY_MS));

/**
 * What is due, as calendar events: each tiered relationship on the day its cadence runs out,
 * open plan steps on their due day, and assessments on the day they go stale. Anything already
 * late shows today, where a calendar makes it visible.
 */
export async function reminders(r: Rapport): Promise<Reminder[]> {
  // The ledger rollup holds who was last met alone or in a small meeting: bring it up to date
  // first, since the read below is one consistent snapshot that cannot write.
  await refreshCapital(r, await loadSettings(r));
  return r.store.read((store) => remindersOf(store, r.ws, r.now()));
}

async function remindersOf(store: Store, ws: number, now: Date): Promise<Reminder[]> {
  const today = toDay(now);
  const settings = resolveSettings(await store.settings.all(ws));
  const repo = store.imports;
  const [people, rollup, plans, assessmentRows, initiatives] = await Promise.all([
    repo.allPeople(ws),
    store.relationship.capitalRollup(ws),
    store.plans.list(ws),
    repo.allAssessments(ws),
    store.initiatives.list(ws),
  ]);
  const contact = new Map(rollup.map((c) => [c.personId, c]));
  const active = new Set(initiatives.filter(isActive).map((i) => i.id));
  const assessments = assessmentRows.filter((a) => active.has(a.initiativeId));
  const names = new Map(people.map((p) => [p.id, p.name]));
  const out: Reminder[] = [];
  for (const p of people) {
    const cadence = cadenceOf(p.tier as Tier, p.cadenceDays, settings.cadence);
    if (cadence === null) continue;
    const care = contact.get(p.id);
    const clock = careClock(
      {
        lastOneToOneAt: care?.lastOneToOneAt ?? null,
        lastGroupAt: care?.lastGroupAt ?? null,
        createdAt: p.createdAt,
      },
      cadence,
      settings.contact.groupShare,
      now,
    );
    const due = addDays(now.toISOString(), -clock.overdueDays);
    const from =
      clock.by === 'one-to-one'
        ? `last one-to-one ${toDay(care!.lastOneToOneAt!)}`
        : clock.by === 'group'
          ? `last small meeting ${toDay(care!.lastGroupAt!)} (counts for ${clock.credit} days)`
          : `not met alone or in a small meeting since added on ${toDay(p.createdAt)}`;
    out.push({
      uid: `nurture-${ws}-${p.id}@rapport`,
      kind: 'nurture',
      day: later(due, today),
      summary: `Touch base with ${p.name}`,
      description: `${p.tier}, every ${cadence} days; ${from}${due < today ? `, due since ${due}` : ''}.`,
    });
  }
  for (const plan of plans) {
    for (const s of plan.steps) {
      if (s.doneAt !== null) continue;
      out.push({
        uid: `plan-step-${ws}-${s.id}@rapport`,
        kind: 'plan-step',
        day: later(s.due, today),
        summary: `${names.get(plan.personId) ?? 'Plan'}: ${s.text}`,
        description: `Improvement plan (${plan.strategy}) step due ${s.due}.`,
      });
    }
  }
  const initiativeNames = new Map(initiatives.map((i) => [i.id, i.name]));
  const byInitiative = new Map<number, typeof assessments>();
  for (const a of assessments)
    byInitiative.set(a.initiativeId, [...(byInitiative.get(a.initiativeId) ?? []), a]);
  for (const [initiativeId, list] of byInitiative) {
    for (const a of latestPerPerson(list).values()) {
      const stale = addDays(a.assessedAt, settings.review.staleDays);
      out.push({
        uid: `stale-review-${ws}-${initiativeId}-${a.personId}@rapport`,
        kind: 'stale-review',
        day: later(stale, today),
        summary: `Re-assess ${names.get(a.personId) ?? `#${a.personId}`} on ${initiativeNames.get(initiativeId) ?? `#${initiativeId}`}`,
        description: `Last assessed ${toDay(a.assessedAt)}; assessments go stale after ${settings.review.staleDays} days.`,
      });
    }
  }
  return out.sort((a, b) => (a.day === b.day ? a.uid.localeCompare(b.uid) : a.day < b.day ? -1 : 1));
}

/** The reminders as a calendar feed (iCalendar, the one format there is). */
export async function remindersFeed(r: Rapport, raw?: RemindersInput): Promise<string> {
  parseInput(RemindersInput, raw);
  return writeRemindersIcs(await reminders(r), r.now());
}

/** The agenda the terminal shows: what is due from today through the next `days` days, late items today. */
export interface Agenda {
  today: string;
  until: string;
  items: Reminder[];
}

export async function agenda(r: Rapport, days = 14): Promise<Agenda> {
  const now = r.now();
  const today = toDay(now);
  const until = addDays(now.toISOString(), days);
  const all = await reminders(r);
  return { today, until, items: all.filter((x) => x.day <= until) };
}
