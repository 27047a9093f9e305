import { DAY_MS } from '../../../domain/dates.js';
import type { InteractionKind } from '../../../domain/interaction.js';
import type { Tier } from '../../../domain/person.js';
import type { DemoAssessment, DemoInteraction, DemoPerson } from './model.js';
import { intBetween, pick } from './random.js';

export const INITIATIVES = [
  {
    name: 'Self-serve onboarding',
    description: 'Let mid-market customers sign up and go live without a sales call.',
    departments: ['Product', 'Engineering', 'Sales', 'Customer Success', 'Marketing'],
  },
  {
    name: 'EU data residency',
    description: 'Host EU customer data in the EU region by Q3.',
    departments: ['Legal', 'Engineering', 'Finance', 'Sales'],
  },
  {
    name: 'Pricing revamp',
    description: 'Move from seat-based to usage-based pricing.',
    departments: ['Finance', 'Sales', 'Marketing', 'Product'],
  },
];

const NOTES: Partial<Record<InteractionKind, readonly string[]>> = {
  'help-given': [
    'reviewed their deck',
    'covered their customer call',
    'shared the churn analysis',
    'unblocked a data request',
  ],
  'introduction-made': ['introduced them to a design partner', 'connected them with the data team'],
  gratitude: ['thanked them for the quick review', 'shout-out in the all-hands'],
  'feedback-given': ['feedback on the roadmap draft', 'feedback on their offsite plan'],
  coffee: ['coffee catch-up', 'walk and talk'],
  lunch: ['team lunch', 'lunch after the QBR'],
  meeting: ['weekly sync', 'roadmap review', 'planning session', 'escalation review'],
  call: ['quick call on timelines', 'call about the launch'],
  message: ['Slack thread on scope', 'sent the weekly update'],
  'help-received': ['reviewing my spec', 'lending me an engineer for a week'],
  ask: ['asked for pipeline data', 'asked for a design review', 'asked to move the deadline'],
  refusal: ['declined their request for a custom report'],
  escalation: ['escalated the integration delay'],
};

const KIND_WEIGHTS: [InteractionKind, number][] = [
  ['meeting', 24],
  ['message', 16],
  ['call', 10],
  ['coffee', 8],
  ['lunch', 3],
  ['help-given', 10],
  ['gratitude', 6],
  ['feedback-given', 5],
  ['introduction-made', 3],
  ['help-received', 5],
  ['ask', 8],
  ['refusal', 1],
  ['escalation', 1],
];

function weightedKind(rnd: () => number): InteractionKind {
  const total = KIND_WEIGHTS.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [k, w] of KIND_WEIGHTS) {
    x -= w;
    if (x < 0) return k;
  }
  return 'meeting';
}

export interface DemoHistory {
  initiatives: { name: string; description: string }[];
  assessments: DemoAssessment[];
  interactions: DemoInteraction[];
}

/**
 * What "me" has done in the six months before `now` with `people` (everyone the demo lets me
 * know; "me" among them): three initiatives with their assessments and re-assessments, tiers,
 * and the interactions logged, with `meetings` shared meetings on the initiatives. Marks the
 * assessed as stakeholders and gives everyone a tier.
 */
export function demoHistory(
  rnd: () => number,
  now: Date,
  people: DemoPerson[],
  me: DemoPerson,
  meetings: number,
): DemoHistory {
  const internal = people.filter((p) => p.level !== null && p.key !== me.key);
  const initiatives = INITIATIVES.map(({ name, description }) => ({ name, description }));
  const assessments: DemoAssessment[] = [];
  const ago = (days: number) =>
    new Date(now.getTime() - days * DAY_MS - intBetween(rnd, 0, 8) * 3_600_000).toISOString();

  INITIATIVES.forEach((init, idx) => {
    const pool = internal.filter(
      (p) => init.departments.includes(p.department ?? '') || p.department === 'Executive',
    );
    const chosen = new Set<DemoPerson>();
    for (const p of pool) if ((p.level ?? 5) <= 2 && rnd() < 0.8) chosen.add(p);
    // A small company has fewer than 15 people to assess.
    while (chosen.size < Math.min(15, pool.length)) chosen.add(pick(rnd, pool));
    for (const p of chosen) {
      if (p.category === 'other-team') p.category = 'stakeholder';
      const base = Math.max(5, Math.min(98, 110 - (p.level ?? 5) * 18 + intBetween(rnd, -12, 12)));
      // A few juniors carry far more weight than their level suggests: hidden influencers.
      const influence = p.level === 5 && rnd() < 0.2 ? intBetween(rnd, 60, 80) : base;
      let stance = intBetween(rnd, -80, 85);
      const rounds = rnd() < 0.5 ? intBetween(rnd, 2, 3) : 1;
      const history: DemoAssessment[] = [];
      for (let r = rounds - 1; r >= 0; r--) {
        const daysAgo = r === 0 ? intBetween(rnd, 3, 70) : intBetween(rnd, 40 + r * 35, 60 + r * 45);
        history.push({
          initiative: idx,
          personKey: p.key,
          influence: Math.max(0, Math.min(100, influence + intBetween(rnd, -8, 8) * r)),
          stance: Math.max(-100, Math.min(100, stance)),
          interconnectedness: intBetween(rnd, 0, 5),
          note:
            r === rounds - 1
              ? null
              : pick(rnd, [
                  'after the roadmap review',
                  'worried about timeline',
                  'asked for more data',
                  'came round after the pilot',
                  'budget pressure',
                  null,
                ]),
          assessedAt: ago(daysAgo),
        });
        stance = Math.max(-100, Math.min(100, stance + intBetween(rnd, -35, 30)));
      }
      history.sort((a, b) => (a.assessedAt < b.assessedAt ? -1 : 1));
      assessments.push(...history);
    }
  });

  // Tiers: a handful of trusted partners, more friends, many acquaintances.
  const close = internal.filter((p) => p.category === 'own-team' || p.category === 'stakeholder');
  const byImportance = [...close].sort((a, b) => (a.level ?? 9) - (b.level ?? 9) || a.key - b.key);
  byImportance.forEach((p, i) => {
    if (i < 7) p.tier = 'partner';
    else if (i < 24) p.tier = rnd() < 0.8 ? 'friend' : 'acquaintance';
    else p.tier = rnd() < 0.7 ? 'acquaintance' : 'none';
  });
  for (const p of internal) if (p.tier === 'none' && rnd() < 0.2) p.tier = 'acquaintance';
  for (const p of people.filter((x) => x.level === null)) p.tier = rnd() < 0.5 ? 'friend' : 'acquaintance';
  const partners = people.filter((p) => p.tier === 'partner');
  if (partners[0]) partners[0].cadenceDays = 7;

  const interactions: DemoInteraction[] = [];
  const perTier: Record<Tier, [number, number]> = {
    partner: [14, 26],
    friend: [6, 12],
    acquaintance: [2, 5],
    none: [0, 2],
  };
  const log = (keys: number[], daysAgo: number, initiative: number | null) => {
    const kind = keys.length > 1 ? 'meeting' : weightedKind(rnd);
    interactions.push({
      occurredAt: ago(daysAgo),
      kind,
      note: pick(rnd, NOTES[kind] ?? ['catch-up']),
      initiative,
      personKeys: keys,
    });
  };
  for (const p of people) {
    if (p.key === me.key) continue;
    const [lo, hi] = perTier[p.tier];
    const n = intBetween(rnd, lo, hi);
    // Some relationships have gone quiet lately: they feed the nurture list.
    const quiet = rnd() < 0.25 ? intBetween(rnd, 20, 70) : 0;
    for (let i = 0; i < n; i++) {
      const inits = assessments.filter((a) => a.personKey === p.key).map((a) => a.initiative);
      log([p.key], intBetween(rnd, quiet, 180), inits.length > 0 && rnd() < 0.5 ? pick(rnd, inits) : null);
    }
  }
  for (let m = 0; m < meetings; m++) {
    const idx = intBetween(rnd, 0, initiatives.length - 1);
    const onIt = [...new Set(assessments.filter((a) => a.initiative === idx).map((a) => a.personKey))];
    const size = intBetween(rnd, 2, 5);
    const keys = new Set<number>();
    while (keys.size < size) keys.add(pick(rnd, onIt));
    log([...keys], intBetween(rnd, 0, 180), idx);
  }
  interactions.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  return { initiatives, assessments, interactions };
}
