import { BadFileError, quote } from './errors.js';

export const BACKUP_FORMAT = 'rapport-backup';
export const BACKUP_VERSION = 1;

/**
 * A workspace as a file. Records refer to each other by keys local to the file ("p1", "i1"),
 * never by database ids, so a backup restores into any database and exporting the restored
 * workspace gives the same bytes.
 */
export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  workspace: { name: string; me: string | null };
  people: BackupPerson[];
  initiatives: BackupInitiative[];
  assessments: BackupAssessment[];
  interactions: BackupInteraction[];
  ties: BackupTie[];
  /** Tables that later versions of Rapport add travel here as plain JSON rows. */
  extra: Record<string, Record<string, unknown>[]>;
  settings: Record<string, unknown>;
}

export interface BackupPerson {
  key: string;
  name: string;
  emails: string[];
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  manager: string | null;
  phone: string | null;
  company: string | null;
  category: string;
  tier: string;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface BackupInitiative {
  key: string;
  name: string;
  description: string | null;
  status: string;
  createdAt: string;
  archivedAt: string | null;
}

export interface BackupAssessment {
  initiative: string;
  person: string;
  influence: number;
  stance: number;
  interconnectedness: number | null;
  note: string | null;
  assessedAt: string;
}

export interface BackupInteraction {
  occurredAt: string;
  kind: string;
  capital: number;
  note: string | null;
  initiative: string | null;
  people: string[];
  source: string | null;
  createdAt: string;
}

export interface BackupTie {
  from: string;
  to: string;
  type: string;
  weight: number;
}

/**
 * Deterministic JSON: keys sorted at every level, two-space indent, one trailing newline.
 * Arrays keep the order the exporter gives them (it sorts by stable keys).
 */
export function writeBackup(backup: Backup): string {
  return `${JSON.stringify(canonical(backup), null, 2)}\n`;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

export const looksLikeBackup = (head: string): boolean =>
  /^\s*\{[\s\S]*"format"\s*:\s*"rapport-backup"/.test(head);

/** Parses and checks a backup: shapes, types and every key a record refers to. */
export function parseBackup(text: string, file: string): Backup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const pos = /position (\d+)/.exec(message);
    const line = pos ? text.slice(0, Number(pos[1])).split('\n').length : null;
    throw new BadFileError(
      file,
      line === null ? null : { unit: 'line', n: line },
      null,
      `expected JSON: ${message}; the file may be cut short.`,
    );
  }
  const v = new Check(file);
  const root = v.object(data, '(top)');
  if (root.format !== BACKUP_FORMAT)
    v.fail('format', `expected "${BACKUP_FORMAT}"; this JSON is not a Rapport backup.`);
  const version = v.int(root.version, 'version', 1, 1_000);
  if (version > BACKUP_VERSION) {
    v.fail(
      'version',
      `this backup is version ${version}, newer than this Rapport understands (${BACKUP_VERSION}); upgrade Rapport to restore it.`,
    );
  }
  const ws = v.object(root.workspace, 'workspace');
  const people = v.array(root.people, 'people').map((p, i) => v.person(p, `people[${i}]`));
  const initiatives = v
    .array(root.initiatives ?? [], 'initiatives')
    .map((x, i) => v.initiative(x, `initiatives[${i}]`));
  const personKeys = v.unique(
    people.map((p) => p.key),
    'people',
    'key',
  );
  const initiativeKeys = v.unique(
    initiatives.map((x) => x.key),
    'initiatives',
    'key',
  );
  people.forEach((p, i) => {
    v.ref(p.manager, personKeys, `people[${i}].manager`, true);
  });
  const assessments = v.array(root.assessments ?? [], 'assessments').map((x, i) => {
    const a = v.assessment(x, `assessments[${i}]`);
    v.ref(a.initiative, initiativeKeys, `assessments[${i}].initiative`, false);
    v.ref(a.person, personKeys, `assessments[${i}].person`, false);
    return a;
  });
  const interactions = v.array(root.interactions ?? [], 'interactions').map((x, i) => {
    const a = v.interaction(x, `interactions[${i}]`);
    v.ref(a.initiative, initiativeKeys, `interactions[${i}].initiative`, true);
    a.people.forEach((p, j) => {
      v.ref(p, personKeys, `interactions[${i}].people[${j}]`, false);
    });
    return a;
  });
  const ties = v.array(root.ties ?? [], 'ties').map((x, i) => {
    const t = v.tie(x, `ties[${i}]`);
    v.ref(t.from, personKeys, `ties[${i}].from`, false);
    v.ref(t.to, personKeys, `ties[${i}].to`, false);
    return t;
  });
  const extra: Record<string, Record<string, unknown>[]> = {};
  for (const [k, rows] of Object.entries(v.object(root.extra ?? {}, 'extra'))) {
    extra[k] = v.array(rows, `extra.${k}`).map((r, i) => v.object(r, `extra.${k}[${i}]`));
  }
  const me = v.text(ws.me, 'workspace.me', true);
  v.ref(me, personKeys, 'workspace.me', true);
  return {
    format: BACKUP_FORMAT,
    version,
    workspace: { name: v.text(ws.name, 'workspace.name', false) ?? '', me },
    people,
    initiatives,
    assessments,
    interactions,
    ties,
    extra,
    settings: v.object(root.settings ?? {}, 'settings'),
  };
}

/** Field checks that name the JSON path, e.g. field "people[3].emails[0]". */
class Check {
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
  time(x: unknown, field: string): string {
    const t = this.text(x, field, false);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(t) || Number.isNaN(Date.parse(t))) {
      this.fail(field, `expected a UTC time like 2026-03-14T09:30:00.000Z, got ${quote(t)}.`);
    }
    return t;
  }
  optionalTime(x: unknown, field: string): string | null {
    return x === null || x === undefined ? null : this.time(x, field);
  }
  strings(x: unknown, field: string): string[] {
    return this.array(x ?? [], field).map((s, i) => this.text(s, `${field}[${i}]`, false));
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
    return {
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
      category: this.text(o.category, `${at}.category`, false),
      tier: this.text(o.tier, `${at}.tier`, false),
      cadenceDays: this.int(o.cadenceDays, `${at}.cadenceDays`, 1, 100_000, true),
      interests: this.strings(o.interests, `${at}.interests`),
      communication: this.text(o.communication, `${at}.communication`, true),
      notes: this.text(o.notes, `${at}.notes`, true),
      createdAt: this.time(o.createdAt, `${at}.createdAt`),
      updatedAt: this.time(o.updatedAt, `${at}.updatedAt`),
    };
  }
  initiative(x: unknown, at: string): BackupInitiative {
    const o = this.object(x, at);
    return {
      key: this.text(o.key, `${at}.key`, false),
      name: this.text(o.name, `${at}.name`, false),
      description: this.text(o.description, `${at}.description`, true),
      status: this.text(o.status, `${at}.status`, false),
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
      kind: this.text(o.kind, `${at}.kind`, false),
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
      type: this.text(o.type, `${at}.type`, false),
      weight: this.int(o.weight, `${at}.weight`, 1, 5),
    };
  }
}
