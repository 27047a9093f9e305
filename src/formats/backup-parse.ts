import { DAY_MS, toDay } from '../domain/dates.js';
import { Check } from './backup-check.js';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from './backup-records.js';
import { BadFileError, quote } from './errors.js';

export interface BackupOptions {
  /** Interactions after the end of this day are refused: a backup records what happened. */
  now?: Date;
}

/**
 * Parses and checks a backup completely, so that restoring it can only fail here, with a
 * message naming the record: shapes and types, every key a record refers to, the rules of
 * each record (names, emails, statuses, kinds, plan steps, settings) and the rules across
 * records (unique keys, emails and initiative names, no reporting loop, one tie per pair and
 * kind, nothing in the future).
 */
export function parseBackup(text: string, file: string, options: BackupOptions = {}): Backup {
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
  v.distinct(
    initiatives.map((x) => x.name.trim().toLowerCase()),
    (i) => `initiatives[${i}].name`,
    (i, first) =>
      `"${initiatives[i]!.name}" is also the name of initiatives[${first}]; initiative names are unique.`,
  );
  v.distinct(
    people.flatMap((p, i) =>
      p.emails.map((e, j) => ({ e: e.trim().toLowerCase(), at: `people[${i}].emails[${j}]` })),
    ),
    (k, all) => all[k]!.at,
    (k, first, all) =>
      `${quote(all[k]!.e)} is also an email of ${all[first]!.at.replace(/\.emails.*/, '')}; an email belongs to one person.`,
    (x) => x.e,
  );
  v.distinct(
    people.flatMap((p, i) =>
      (p.externalIds ?? []).map((x, j) => ({
        key: `${x.kind}\u0000${x.value}`,
        x,
        at: `people[${i}].externalIds[${j}]`,
      })),
    ),
    (k, all) => all[k]!.at,
    (k, first, all) =>
      `the ${all[k]!.x.kind} id ${quote(all[k]!.x.value)} is also an id of ${all[first]!.at.replace(/\.externalIds.*/, '')}; an id names one person.`,
    (x) => x.key,
  );
  people.forEach((p, i) => {
    v.ref(p.manager, personKeys, `people[${i}].manager`, true);
  });
  v.noReportingLoop(people);
  const assessments = v.array(root.assessments ?? [], 'assessments').map((x, i) => {
    const a = v.assessment(x, `assessments[${i}]`);
    v.ref(a.initiative, initiativeKeys, `assessments[${i}].initiative`, false);
    v.ref(a.person, personKeys, `assessments[${i}].person`, false);
    return a;
  });
  // The end of today (UTC), as logging a past interaction allows.
  const future = options.now ? Date.parse(toDay(options.now)) + DAY_MS : Number.POSITIVE_INFINITY;
  const interactions = v.array(root.interactions ?? [], 'interactions').map((x, i) => {
    const a = v.interaction(x, `interactions[${i}]`);
    if (Date.parse(a.occurredAt) >= future) {
      v.fail(
        `interactions[${i}].occurredAt`,
        `${a.occurredAt} is in the future (today is ${toDay(options.now!)}); a backup records what has happened.`,
      );
    }
    v.ref(a.initiative, initiativeKeys, `interactions[${i}].initiative`, true);
    a.people.forEach((p, j) => {
      v.ref(p, personKeys, `interactions[${i}].people[${j}]`, false);
    });
    v.distinct(
      a.people,
      (j) => `interactions[${i}].people[${j}]`,
      (j) => `${quote(a.people[j]!)} is listed twice in one interaction.`,
    );
    return a;
  });
  const ties = v.array(root.ties ?? [], 'ties').map((x, i) => {
    const t = v.tie(x, `ties[${i}]`);
    v.ref(t.from, personKeys, `ties[${i}].from`, false);
    v.ref(t.to, personKeys, `ties[${i}].to`, false);
    if (t.from === t.to)
      v.fail(`ties[${i}].to`, `a tie needs two different people; both ends are ${quote(t.from)}.`);
    return t;
  });
  v.distinct(
    ties.map((t) => `${t.from}\u0000${t.to}\u0000${t.type}`),
    (i) => `ties[${i}]`,
    (i, first) =>
      `the ${ties[i]!.type} tie from ${quote(ties[i]!.from)} to ${quote(ties[i]!.to)} is also ties[${first}]; declare a tie once.`,
  );
  const extra = v.object(root.extra ?? {}, 'extra');
  for (const [k, rows] of Object.entries(extra)) {
    // Tables this version does not know are read as lists of rows and left out.
    if (k === 'plans') continue;
    for (const [i, r] of v.array(rows, `extra.${k}`).entries()) v.object(r, `extra.${k}[${i}]`);
  }
  const plans = v.array(extra.plans ?? [], 'extra.plans').map((x, i) => {
    const plan = v.plan(x, `extra.plans[${i}]`);
    v.ref(plan.person, personKeys, `extra.plans[${i}].person`, false);
    return plan;
  });
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
    extra: { plans },
    settings: v.settings(root.settings ?? {}, 'settings'),
  };
}
