import type { Category } from '../../../domain/person.js';
import { demoHistory } from './history.js';
import type { DemoOrganisation, DemoPerson } from './model.js';
import { DEPARTMENTS, departmentHead, EXTERNALS, FIRST_NAMES, LAST_NAMES } from './names.js';
import { intBetween, personalTouch, pick, seededRandom } from './random.js';

export type { DemoAssessment, DemoInteraction, DemoOrganisation, DemoPerson } from './model.js';

const DEMO_COMPANY = 'Northwind';
const DOMAIN = 'northwind.example';

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
      ...personalTouch(rnd),
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
    const head = add(departmentHead(dept, ceo.key));
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

  const { initiatives, assessments, interactions } = demoHistory(rnd, now, people, me, 120);
  return { company: DEMO_COMPANY, people, meKey: me.key, initiatives, assessments, interactions };
}
