import type { OrgColumns, PeopleCsvChunk, PersonRecord } from '../../formats/index.js';
import type { ImportsStore, NewPeopleColumns } from '../../store/index.js';
import { nameKey } from '../../store/index.js';
import { counted, type ImportReport } from './import-report.js';
import type { AssistantHint, PendingManagers, RefIndex } from './import-reporting-lines.js';
import type { NewWorkspaceLookup } from './person-lookup.js';

/** What a batch of records is handed to: the people importer's own steps. */
export interface ColumnSteps {
  /** The usual batch: matching, merging, every kind of row. */
  batch(records: PersonRecord[]): Promise<void>;
  /** Counts a created person under the category the rule gave them. */
  tally(category: string, rule: string): void;
}

/** What the batches share over a whole file (import-people.ts makes them). */
export interface ColumnState {
  repo: ImportsStore;
  lookup: NewWorkspaceLookup;
  ws: number;
  byRef: RefIndex;
  pending: PendingManagers;
  assistants: AssistantHint[];
  report: ImportReport;
  opts: {
    file: string;
    skipInvalid: boolean;
    now: string;
    onProgress?: (records: number) => void;
    categories: { categoryOf(company: string | null): { category: string; rule: string } };
  };
}

/** Up to a batch of the file's entries: a plain row (columns) or a record read the usual way. */
class Batch {
  /** null: the next plain row, from `from[k]` row `at[k]`. */
  readonly records: (PersonRecord | null)[] = [];
  readonly from: OrgColumns[] = [];
  readonly at: number[] = [];

  get length(): number {
    return this.records.length;
  }

  /** Every entry as the record the usual reader makes of it. */
  asRecords(): PersonRecord[] {
    let k = 0;
    return this.records.map((r) => r ?? this.from[k]!.record(this.at[k++]!));
  }
}

/**
 * A first import of an org chart into an empty workspace, its plain rows read as columns
 * (formats/org-chart-columns.ts). The file is cut into the same batches as the usual path
 * (inBatches); a batch of plain rows that certainly names nobody already here or twice goes
 * straight from the columns to the statements' arguments: no record, match plan or row object
 * per person. Any other batch (an invalid or unusual row, a possible duplicate) is handed to
 * the usual batch step as records, so both ways end with the same people, report and progress.
 */
export async function importOrgColumns(
  chunks: AsyncIterable<PeopleCsvChunk>,
  size: number,
  state: ColumnState,
  steps: ColumnSteps,
): Promise<void> {
  const { report, opts } = state;
  let batch = new Batch();
  let seen = 0;
  const flush = async () => {
    if (batch.length > 0) {
      if (!(await plainBatch(batch, state, steps))) await steps.batch(batch.asRecords());
    }
    batch = new Batch();
    opts.onProgress?.(seen);
  };
  for await (const chunk of chunks) {
    let plain = 0;
    for (const r of chunk.records) {
      seen++;
      if (r === null) {
        report.counts.records++;
        batch.records.push(null);
        batch.from.push(chunk.plain!);
        batch.at.push(plain++);
      } else if (counted(r, report, opts)) batch.records.push(r as PersonRecord);
      else continue;
      if (batch.length >= size) await flush();
    }
  }
  await flush();
}

/**
 * Writes a batch whose every row is plain and new: no email, external id or (for rows without
 * an id) name the lookup may have seen, none twice in the batch. Says whether it did; when not,
 * nothing was done. The steps are the usual batch's for rows that all come out new.
 */
async function plainBatch(batch: Batch, state: ColumnState, steps: ColumnSteps): Promise<boolean> {
  const { lookup, byRef, opts } = state;
  const n = batch.length;
  const refs = new Set<string>();
  const names = new Set<string>();
  const emails = new Set<string>();
  for (let k = 0; k < n; k++) {
    if (batch.records[k] !== null) return false;
    const c = batch.from[k]!;
    const i = batch.at[k]!;
    const email = c.email[i]!;
    // Anyone's email names them, whatever the row's id says.
    if (email !== null) {
      if (emails.has(email) || lookup.mayHaveEmail(email)) return false;
      emails.add(email);
    }
    const ref = c.ref[i]!;
    if (ref !== null) {
      if (refs.has(ref) || lookup.mayHaveExternalId('employee', ref)) return false;
      refs.add(ref);
    } else {
      // A row without an id is the same person as an earlier one of that name.
      const key = nameKey(c.name[i]!);
      if (names.has(key) || lookup.mayHaveName(key)) return false;
      names.add(key);
    }
  }
  const cols: { [K in keyof NewPeopleColumns]: NewPeopleColumns[K][number][] } = {
    name: [],
    title: [],
    department: [],
    level: [],
    managerId: [],
    phone: [],
    company: [],
    category: [],
    location: [],
    email: [],
  };
  for (let k = 0; k < n; k++) {
    const c = batch.from[k]!;
    const i = batch.at[k]!;
    const company = c.company[i]!;
    const given = opts.categories.categoryOf(company);
    // A manager met in an earlier batch is set right away; the rest wait for the end.
    const manager = c.manager[i]!;
    cols.name.push(c.name[i]!);
    cols.title.push(c.title[i]!);
    cols.department.push(c.department[i]!);
    cols.level.push(c.level[i]!);
    cols.managerId.push(manager === null ? null : (byRef.get(manager) ?? null));
    cols.phone.push(c.phone[i]!);
    cols.company.push(company);
    cols.category.push(given.category);
    cols.location.push(c.location[i]!);
    cols.email.push(c.email[i]!);
    steps.tally(given.category, given.rule);
  }
  const ids = await state.repo.insertNewPeople(state.ws, cols, opts.now);
  const external: [number, string, string][] = [];
  for (let k = 0; k < n; k++) {
    const c = batch.from[k]!;
    const i = batch.at[k]!;
    const id = ids[k]!;
    const name = c.name[i]!;
    const email = cols.email[k]!;
    lookup.addedPerson(id, name, email === null ? NO_EMAILS : [email]);
    const ref = c.ref[i]!;
    if (ref !== null) {
      external.push([id, 'employee', ref]);
      byRef.set(ref, id);
    }
    const manager = c.manager[i]!;
    if (manager !== null && cols.managerId[k] === null)
      state.pending.add(id, null, { by: 'id', value: manager }, { unit: 'line', n: c.line[i]! }, name, false);
  }
  state.report.people.created += n;
  // The lookup finds these employee ids through byRef (NewWorkspaceLookup's refs).
  await state.repo.addExternalIds(state.ws, external);
  return true;
}

const NO_EMAILS: readonly string[] = [];
