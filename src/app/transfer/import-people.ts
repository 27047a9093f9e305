import { ValidationError } from '../../domain/errors.js';
import type { CategoryRule, CategoryRules } from '../../domain/import-category.js';
import { type Category, newPersonFields, type PersonInput } from '../../domain/person.js';
import {
  BadFileError,
  type InvalidRecord,
  type NoticeRecord,
  type PeopleCsvChunk,
  type PersonRecord,
} from '../../formats/index.js';
import type { ImportedPerson, ImportPersonRow, ImportsStore, Store } from '../../store/index.js';
import { importOrgColumns } from './import-org-columns.js';
import { type ImportReport, inBatches, skip, where } from './import-report.js';
import {
  type AssistantHint,
  linkAssistants,
  PendingManagers,
  RefIndex,
  setManagers,
} from './import-reporting-lines.js';
import { externalKey, NewWorkspaceLookup, type PersonLookup } from './person-lookup.js';
import { WorkspaceLookup } from './workspace-lookup.js';

const BATCH = 2000;

/**
 * From this file size on, a first import into an empty database builds the people indexes
 * after the load (deferIndexes): about 20,000 org chart rows, where building an index
 * once starts to cost less than keeping it up row by row.
 */
const DEFER_INDEXES_FROM_BYTES = 1 << 20;

export interface PeopleImportOptions {
  file: string;
  skipInvalid: boolean;
  now: string;
  onProgress?: (records: number) => void;
  /** The category of each person the file adds, and why (domain/import-category.ts). */
  categories: CategoryRules;
  /** The rule in words for the report ("company in import.clients"). */
  because: (rule: CategoryRule) => string;
  /** The file's size in bytes, when known: a big file into an empty database loads faster. */
  fileBytes?: number;
  /**
   * False reads an org chart's plain rows as records too (import-org-columns.ts): the tests
   * hold both ways to the same result.
   */
  columns?: boolean;
}

type Existing = ImportedPerson;
/** What an import compares and may change of a person. */
type Fields = Omit<ImportedPerson, 'id'>;

/**
 * Imports people (org chart, contacts, vCards) inside the caller's transaction: each record is
 * matched by an id another system gave them (employee id, LinkedIn URL), then email, then exact name; new people are created, matched ones get the fields
 * the file fills in (emails added, never removed); reporting lines are set once the whole file
 * is in, and a loop among them stops the import naming the people.
 */
export async function importPeople(
  store: Store,
  ws: number,
  records:
    | AsyncIterable<PersonRecord | InvalidRecord | NoticeRecord>
    | {
        batches: AsyncIterable<(PersonRecord | InvalidRecord | NoticeRecord)[]>;
        /** The same file with its plain rows as columns (an org chart): read instead when the workspace is empty. */
        chunks?: AsyncIterable<PeopleCsvChunk>;
      },
  report: ImportReport,
  opts: PeopleImportOptions,
): Promise<void> {
  const repo = store.imports;
  // Into a workspace with nobody in it, a name or id the import has not written names nobody.
  const empty = !(await repo.hasPeople(ws));
  const byRef = new RefIndex();
  const lookup = empty ? new NewWorkspaceLookup(repo, ws, byRef) : await WorkspaceLookup.load(repo, ws);
  const deferred = empty && (opts.fileBytes ?? 0) >= DEFER_INDEXES_FROM_BYTES && (await repo.deferIndexes());
  repo.bulkMode(deferred ? 32 : 256);
  // Lookups cost nothing in an empty workspace, so small batches: fewer records alive at once
  // means fewer survive into the old generation (1M rows: 15 % less CPU than 2,000).
  const size = empty ? 500 : BATCH;
  try {
    const pending = new PendingManagers();
    const assistants: AssistantHint[] = [];
    const batch = (records: PersonRecord[]) =>
      importBatch(repo, lookup, ws, records, byRef, pending, assistants, report, opts);
    const chunks = 'batches' in records ? records.chunks : undefined;
    if (chunks && lookup instanceof NewWorkspaceLookup && opts.columns !== false) {
      const tallied = (category: string, rule: string) =>
        tally(report, category as Category, rule as CategoryRule, opts);
      const state = { repo, lookup, ws, byRef, pending, assistants, report, opts };
      await importOrgColumns(chunks, size, state, { batch, tally: tallied });
    } else await inBatches(records, report, opts, size, batch);
    report.categories.sort((a, b) => b.count - a.count);
    await setManagers(repo, lookup, ws, byRef, pending, report, opts);
    await linkAssistants(store, lookup, ws, byRef, assistants, report, opts);
    if (deferred) await repo.restoreIndexes();
  } finally {
    repo.endBulkMode();
  }
}

async function importBatch(
  repo: ImportsStore,
  lookup: PersonLookup,
  ws: number,
  batch: PersonRecord[],
  byRef: RefIndex,
  pending: PendingManagers,
  assistants: AssistantHint[],
  report: ImportReport,
  opts: PeopleImportOptions,
): Promise<void> {
  // An employee id (or LinkedIn URL) names one person for good, whatever their name or email
  // became since: it is matched first.
  const externalIds = await lookup.idsByExternalIds(batch.flatMap((r) => r.externalIds));
  const byExternal = (r: PersonRecord) =>
    externalIds.size === 0
      ? undefined
      : r.externalIds
          .map((x) => externalIds.get(externalKey(x.kind, x.value)))
          .find((id) => id !== undefined);
  const emailIds = await lookup.idsByEmails(batch.flatMap((r) => r.emails));
  const unmatched = batch.filter(
    (r) => byExternal(r) === undefined && !r.emails.some((e) => emailIds.has(e)),
  );
  const nameIds = await lookup.idsByNames(unmatched.map((r) => r.name));
  const matchedIds = new Set<number>();
  const plan: { record: PersonRecord; id: number | null; ambiguous?: number[] }[] = [];
  for (const r of batch) {
    const byId = byExternal(r);
    const byEmail = byId ?? r.emails.map((e) => emailIds.get(e)).find((id) => id !== undefined);
    let byName = byEmail === undefined && nameIds.size > 0 ? nameIds.get(r.name.toLowerCase()) : undefined;
    if (byName && r.externalIds.length > 0) {
      // A row whose employee id is new is a new person unless someone of that name has none.
      const kinds = r.externalIds.map((x) => x.kind);
      byName = byName.filter((id) => !lookup.namedOtherwise(id, kinds));
    }
    if (byName && byName.length > 1) {
      plan.push({ record: r, id: null, ambiguous: byName });
      continue;
    }
    const id = byEmail ?? byName?.[0] ?? null;
    if (id !== null) matchedIds.add(id);
    plan.push({ record: r, id });
  }
  const existing = await repo.importedPeople(ws, [...matchedIds]);
  const fresh: { record: PersonRecord; row: ImportPersonRow; ext: PersonRecord['externalIds'] }[] = [];
  const external: [number, string, string][] = [];
  // The same person twice in one batch (a duplicate row) must become one person.
  const freshByKey = new Map<string, number>();
  const updates = new Map<number, Existing>();
  for (const step of plan) {
    const r = step.record;
    if (step.ambiguous) {
      if (!opts.skipInvalid) {
        throw new BadFileError(
          opts.file,
          r.at,
          'name',
          `"${r.name}" matches ${step.ambiguous.length} people here (ids ${step.ambiguous.join(', ')}) and the record has no email to tell them apart; add an email column or merge them first.`,
        );
      }
      skip(
        report,
        where(opts.file, r.at),
        `"${r.name}" matches several people (ids ${step.ambiguous.join(', ')}).`,
      );
      continue;
    }
    if (step.id === null) {
      const ext = r.externalIds[0];
      const key = ext ? `${ext.kind}:${ext.value}` : (r.emails[0] ?? `name:${r.name.toLowerCase()}`);
      const dup = freshByKey.get(key);
      if (dup !== undefined) {
        fresh[dup]!.row = merged(fresh[dup]!.row, r, emailIds, -1, opts.now);
        fresh[dup]!.ext.push(...r.externalIds);
        continue;
      }
      // A file that carries categories (Rapport's own export) gives them itself: no rule applies.
      const given = r.category === undefined ? opts.categories.categoryOf(r.company) : null;
      let row: ImportPersonRow;
      try {
        row = newRow(r, opts.now, r.category ?? given!.category);
      } catch (e) {
        if (!(e instanceof ValidationError)) throw e;
        const err = new BadFileError(opts.file, r.at, e.field, e.message);
        if (!opts.skipInvalid) throw err;
        skip(report, where(opts.file, r.at), err.message);
        continue;
      }
      // A manager met earlier in the file (the usual top-down order) is set right away; the
      // rest wait for the end. A new person cannot close a loop: nobody reports to them yet.
      const known = r.manager?.by === 'id' ? byRef.get(r.manager.value) : undefined;
      if (known !== undefined) row.managerId = known;
      freshByKey.set(key, fresh.length);
      fresh.push({ record: r, row, ext: [...r.externalIds] });
      if (given) tally(report, given.category, given.rule, opts);
      continue;
    }
    const before = updates.get(step.id) ?? existing.get(step.id)!;
    updates.set(step.id, merged(before, r, emailIds, step.id, opts.now));
    // Ids already here (theirs, or someone's who keeps them) need no write.
    for (const x of r.externalIds)
      if (!externalIds.has(externalKey(x.kind, x.value))) external.push([step.id, x.kind, x.value]);
    if (r.ref) byRef.set(r.ref, step.id);
    if (r.assistant) assistants.push({ personId: step.id, ref: r.assistant, at: r.at });
  }
  const changed: Existing[] = [];
  const newEmails: Existing[] = [];
  for (const [id, after] of updates) {
    const before = existing.get(id)!;
    if (after !== before && differs(before, after)) {
      changed.push(after);
      if (after.emails !== before.emails) newEmails.push(after);
    } else report.people.unchanged++;
  }
  for (const step of plan) {
    if (step.id === null || !step.record.manager) continue;
    const after = updates.get(step.id)!;
    // Already reporting to the manager the file names (met earlier in it): nothing to do.
    const ref = step.record.manager;
    if (ref.by === 'id' && byRef.get(ref.value) === after.managerId && after.managerId !== null) continue;
    const unchanged = !differs(existing.get(step.id)!, after);
    pending.add(step.id, after.managerId, step.record.manager, step.record.at, step.record.name, unchanged);
  }
  const ids = await repo.insertPeople(
    ws,
    fresh.map((f) => f.row),
  );
  fresh.forEach((f, i) => {
    const id = ids[i]!;
    lookup.addedPerson(id, f.row.name, f.row.emails);
    for (const x of f.ext) external.push([id, x.kind, x.value]);
    if (f.record.ref) byRef.set(f.record.ref, id);
    if (f.record.assistant) assistants.push({ personId: id, ref: f.record.assistant, at: f.record.at });
    if (f.record.manager && f.row.managerId === null) {
      pending.add(id, null, f.record.manager, f.record.at, f.record.name, false);
    }
  });
  report.people.created += ids.length;
  await repo.updatePeople(ws, changed);
  await repo.replaceEmails(ws, newEmails);
  for (const c of newEmails) lookup.addedEmails(c.id, c.emails);
  report.people.updated += changed.length;
  await repo.addExternalIds(ws, external);
  lookup.addedExternalIds(external);
}

/** Counts a created person under the category they got and the rule that gave it. */
function tally(report: ImportReport, category: Category, rule: CategoryRule, opts: PeopleImportOptions) {
  const found = report.categories.find((c) => c.category === category && c.rule === rule);
  if (found) found.count++;
  else report.categories.push({ category, rule, because: opts.because(rule), count: 1 });
}

function newRow(r: PersonRecord, now: string, category: Category): ImportPersonRow {
  const input: PersonInput = {
    name: r.name,
    title: r.title,
    department: r.department,
    company: r.company,
    phone: r.phone,
    level: r.level,
    emails: r.emails,
    notes: r.notes,
    location: r.location,
    hireDate: r.hireDate,
    category,
  };
  // Rapport's own export carries these; other files leave them to the defaults (the
  // category to the workspace's rule).
  if (r.team !== undefined) input.team = r.team;
  if (r.tier !== undefined) input.tier = r.tier;
  if (r.cadenceDays !== undefined) input.cadenceDays = r.cadenceDays;
  // The checked fields become the row itself: one object per person, not two.
  const row = newPersonFields(input) as ImportPersonRow;
  row.managerId = null;
  row.createdAt = now;
  row.updatedAt = now;
  return row;
}

/**
 * What the file adds to a person already here: fields it fills in replace ours, emails it
 * lists are added (unless another person owns them), notes only fill an empty field.
 * Returns the same object when nothing changes, so "unchanged" is a cheap identity check.
 */
function merged<T extends Fields>(
  before: T,
  r: PersonRecord,
  emailOwners: Map<string, number>,
  selfId: number,
  now: string,
): T {
  const extra = r.emails.filter(
    (e) => !before.emails.includes(e) && (emailOwners.get(e) ?? selfId) === selfId,
  );
  // Most rows of a monthly re-import change nothing: no copy for them.
  if (extra.length === 0 && !fills(before, r)) return before;
  const next: T = { ...before };
  const set = <K extends 'title' | 'department' | 'company' | 'phone' | 'level' | 'location' | 'hireDate'>(
    k: K,
    v: T[K] | null,
  ) => {
    if (v !== null && v !== next[k]) next[k] = v;
  };
  set('title', r.title);
  set('department', r.department);
  set('company', r.company);
  set('phone', r.phone);
  set('level', r.level);
  set('location', r.location);
  set('hireDate', r.hireDate);
  if (extra.length > 0) next.emails = [...next.emails, ...extra];
  if (next.notes === null && r.notes !== null) next.notes = r.notes;
  if (!differs(before, next)) return before;
  next.updatedAt = now;
  return next;
}

/** Whether the record sets a field of the person to something else (see `merged`). */
const fills = (p: Fields, r: PersonRecord): boolean =>
  (r.title !== null && r.title !== p.title) ||
  (r.department !== null && r.department !== p.department) ||
  (r.company !== null && r.company !== p.company) ||
  (r.phone !== null && r.phone !== p.phone) ||
  (r.level !== null && r.level !== p.level) ||
  (r.location !== null && r.location !== p.location) ||
  (r.hireDate !== null && r.hireDate !== p.hireDate) ||
  (p.notes === null && r.notes !== null);

const differs = (a: Fields, b: Fields): boolean =>
  a.title !== b.title ||
  a.department !== b.department ||
  a.company !== b.company ||
  a.phone !== b.phone ||
  a.level !== b.level ||
  a.location !== b.location ||
  a.hireDate !== b.hireDate ||
  a.notes !== b.notes ||
  a.managerId !== b.managerId ||
  a.emails.length !== b.emails.length ||
  a.emails.some((e, i) => e !== b.emails[i]);
