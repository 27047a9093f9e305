import { parseDay, toDay } from '../domain/dates.js';
import { TIE_KINDS } from '../domain/influence.js';
import { INITIATIVE_STATUSES, newInitiativeFields } from '../domain/initiative.js';
import { INTERACTION_KINDS } from '../domain/interaction.js';
import { type Category, newPersonFields, type Tier } from '../domain/person.js';
import { parseStrategy, planStepFields } from '../domain/plan.js';
import { checkSetting, checkSettings, flattenStored } from '../domain/settings.js';
import type {
  BackupAssessment,
  BackupInitiative,
  BackupInteraction,
  BackupPerson,
  BackupPlan,
  BackupPlanStep,
  BackupTie,
} from './backup-records.js';
import { EXTERNAL_ID_KINDS } from './backup-records.js';
import { BadFileError, quote } from './errors.js';

/** Field checks that name the JSON path, e.g. field "people[3].emails[0]". */
export class Check {
  constructor(private readonly file: string) {}
  fail(field: string, problem: string): never {
    throw new BadFileError(this.file, null, field, problem);
  }
  object(x: unknown, field: string): Record<string, unknown> {
    if (x === null || typeof x !== 'object' || Array.isArray(x)) this.fail(field, 'expected an object.');
    return x as Record<string, unknown>;
  }
  array(x: unknown, field: string): unknown[] {
    if (!Array.isArray(x)) this.fail(field, 'expected a list.');
    return x;
  }
  text(x: unknown, field: string, nullable: true): string | null;
  text(x: unknown, field: string, nullable: false): string;
  text(x: unknown, field: string, nullable: boolean): string | null {
    if (x === null || x === undefined) {
      if (nullable) return null;
      this.fail(field, 'expected text; it is missing.');
    }
    if (typeof x !== 'string') this.fail(field, `expected text, got ${quote(JSON.stringify(x) ?? '')}.`);
    return x;
  }
  int(x: unknown, field: string, min: number, max: number): number;
  int(x: unknown, field: string, min: number, max: number, nullable: true): number | null;
  int(x: unknown, field: string, min: number, max: number, nullable = false): number | null {
    if ((x === null || x === undefined) && nullable) return null;
    if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
      this.fail(
        field,
        `expected a whole number from ${min} to ${max}, got ${quote(JSON.stringify(x) ?? 'nothing')}.`,
      );
    }
    return x;
  }
  oneOf<T extends string>(x: unknown, field: string, allowed: readonly T[]): T {
    const t = this.text(x, field, false);
    if (!(allowed as readonly string[]).includes(t))
      this.fail(field, `expected one of ${allowed.join(', ')}, got ${quote(t)}.`);
    return t as T;
  }
  time(x: unknown, field: string): string {
    const t = this.text(x, field, false);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(t) || Number.isNaN(Date.parse(t))) {
      this.fail(field, `expected a UTC time like 2026-03-14T09:30:00.000Z, got ${quote(t)}.`);
    }
    return t;
  }
  /** A calendar day, YYYY-MM-DD, or nothing. */
  day(x: unknown, field: string): string | null {
    const t = this.text(x, field, true);
    if (t === null) return null;
    const ok = /^\d{4}-\d{2}-\d{2}$/.test(t) && this.rule(field, () => toDay(parseDay(t, field))) === t;
    if (!ok) this.fail(field, `expected a day like 2019-03-15, got ${quote(t)}.`);
    return t;
  }
  optionalTime(x: unknown, field: string): string | null {
    return x === null || x === undefined ? null : this.time(x, field);
  }
  strings(x: unknown, field: string): string[] {
    return this.array(x ?? [], field).map((s, i) => this.text(s, `${field}[${i}]`, false));
  }
  /** A domain rule applied to a record: its refusal becomes this file's error, naming the record. */
  rule<T>(field: string, fn: () => T): T {
    try {
      return fn();
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return this.fail(field, message);
    }
  }
  /** Refuses the second of two equal values: `at(k)` names it, `problem(k, first)` says why. */
  distinct<T>(
    items: readonly T[],
    at: (k: number, all: readonly T[]) => string,
    problem: (k: number, first: number, all: readonly T[]) => string,
    keyOf: (x: T) => unknown = (x) => x,
  ): void {
    const seen = new Map<unknown, number>();
    items.forEach((x, k) => {
      const key = keyOf(x);
      const first = seen.get(key);
      if (first !== undefined) this.fail(at(k, items), problem(k, first, items));
      seen.set(key, k);
    });
  }
  noReportingLoop(people: readonly BackupPerson[]): void {
    const managerOf = new Map(people.map((p) => [p.key, p.manager]));
    const index = new Map(people.map((p, i) => [p.key, i]));
    const clear = new Set<string>();
    for (const [i, p] of people.entries()) {
      const chain: string[] = [];
      const onChain = new Set<string>();
      let cur: string | null | undefined = p.key;
      while (cur !== null && cur !== undefined && !clear.has(cur)) {
        if (onChain.has(cur)) {
          const loop = [...chain.slice(chain.indexOf(cur)), cur].map((k) => `${quote(k)}`);
          this.fail(
            `people[${index.get(cur) ?? i}].manager`,
            `the managers make a reporting loop (${loop.join(' → ')}); someone in it needs another manager or none.`,
          );
        }
        onChain.add(cur);
        chain.push(cur);
        cur = managerOf.get(cur);
      }
      for (const k of chain) clear.add(k);
    }
  }
  unique(keys: string[], list: string, field: string): Set<string> {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (seen.has(k)) this.fail(`${list}[${i}].${field}`, `expected a unique key; "${k}" is used twice.`);
      seen.add(k);
    });
    return seen;
  }
  ref(key: string | null, keys: Set<string>, field: string, nullable: boolean): void {
    if (key === null && nullable) return;
    if (key === null || !keys.has(key))
      this.fail(field, `expected the key of a record in this file, got ${quote(String(key))}.`);
  }
  person(x: unknown, at: string): BackupPerson {
    const o = this.object(x, at);
    const p: BackupPerson = {
      key: this.text(o.key, `${at}.key`, false),
      name: this.text(o.name, `${at}.name`, false),
      emails: this.strings(o.emails, `${at}.emails`),
      title: this.text(o.title, `${at}.title`, true),
      team: this.text(o.team, `${at}.team`, true),
      department: this.text(o.department, `${at}.department`, true),
      level: this.int(o.level, `${at}.level`, 1, 1000, true),
      manager: this.text(o.manager, `${at}.manager`, true),
      phone: this.text(o.phone, `${at}.phone`, true),
      company: this.text(o.company, `${at}.company`, true),
      category: this.text(o.category, `${at}.category`, false) as Category,
      tier: this.text(o.tier, `${at}.tier`, false) as Tier,
      cadenceDays: this.int(o.cadenceDays, `${at}.cadenceDays`, 1, 100_000, true),
      interests: this.strings(o.interests, `${at}.interests`),
      communication: this.text(o.communication, `${at}.communication`, true),
      notes: this.text(o.notes, `${at}.notes`, true),
      createdAt: this.time(o.createdAt, `${at}.createdAt`),
      updatedAt: this.time(o.updatedAt, `${at}.updatedAt`),
    };
    // Fields added later in version 1: kept only when set, as the writer writes them.
    const location = this.text(o.location, `${at}.location`, true);
    const hireDate = this.day(o.hireDate, `${at}.hireDate`);
    const externalIds = this.array(o.externalIds ?? [], `${at}.externalIds`).map((x, j) => {
      const e = this.object(x, `${at}.externalIds[${j}]`);
      const value = this.text(e.value, `${at}.externalIds[${j}].value`, false).trim();
      if (value === '' || value.length > 200)
        this.fail(
          `${at}.externalIds[${j}].value`,
          `expected an id of 1 to 200 characters, got ${quote(value.slice(0, 40))}.`,
        );
      return { kind: this.oneOf(e.kind, `${at}.externalIds[${j}].kind`, EXTERNAL_ID_KINDS), value };
    });
    if (location !== null) p.location = location;
    if (hireDate !== null) p.hireDate = hireDate;
    if (externalIds.length > 0) p.externalIds = externalIds;
    // The rules of a person added by hand: names, emails, category, tier, lengths.
    const checked = this.rule(at, () => newPersonFields(p));
    return { ...p, category: checked.category, tier: checked.tier };
  }
  initiative(x: unknown, at: string): BackupInitiative {
    const o = this.object(x, at);
    const name = this.text(o.name, `${at}.name`, false);
    const description = this.text(o.description, `${at}.description`, true);
    this.rule(at, () => newInitiativeFields({ name, description }));
    return {
      key: this.text(o.key, `${at}.key`, false),
      name,
      description,
      status: this.oneOf(o.status, `${at}.status`, INITIATIVE_STATUSES),
      createdAt: this.time(o.createdAt, `${at}.createdAt`),
      archivedAt: this.optionalTime(o.archivedAt, `${at}.archivedAt`),
    };
  }
  assessment(x: unknown, at: string): BackupAssessment {
    const o = this.object(x, at);
    return {
      initiative: this.text(o.initiative, `${at}.initiative`, false),
      person: this.text(o.person, `${at}.person`, false),
      influence: this.int(o.influence, `${at}.influence`, 0, 100),
      stance: this.int(o.stance, `${at}.stance`, -100, 100),
      interconnectedness: this.int(o.interconnectedness, `${at}.interconnectedness`, 0, 5, true),
      note: this.text(o.note, `${at}.note`, true),
      assessedAt: this.time(o.assessedAt, `${at}.assessedAt`),
    };
  }
  interaction(x: unknown, at: string): BackupInteraction {
    const o = this.object(x, at);
    return {
      occurredAt: this.time(o.occurredAt, `${at}.occurredAt`),
      kind: this.oneOf(o.kind, `${at}.kind`, INTERACTION_KINDS),
      capital: this.int(o.capital, `${at}.capital`, -1000, 1000),
      note: this.text(o.note, `${at}.note`, true),
      initiative: this.text(o.initiative, `${at}.initiative`, true),
      people: this.strings(o.people, `${at}.people`),
      source: this.text(o.source, `${at}.source`, true),
      createdAt: this.time(o.createdAt, `${at}.createdAt`),
    };
  }
  tie(x: unknown, at: string): BackupTie {
    const o = this.object(x, at);
    return {
      from: this.text(o.from, `${at}.from`, false),
      to: this.text(o.to, `${at}.to`, false),
      type: this.oneOf(o.type, `${at}.type`, TIE_KINDS),
      weight: this.int(o.weight, `${at}.weight`, 1, 5),
    };
  }
  plan(x: unknown, at: string): BackupPlan {
    const o = this.object(x, at);
    const strategy = this.text(o.strategy, `${at}.strategy`, false);
    return {
      person: this.text(o.person, `${at}.person`, false),
      strategy: this.rule(`${at}.strategy`, () => parseStrategy(strategy)),
      createdAt: this.time(o.createdAt, `${at}.createdAt`),
      steps: this.array(o.steps ?? [], `${at}.steps`).map((y, j) => this.step(y, `${at}.steps[${j}]`)),
    };
  }
  step(x: unknown, at: string): BackupPlanStep {
    const o = this.object(x, at);
    if (o.text === undefined || o.text === null || (typeof o.text === 'string' && o.text.trim() === ''))
      this.fail(`${at}.text`, 'a step needs text.');
    const text = this.text(o.text, `${at}.text`, false);
    const due = this.text(o.due, `${at}.due`, false);
    this.rule(at, () => planStepFields({ text, due }));
    if (toDay(parseDay(due, 'due')) !== due)
      this.fail(`${at}.due`, `expected a day like 2026-12-01, got ${quote(due)}.`);
    return { text, due, doneAt: this.optionalTime(o.doneAt, `${at}.doneAt`) };
  }
  settings(x: unknown, at: string): Record<string, unknown> {
    const stored = this.object(x, at);
    // Each key first, so the message names the one at fault; then the rules across keys.
    for (const [key, value] of Object.entries(flattenStored(stored))) {
      this.rule(`${at}.${key}`, () => checkSetting(key, value));
    }
    return this.rule(at, () => checkSettings(stored));
  }
}
