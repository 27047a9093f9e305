import { COMPANY_SIZE } from '../../../contract/workspace.js';
import { DAY_MS } from '../../../domain/dates.js';
import { TIE_KINDS } from '../../../domain/influence.js';
import { demoHistory } from './history.js';
import type { DemoInteraction, DemoOrganisation, DemoPerson } from './model.js';
import { DEPARTMENTS, departmentHead, EXTERNALS, FIRST_NAMES, LAST_NAMES } from './names.js';
import { intBetween, personalTouch, pick, seededRandom } from './random.js';

/** Declared ties over person keys, as parallel arrays: a million of them without a million objects. */
export interface DemoTies {
  from: Int32Array;
  to: Int32Array;
  /** Index into TIE_KINDS. */
  kind: Uint8Array;
  weight: Float64Array;
}

export interface DemoCompany extends DemoOrganisation {
  ties: DemoTies;
}

const COMPANY = 'Northwind';
const DOMAIN = 'northwind.example';
const EXECUTIVES = 3;
// Of the employees below the executive team; in DEPARTMENTS' order.
const DEPARTMENT_SHARE: Record<string, number> = {
  Engineering: 0.34,
  Product: 0.07,
  Sales: 0.17,
  Marketing: 0.08,
  Finance: 0.06,
  People: 0.06,
  Legal: 0.04,
  'Customer Success': 0.18,
};
const ADVICE = TIE_KINDS.indexOf('advice');
const TRUST = TIE_KINDS.indexOf('trust');
const INFLUENCE = TIE_KINDS.indexOf('influence');

/** Unique names and emails: "First Last", then with a middle initial, then numbered. */
function nameMaker(rnd: () => number) {
  const names = new Set<string>(['Alex Kim']);
  const emails = new Set<string>();
  const name = (): string => {
    for (let attempt = 0; ; attempt++) {
      const first = pick(rnd, FIRST_NAMES);
      const last = pick(rnd, LAST_NAMES);
      const initial = String.fromCharCode(65 + Math.floor(rnd() * 26));
      const n =
        attempt < 2
          ? `${first} ${last}`
          : attempt < 40
            ? `${first} ${initial}. ${last}`
            : `${first} ${last} ${attempt}`;
      if (!names.has(n)) {
        names.add(n);
        return n;
      }
    }
  };
  const email = (n: string): string => {
    const local = n
      .toLowerCase()
      .replace(/[^a-z0-9 ]/g, '')
      .replace(/ +/g, '.');
    let e = `${local}@${DOMAIN}`;
    for (let k = 2; emails.has(e); k++) e = `${local}${k}@${DOMAIN}`;
    emails.add(e);
    return e;
  };
  return { name, email };
}

/**
 * A whole company of `size` people seen from "me" (Alex Kim, a senior product manager): a CEO
 * and executive team, eight departments of realistic shares, each a reporting tree with spans
 * of 4 to 9 and titles from its size (VP, Director, Senior Manager, Manager, individual
 * contributors), about nine declared advice, trust and influence ties per person (to their
 * manager and peers, their department's leaders, sought-after colleagues and a few go-to experts
 * far below their seniority — the hidden influencers), and six months of my own history with
 * the people around me: the three initiatives and their assessments as in the sample, my 1:1s,
 * team and staff meetings. Pure: the same seed, size and `now`, the same company.
 */
export function demoCompany(seed: number, now: Date, size: number): DemoCompany {
  if (!Number.isInteger(size) || size < COMPANY_SIZE.min || size > COMPANY_SIZE.max)
    throw new RangeError(`company size ${size} is outside ${COMPANY_SIZE.min}..${COMPANY_SIZE.max}`);
  const rnd = seededRandom(seed);
  const names = nameMaker(rnd);
  const people: DemoPerson[] = [];
  const add = (
    p: Pick<DemoPerson, 'title' | 'team' | 'department' | 'level' | 'managerKey'>,
    name = names.name(),
  ): DemoPerson => {
    const person: DemoPerson = {
      key: people.length,
      name,
      email: names.email(name),
      company: COMPANY,
      category: 'other-team',
      tier: 'none',
      cadenceDays: null,
      ...personalTouch(rnd),
      ...p,
    };
    people.push(person);
    return person;
  };
  const exec = { team: 'Executive', department: 'Executive' };
  const ceo = add({ title: 'Chief Executive Officer', ...exec, level: 1, managerKey: null });
  add({ title: 'Chief of Staff', ...exec, level: 3, managerKey: ceo.key });
  add({ title: 'Executive Assistant to the CEO', ...exec, level: 5, managerKey: ceo.key });

  // Each department a reporting tree filled breadth first: every manager takes 4–9 reports.
  const employees = size - EXTERNALS.length - EXECUTIVES;
  const below = employees - DEPARTMENTS.length;
  let placed = 0;
  const reports: number[] = [];
  DEPARTMENTS.forEach((dept, d) => {
    const count =
      d === DEPARTMENTS.length - 1 ? below - placed : Math.round(below * DEPARTMENT_SHARE[dept.name]!);
    placed += count;
    const head = add(departmentHead(dept, ceo.key));
    const queue = [head.key];
    let span = intBetween(rnd, 4, 9);
    let q = 0;
    let teams = 0;
    for (let i = 0; i < count; i++) {
      const manager = people[queue[q]!]!;
      const team = manager.key === head.key ? dept.teams[teams++ % dept.teams.length]! : manager.team;
      queue.push(
        add({ title: '', team, department: dept.name, level: manager.level! + 1, managerKey: manager.key })
          .key,
      );
      reports[manager.key] = (reports[manager.key] ?? 0) + 1;
      if (reports[manager.key] === span) {
        q++;
        span = intBetween(rnd, 4, 9);
      }
    }
  });

  // Titles from how many people sit below someone.
  const under = new Int32Array(people.length);
  for (let k = people.length - 1; k > 0; k--) {
    const m = people[k]!.managerKey;
    if (m !== null) under[m]! += under[k]! + 1;
  }
  for (const p of people) {
    if (p.title !== '') continue;
    const eng = p.department === 'Engineering';
    const n = under[p.key]!;
    p.title =
      n >= 2000
        ? `VP, ${p.team}`
        : n >= 200
          ? `Director, ${p.team}`
          : n >= 30
            ? eng
              ? 'Senior Engineering Manager'
              : `Senior Manager, ${p.team}`
            : n > 0
              ? eng
                ? 'Engineering Manager'
                : `${p.team} Manager`
              : pick(
                  rnd,
                  eng
                    ? ['Software Engineer', 'Software Engineer', 'Senior Engineer', 'Staff Engineer']
                    : [`${p.team} Specialist`, `${p.team} Analyst`, `Senior ${p.team} Specialist`],
                );
  }

  // Me: the first product manager with a small team of individual contributors. A small company's
  // trees can leave Product without one (154 people, seed 25): then the Product manager, else any
  // manager, with the smallest team.
  const smallest = (ps: DemoPerson[]) =>
    ps.filter((p) => under[p.key]! > 0).sort((a, b) => under[a.key]! - under[b.key]! || a.key - b.key)[0];
  const product = people.filter((p) => p.department === 'Product');
  const me =
    product.find((p) => under[p.key]! >= 2 && under[p.key]! < 10) ??
    smallest(product) ??
    smallest(people.filter((p) => p.managerKey !== null));
  if (!me) throw new Error('the company has no team for "me"');
  me.name = 'Alex Kim';
  me.email = names.email(me.name);
  me.title = 'Senior Product Manager';
  me.category = 'own-team';
  const firstExternal = people.length;
  for (const ext of EXTERNALS) {
    const p = add(
      { title: ext.title, team: null, department: null, level: null, managerKey: null },
      ext.name,
    );
    p.category = ext.category;
    p.company = ext.company;
    p.email = `${ext.name.split(' ')[0]!.toLowerCase()}@${ext.company.toLowerCase().replace(/[^a-z]/g, '')}.example`;
  }

  const ties = declaredTies(rnd, people, firstExternal, under);
  const { circle, manager, peers, mine } = myCircle(rnd, people, me, under);
  for (const p of [...peers, ...mine, manager]) if (p) p.category = 'own-team';
  const history = demoHistory(rnd, now, circle, me, 120);
  history.interactions.push(...recurringMeetings(rnd, now, manager, peers, mine));
  history.interactions.sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0,
  );
  return { company: COMPANY, people, meKey: me.key, ...history, ties };
}

/**
 * About nine ties per employee, each from the person who seeks to the person sought: their
 * manager or a peer, a leader of their department, someone already sought by many (so a few
 * become hubs), one of the go-to experts, or anyone.
 */
function declaredTies(
  rnd: () => number,
  people: DemoPerson[],
  employees: number,
  under: Int32Array,
): DemoTies {
  const cap = employees * 14;
  const from = new Int32Array(cap);
  const to = new Int32Array(cap);
  const kind = new Uint8Array(cap);
  const weight = new Float64Array(cap);
  // Reports of each manager, and each department's managers, as flat lists.
  const children: number[][] = Array.from({ length: employees }, () => []);
  const leaders = new Map<string, number[]>();
  for (let k = 0; k < employees; k++) {
    const p = people[k]!;
    if (p.managerKey !== null) children[p.managerKey]!.push(k);
    if (under[k]! > 0 && p.department) {
      const list = leaders.get(p.department) ?? [];
      list.push(k);
      leaders.set(p.department, list);
    }
  }
  const experts: number[] = [];
  for (let k = 0; k < employees; k++) if (under[k] === 0 && rnd() < 0.003) experts.push(k);
  if (experts.length === 0) experts.push(employees - 1);
  const sought = new Int32Array(cap);
  let m = 0;
  for (let u = 0; u < employees; u++) {
    const p = people[u]!;
    const want = intBetween(rnd, 4, 14);
    const start = m;
    for (let t = 0; t < want; t++) {
      const r = rnd();
      let v: number;
      let close = false;
      if (r < 0.12 && p.managerKey !== null) {
        v = p.managerKey;
        close = true;
      } else if (r < 0.3 && p.managerKey !== null) {
        v = pick(rnd, children[p.managerKey]!);
        close = true;
      } else if (r < 0.45) v = pick(rnd, leaders.get(p.department ?? '') ?? [0]);
      else if (r < 0.7 && m > 0) v = sought[Math.floor(rnd() * m)]!;
      else if (r < 0.8) v = pick(rnd, experts);
      else v = Math.floor(rnd() * employees);
      const k = rnd() < 0.6 ? ADVICE : rnd() < 0.6 ? TRUST : INFLUENCE;
      if (v === u) continue;
      let seen = false;
      for (let e = start; e < m && !seen; e++) seen = to[e] === v && kind[e] === k;
      if (seen) continue;
      from[m] = u;
      to[m] = v;
      kind[m] = k;
      weight[m] = close ? intBetween(rnd, 3, 5) : intBetween(rnd, 1, 4);
      sought[m] = v;
      m++;
    }
  }
  return { from: from.slice(0, m), to: to.slice(0, m), kind: kind.slice(0, m), weight: weight.slice(0, m) };
}

/**
 * The people "me" knows, a few hundred whatever the company's size: my chain up to the CEO,
 * my manager's other reports, my own, the leaders of my department, every department head and a
 * few managers in each department, the executives and the outside contacts.
 */
function myCircle(rnd: () => number, people: DemoPerson[], me: DemoPerson, under: Int32Array) {
  const manager = me.managerKey === null ? null : people[me.managerKey]!;
  const peers = people.filter((p) => p.managerKey === me.managerKey && p.key !== me.key);
  const mine = people.filter((p) => p.managerKey === me.key);
  const circle = new Set<DemoPerson>([me, ...peers, ...mine]);
  for (let p: DemoPerson | null = manager; p; p = p.managerKey === null ? null : people[p.managerKey]!)
    circle.add(p);
  const managers: DemoPerson[] = [];
  for (const p of people) {
    if (p.level === null || p.level <= 2 || p.department === 'Executive') circle.add(p);
    else if (p.department === 'Product' && p.level <= 4) circle.add(p);
    else if (under[p.key]! >= 30) managers.push(p);
  }
  for (let i = 0; i < 40 && managers.length > 0; i++) circle.add(pick(rnd, managers));
  return { circle: [...circle].sort((a, b) => a.key - b.key), manager, peers, mine };
}

/** Six months of my 1:1s with my manager, my team's weekly meeting and my manager's staff meeting. */
function recurringMeetings(
  rnd: () => number,
  now: Date,
  manager: DemoPerson | null,
  peers: DemoPerson[],
  mine: DemoPerson[],
): DemoInteraction[] {
  const out: DemoInteraction[] = [];
  const at = (daysAgo: number, hour: number) =>
    new Date(
      now.getTime() - daysAgo * DAY_MS - intBetween(rnd, 0, 1) * 1_800_000 - hour * 3_600_000,
    ).toISOString();
  for (let week = 0; week < 26; week++) {
    const day = week * 7 + 1;
    if (mine.length > 0)
      out.push({
        occurredAt: at(day, 2),
        kind: 'meeting',
        note: 'team meeting',
        initiative: null,
        personKeys: mine.map((p) => p.key),
      });
    if (manager && week % 2 === 0)
      out.push({
        occurredAt: at(day + 1, 4),
        kind: 'meeting',
        note: '1:1',
        initiative: null,
        personKeys: [manager.key],
      });
    if (manager)
      out.push({
        occurredAt: at(day + 2, 6),
        kind: 'meeting',
        note: 'staff meeting',
        initiative: null,
        personKeys: [manager.key, ...peers.map((p) => p.key)],
      });
  }
  return out;
}
