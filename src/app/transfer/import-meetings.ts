import { newPersonFields } from '../../domain/person.js';
import { type InvalidRecord, type MeetingRecord, meetingSource } from '../../formats/index.js';
import type { ImportsStore, Store } from '../../store/index.js';
import { type ImportReport, inBatches, LIST_LIMIT, skip, where } from './import-report.js';

export interface MeetingImportOptions {
  file: string;
  skipInvalid: boolean;
  addAttendees: boolean;
  now: string;
  onProgress?: (records: number) => void;
}

const BATCH = 2000;

/**
 * Each meeting occurrence becomes one interaction of kind "meeting" with the people who
 * attended (me left out: the ledger is about the others). The source tag
 * calendar:<uid>:<occurrence> makes a second import of the same calendar a no-op.
 */
export async function importMeetings(
  store: Store,
  ws: number,
  records: AsyncIterable<MeetingRecord | InvalidRecord>,
  report: ImportReport,
  opts: MeetingImportOptions,
): Promise<void> {
  const repo = store.imports;
  const me = await store.workspaces.me(ws);
  const unknown = new Set<string>();
  await inBatches(records, report, opts, BATCH, (batch) =>
    importBatch(repo, ws, me, batch, unknown, report, opts),
  );
  report.unknownAttendees = [...unknown].sort().slice(0, LIST_LIMIT);
  report.counts.unknownAttendees = unknown.size;
}

async function importBatch(
  repo: ImportsStore,
  ws: number,
  me: number | null,
  batch: MeetingRecord[],
  unknown: Set<string>,
  report: ImportReport,
  opts: MeetingImportOptions,
): Promise<void> {
  const existing = await repo.existingSources(ws, batch.map(meetingSource));
  const fresh = batch.filter((m) => !existing.has(meetingSource(m)));
  report.interactions.unchanged += batch.length - fresh.length;
  const ids = await repo.idsByEmails(ws, [...new Set(fresh.flatMap((m) => m.attendees))]);
  if (opts.addAttendees) {
    const missing = [...new Set(fresh.flatMap((m) => m.attendees))].filter((e) => !ids.has(e));
    const rows = missing.map((e) => ({
      ...newPersonFields({ name: e, emails: [e], tier: 'acquaintance' }),
      managerId: null,
      createdAt: opts.now,
      updatedAt: opts.now,
    }));
    const newIds = await repo.insertPeople(ws, rows);
    for (const [i, e] of missing.entries()) ids.set(e, newIds[i]!);
    report.people.created += newIds.length;
  }
  const rows = [];
  const seenSources = new Set<string>();
  for (const m of fresh) {
    const source = meetingSource(m);
    // A calendar may list one occurrence twice (an export of two overlapping calendars).
    if (seenSources.has(source)) {
      report.interactions.unchanged++;
      continue;
    }
    seenSources.add(source);
    const people = new Set<number>();
    for (const e of m.attendees) {
      const id = ids.get(e);
      if (id === undefined) unknown.add(e);
      else if (id !== me) people.add(id);
    }
    if (people.size === 0) {
      skip(
        report,
        where(opts.file, m.at),
        `"${m.summary ?? m.uid}" on ${m.start.slice(0, 10)} has nobody here among its attendees.`,
      );
      continue;
    }
    rows.push({
      occurredAt: m.start,
      kind: 'meeting',
      capital: 0,
      note: m.summary,
      initiativeId: null,
      personIds: [...people].sort((a, b) => a - b),
      source,
      createdAt: opts.now,
    });
  }
  await repo.insertInteractions(ws, rows);
  report.interactions.created += rows.length;
}
