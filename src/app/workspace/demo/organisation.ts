import { DAY_MS } from '../../../domain/dates.js';
import type { InteractionKind } from '../../../domain/interaction.js';
import type { Category, Tier } from '../../../domain/person.js';
import { COMMUNICATION, DEPARTMENTS, EXTERNALS, FIRST_NAMES, INTERESTS, LAST_NAMES } from './names.js';
import { intBetween, pick, seededRandom } from './random.js';

export interface DemoPerson {
  key: number;
  name: string;
  title: string;
  team: string | null;
  department: string | null;
  level: number | null;
  managerKey: number | null;
  email: string | null;
  company: string;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
}

export interface DemoAssessment {
  initiative: number;
  personKey: number;
  influence: number;
  stance: number;
  interconnectedness: number;
  note: string | null;
  assessedAt: string;
}

export interface DemoInteraction {
  occurredAt: string;
  kind: InteractionKind;
  note: string;
  initiative: number | null;
  personKeys: number[];
}

export interface DemoOrganisation {
  company: string;
  people: DemoPerson[];
  meKey: number;
  initiatives: { name: string; description: string }[];
  assessments: DemoAssessment[];
  interactions: DemoInteraction[];
}

const DEMO_COMPANY = 'Northwind';
const DOMAIN = 'northwind.example';

const INITIATIVES = [
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

/**
 * A believable mid-size company (about 150 people, 5 levels, 8 departments) seen from "me",
 * a senior product manager, with three initiatives and six months of history before `now`.
 * Pure: the same seed and `now` give the same organisation.
 */
export function demoOrganisation(seed: number, now: Date): DemoOrganisation {
  const rnd = seededRandom(seed);
  const people: DemoPerson[] = [];
  const used = new Set<string>();
  const uniqueName = (): string => {
    for (;;) {
      const n = `${pick(rnd, FIRST_NAMES)} ${pick(rnd, LAST_NAMES)}`;
      if (!used.has(n)) {
        used.add(n);
        return n;
      }
    }
  };
  const emailOf = (name: string) =>
    `${name
      .toLowerCase()
      .replace(/[^a-z ]/g, '')
      .replace(/ /g, '.')}@${DOMAIN}`;
  type NewDemoPerson = Pick<DemoPerson, 'title' | 'team' | 'department' | 'level' | 'managerKey'> & {
    category?: Category | undefined;
    name?: string | undefined;
  };
  const add = (p: NewDemoPerson) => {
    const name = p.name ?? uniqueName();
    used.add(name);
    const person: DemoPerson = {
      key: people.length,
      email: emailOf(name),
      company: DEMO_COMPANY,
      tier: 'none',
      cadenceDays: null,
      interests:
        rnd() < 0.45
          ? [pick(rnd, INTERESTS), pick(rnd, INTERESTS)].filter((v, i, a) => a.indexOf(v) === i)
          : [],
      communication: rnd() < 0.3 ? pick(rnd, COMMUNICATION) : null,
      ...p,
      category: p.category ?? 'other-team',
      name,
    };
    people.push(person);
    return person;
  };

  used.add('Alex Kim');
  const ceo = add({
    title: 'Chief Executive Officer',
    team: 'Executive',
    department: 'Executive',
    level: 1,
    managerKey: null,
  });
  add({ title: 'Chief of Staff', team: 'Executive', department: 'Executive', level: 3, managerKey: ceo.key });
  add({
    title: 'Executive Assistant to the CEO',
    team: 'Executive',
    department: 'Executive',
    level: 5,
    managerKey: ceo.key,
  });

  let me: DemoPerson | undefined;
  for (const dept of DEPARTMENTS) {
    const head = add({
      title: dept.head,
      team: `${dept.name} Leadership`,
      department: dept.name,
      level: 2,
      managerKey: ceo.key,
    });
    for (let d = 0; d < dept.directors; d++) {
      const team = dept.teams[d % dept.teams.length]!;
      const director = add({
        title: `Director, ${team}`,
        team,
        department: dept.name,
        level: 3,
        managerKey: head.key,
      });
      for (let m = 0; m < 2; m++) {
        const subTeam = m === 0 ? team : dept.teams[(d + dept.directors) % dept.teams.length]!;
        const isMe = dept.name === 'Product' && d === 0 && m === 0;
        const manager = add({
          name: isMe ? 'Alex Kim' : undefined,
          title: isMe
            ? 'Senior Product Manager'
            : dept.name === 'Engineering'
              ? 'Engineering Manager'
              : `${subTeam} Manager`,
          team: subTeam,
          department: dept.name,
          level: 4,
          managerKey: director.key,
          category: isMe ? 'own-team' : undefined,
        });
        if (isMe) me = manager;
        const ics = intBetween(rnd, 2, 3);
        for (let i = 0; i < ics; i++) {
          add({
            title: pick(
              rnd,
              dept.name === 'Engineering'
                ? ['Software Engineer', 'Senior Engineer', 'Staff Engineer']
                : [`${subTeam} Specialist`, `${subTeam} Analyst`, `Senior ${subTeam} Specialist`],
            ),
            team: subTeam,
            department: dept.name,
            level: 5,
            managerKey: manager.key,
          });
        }
      }
    }
  }
  for (const ext of EXTERNALS) {
    used.add(ext.name);
    const p = add({
      name: ext.name,
      title: ext.title,
      team: null,
      department: null,
      level: null,
      managerKey: null,
      category: ext.category,
    });
    p.company = ext.company;
    p.email = `${ext.name.split(' ')[0]!.toLowerCase()}@${ext.company.toLowerCase().replace(/[^a-z]/g, '')}.example`;
  }
  if (!me) throw new Error('demo organisation has no "me"');

  // Own team: my manager's reports and my own reports.
  for (const p of people) {
    if (p.key === me.key) continue;
    if (
      p.managerKey === me.key ||
      (p.managerKey === me.managerKey && p.level === me.level) ||
      p.key === me.managerKey
    ) {
      p.category = 'own-team';
    }
  }

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
    while (chosen.size < 15) chosen.add(pick(rnd, pool));
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
  for (let m = 0; m < 120; m++) {
    const idx = intBetween(rnd, 0, initiatives.length - 1);
    const onIt = [...new Set(assessments.filter((a) => a.initiative === idx).map((a) => a.personKey))];
    const size = intBetween(rnd, 2, 5);
    const keys = new Set<number>();
    while (keys.size < size) keys.add(pick(rnd, onIt));
    log([...keys], intBetween(rnd, 0, 180), idx);
  }
  interactions.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  return { company: DEMO_COMPANY, people, meKey: me.key, initiatives, assessments, interactions };
}
