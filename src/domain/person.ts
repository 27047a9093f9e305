import { parseDay, toDay } from './dates.js';
import { ValidationError } from './errors.js';
import { email, integerIn, oneOf, optionalText, requireText } from './validate.js';

export const CATEGORIES = ['own-team', 'stakeholder', 'other-team', 'provider', 'client'] as const;
export type Category = (typeof CATEGORIES)[number];

export const TIERS = ['partner', 'friend', 'acquaintance', 'none'] as const;
export type Tier = (typeof TIERS)[number];

/** Human labels for the portfolio tiers. */
export const TIER_LABELS: Record<Tier, string> = {
  partner: 'trusted partner',
  friend: 'friend',
  acquaintance: 'acquaintance',
  none: 'no tier',
};

export interface Person {
  id: number;
  name: string;
  title: string | null;
  team: string | null;
  department: string | null;
  /** 1 is the top of the organisation; larger numbers are more junior. */
  level: number | null;
  managerId: number | null;
  emails: string[];
  phone: string | null;
  company: string | null;
  category: Category;
  tier: Tier;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  /** Office or work location (from an HR file or typed). */
  location: string | null;
  /** The day they joined, YYYY-MM-DD. */
  hireDate: string | null;
  createdAt: string;
  updatedAt: string;
}

/** What a user may set on a person; undefined leaves a field as it is, null clears it. */
export interface PersonInput {
  name?: string;
  title?: string | null;
  team?: string | null;
  department?: string | null;
  level?: number | string | null;
  emails?: string[];
  phone?: string | null;
  company?: string | null;
  category?: string;
  tier?: string;
  cadenceDays?: number | string | null;
  interests?: string[];
  communication?: string | null;
  notes?: string | null;
  location?: string | null;
  hireDate?: string | null;
}

export type PersonFields = Omit<Person, 'id' | 'managerId' | 'createdAt' | 'updatedAt'>;

export const MAX_LEVEL = 20;
export const MAX_CADENCE_DAYS = 3650;

/** Validates the fields of a new person, filling defaults. */
export function newPersonFields(input: PersonInput): PersonFields {
  const base: PersonFields = {
    name: requireText('name', input.name),
    title: null,
    team: null,
    department: null,
    level: null,
    emails: [],
    phone: null,
    company: null,
    category: 'stakeholder',
    tier: 'none',
    cadenceDays: null,
    interests: [],
    communication: null,
    notes: null,
    location: null,
    hireDate: null,
  };
  // The new object is filled in place: an import makes a million of these.
  return applyInto(base, input, false);
}

/** Applies an edit to validated fields; returns new fields, never mutates. */
export function applyPersonInput(current: PersonFields, input: PersonInput): PersonFields {
  return applyInto({ ...current }, input, true);
}

function applyInto(next: PersonFields, input: PersonInput, withName: boolean): PersonFields {
  if (withName && input.name !== undefined) next.name = requireText('name', input.name);
  if (input.title !== undefined) next.title = optionalText('title', input.title, 200);
  if (input.team !== undefined) next.team = optionalText('team', input.team, 200);
  if (input.department !== undefined) next.department = optionalText('department', input.department, 200);
  if (input.level !== undefined) {
    next.level =
      input.level === null || input.level === '' ? null : integerIn('level', input.level, 1, MAX_LEVEL);
  }
  if (input.emails !== undefined) {
    const seen = new Set<string>();
    for (const e of input.emails) {
      if (e.trim() === '') continue;
      seen.add(email('email', e));
    }
    next.emails = [...seen];
  }
  if (input.phone !== undefined) next.phone = optionalText('phone', input.phone, 50);
  if (input.company !== undefined) next.company = optionalText('company', input.company, 200);
  if (input.category !== undefined) next.category = oneOf('category', input.category, CATEGORIES);
  if (input.tier !== undefined) next.tier = oneOf('tier', input.tier, TIERS);
  if (input.cadenceDays !== undefined) {
    next.cadenceDays =
      input.cadenceDays === null || input.cadenceDays === ''
        ? null
        : integerIn('cadence', input.cadenceDays, 1, MAX_CADENCE_DAYS);
  }
  if (input.interests !== undefined) {
    next.interests = [...new Set(input.interests.map((s) => s.trim()).filter((s) => s !== ''))];
  }
  if (input.communication !== undefined) {
    next.communication = optionalText('communication', input.communication, 500);
  }
  if (input.notes !== undefined) next.notes = optionalText('notes', input.notes, 10_000);
  if (input.location !== undefined) next.location = optionalText('location', input.location, 200);
  if (input.hireDate !== undefined) {
    next.hireDate =
      input.hireDate === null || input.hireDate.trim() === ''
        ? null
        : toDay(parseDay(input.hireDate, 'hireDate'));
  }
  return next;
}

/**
 * A manager change must not make anyone their own (indirect) manager.
 * `managerOf` answers the current manager of any person.
 */
export function checkManagerChain(
  personId: number,
  managerId: number | null,
  managerOf: (id: number) => number | null | undefined,
  nameOf: (id: number) => string,
): void {
  if (managerId === null) return;
  const seen = new Set<number>([personId]);
  let cur: number | null | undefined = managerId;
  const chain: number[] = [];
  while (cur !== null && cur !== undefined) {
    chain.push(cur);
    if (seen.has(cur)) {
      throw new ValidationError(
        'manager',
        `${nameOf(managerId)} cannot manage ${nameOf(personId)}: that would make a reporting loop (${[personId, ...chain].map(nameOf).join(' → ')}).`,
      );
    }
    seen.add(cur);
    cur = managerOf(cur);
  }
}

/** Splits "a, b ,c" as typed on a command line. */
export const splitList = (value: string): string[] =>
  value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
