import { PreconditionError } from '../../domain/errors.js';
import type { Category, Tier } from '../../domain/person.js';
import type { Strategy } from '../../domain/plan.js';
import { readSettings } from '../../domain/settings.js';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupExternalId,
  type BackupInitiative,
  type BackupInteraction,
  writeBackup,
} from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import type { ImportReport } from './import-report.js';

/**
 * The whole workspace as a versioned backup. Records are listed in the order they were
 * entered and refer to each other by keys from that order ("p1", "i1"), so restoring into an
 * empty database and exporting again gives the same bytes.
 */
export async function exportBackup(r: Rapport): Promise<string> {
  return writeBackup(await r.store.read((store) => backupOf(store, r.ws)));
}

/** Orders keys like p2 < p10 (by number), so ties list in the order people were entered. */
const order = (a: string, b: string): number => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);

async function backupOf(store: Store, ws: number): Promise<Backup> {
  const repo = store.imports;
  const [people, externalIds, initiatives, assessments, interactions, plans, settings, me, name] =
    await Promise.all([
      repo.allPeople(ws),
      repo.allExternalIds(ws),
      store.initiatives.list(ws, { includeArchived: true }),
      repo.allAssessments(ws),
      repo.allInteractions(ws),
      store.plans.list(ws),
      store.settings.all(ws),
      store.workspaces.me(ws),
      store.workspaces.name(ws),
    ]);
  const ties = await store.network.listTies(ws);
  const personKey = new Map(people.map((p, i) => [p.id, `p${i + 1}`]));
  const sortedInitiatives = [...initiatives].sort((a, b) => a.id - b.id);
  const initiativeKey = new Map(sortedInitiatives.map((x, i) => [x.id, `i${i + 1}`]));
  const pk = (id: number) => personKey.get(id)!;
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workspace: { name: name ?? '', me: me === null ? null : (personKey.get(me) ?? null) },
    people: people.map((p) => ({
      key: pk(p.id),
      name: p.name,
      emails: p.emails,
      title: p.title,
      team: p.team,
      department: p.department,
      level: p.level,
      manager: p.managerId === null ? null : (personKey.get(p.managerId) ?? null),
      phone: p.phone,
      company: p.company,
      category: p.category as Category,
      tier: p.tier as Tier,
      cadenceDays: p.cadenceDays,
      interests: p.interests,
      communication: p.communication,
      notes: p.notes,
      location: p.location,
      hireDate: p.hireDate,
      externalIds: (externalIds.get(p.id) ?? []) as BackupExternalId[],
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
    })),
    initiatives: sortedInitiatives.map((x) => ({
      key: initiativeKey.get(x.id)!,
      name: x.name,
      description: x.description,
      status: x.status as BackupInitiative['status'],
      createdAt: x.createdAt,
      archivedAt: x.archivedAt,
    })),
    assessments: assessments.map((a) => ({
      initiative: initiativeKey.get(a.initiativeId)!,
      person: pk(a.personId),
      influence: a.influence,
      stance: a.stance,
      interconnectedness: a.interconnectedness,
      note: a.note,
      assessedAt: a.assessedAt,
    })),
    interactions: interactions.map((x) => ({
      occurredAt: x.occurredAt,
      kind: x.kind as BackupInteraction['kind'],
      capital: x.capital,
      note: x.note,
      initiative: x.initiativeId === null ? null : initiativeKey.get(x.initiativeId)!,
      people: x.personIds.map(pk),
      source: x.source,
      createdAt: x.createdAt,
    })),
    ties: ties
      .map((t) => ({ from: pk(t.fromId), to: pk(t.toId), type: t.kind, weight: t.weight }))
      .sort((a, b) => order(a.from, b.from) || order(a.to, b.to) || order(a.type, b.type)),
    extra: {
      plans: plans.map((p) => ({
        person: pk(p.personId),
        strategy: p.strategy as Strategy,
        createdAt: p.createdAt,
        steps: p.steps.map((s) => ({ text: s.text, due: s.due, doneAt: s.doneAt })),
      })),
    },
    // The settings in force as flat keys: a value the registry refuses is not carried along.
    settings: readSettings(settings).valid,
  };
}

/**
 * Restores a backup into an empty workspace, all inside the caller's transaction. Into a
 * workspace that already holds exactly this backup it changes nothing (a repeated restore);
 * into any other non-empty workspace it refuses rather than mix two histories.
 */
export async function restoreBackup(
  store: Store,
  ws: number,
  backup: Backup,
  report: ImportReport,
  now: string,
): Promise<void> {
  const repo = store.imports;
  if (!(await repo.isEmpty(ws))) {
    if (writeBackup(await backupOf(store, ws)) === writeBackup({ ...backup, version: BACKUP_VERSION })) {
      report.people.unchanged = backup.people.length;
      report.interactions.unchanged = backup.interactions.length;
      report.ties.unchanged = backup.ties.length;
      return;
    }
    throw new PreconditionError(
      'empty-workspace',
      `${report.file} is a full backup and this workspace already holds other data; restore it into an empty database instead.`,
    );
  }
  // parseBackup has checked every record and every rule across records: from here on the
  // backup is written as it is, and a failure would be a bug, not a bad file.
  const ids = await repo.insertPeople(
    ws,
    backup.people.map((p) => ({
      ...p,
      managerId: null,
      location: p.location ?? null,
      hireDate: p.hireDate ?? null,
    })),
  );
  const personId = new Map(backup.people.map((p, i) => [p.key, ids[i]!]));
  const pid = (key: string) => personId.get(key)!;
  await repo.addExternalIds(
    ws,
    backup.people.flatMap((p) =>
      (p.externalIds ?? []).map((x) => [pid(p.key), x.kind, x.value] as [number, string, string]),
    ),
  );
  await repo.restoreManagers(
    ws,
    backup.people.filter((p) => p.manager !== null).map((p) => [pid(p.key), pid(p.manager!)]),
  );
  const initiativeId = new Map<string, number>();
  for (const x of backup.initiatives) initiativeId.set(x.key, await repo.insertInitiative(ws, x));
  for (const a of backup.assessments) {
    await store.assessments.insert(ws, initiativeId.get(a.initiative)!, pid(a.person), a, a.assessedAt);
  }
  await repo.insertInteractions(
    ws,
    backup.interactions.map((x) => ({
      ...x,
      initiativeId: x.initiative === null ? null : initiativeId.get(x.initiative)!,
      personIds: x.people.map(pid),
    })),
  );
  for (const p of backup.extra.plans) {
    const planId = await repo.insertPlan(ws, pid(p.person), p.strategy, p.createdAt);
    for (const s of p.steps) await repo.insertPlanStep(ws, planId, s);
  }
  for (const t of backup.ties) {
    await store.network.upsertTie(ws, pid(t.from), pid(t.to), t.type, t.weight, now);
  }
  report.ties.created = backup.ties.length;
  for (const [key, value] of Object.entries(backup.settings)) await store.settings.set(ws, key, value);
  if (backup.workspace.me !== null) await store.workspaces.setMe(ws, pid(backup.workspace.me));
  report.people.created = ids.length;
  report.interactions.created = backup.interactions.length;
}
