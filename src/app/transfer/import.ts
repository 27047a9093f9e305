import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseInput } from '../../contract/common.js';
import { ImportInput } from '../../contract/transfer.js';
import { DAY_MS, parseInstant } from '../../domain/dates.js';
import { RapportError, ValidationError } from '../../domain/errors.js';
import { type CategoryRule, categoryRules } from '../../domain/import-category.js';
import type { Category } from '../../domain/person.js';
import { resolveSettings } from '../../domain/settings.js';
import {
  type InvalidRecord,
  type MeetingRecord,
  openImport,
  type PersonRecord,
  type TieRecord,
} from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { restoreBackup } from './backup.js';
import { importMeetings } from './import-meetings.js';
import { importPeople } from './import-people.js';
import { emptyReport, finish, type ImportReport } from './import-report.js';
import { importTies } from './import-ties.js';

export type { ImportReport } from './import-report.js';

/** What the caller hears while an import runs (not part of the input: a callback is not data). */
export interface ImportHooks {
  /** Called as records are read: records so far, bytes read, file size. */
  onProgress?: (records: number, bytes: number, total: number) => void;
}

/** Thrown inside the transaction to roll a dry run back after it has counted everything. */
class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run');
  }
}

const DEFAULT_CALENDAR_DAYS = 180;

/**
 * Imports a file into the workspace in one transaction: either every record lands or none
 * does. A dry run does all the same work and rolls it back, so its counts are exact.
 */
export async function importFile(
  r: Rapport,
  raw: ImportInput,
  hooks: ImportHooks = {},
): Promise<ImportReport> {
  const cmd = parseInput(ImportInput, raw);
  const format = cmd.format === 'auto' ? null : cmd.format;
  const file = basename(cmd.path);
  const size = fileSize(cmd.path);
  const now = r.now();
  const until = cmd.until ? parseInstant(cmd.until, 'until') : now.toISOString();
  // Nothing after now is read (the calendar reader notes what it left out), so the default
  // window reaches back from now when until lies in the future.
  const lastRead = Math.min(Date.parse(until), now.getTime());
  const since = cmd.since
    ? parseInstant(cmd.since, 'since')
    : new Date(lastRead - DEFAULT_CALENDAR_DAYS * DAY_MS).toISOString();
  if (since >= until) throw new ValidationError('since', `since (${since}) must be before until (${until}).`);
  let bytes = 0;
  const stream = createReadStream(cmd.path, { highWaterMark: 256 * 1024 });
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      yield chunk;
    }
  };
  try {
    const opened = await openImport(counted(), {
      file,
      ...(format ? { format } : {}),
      strict: cmd.strict,
      now,
      window: { since, until, now: now.toISOString(), includeAllDay: cmd.allDay },
    });
    if (cmd.category !== undefined && !PEOPLE_FORMATS.has(opened.format))
      throw new ValidationError(
        'category',
        `A category is for files of people (an org chart, LinkedIn, Google or Outlook contacts, vCards); ${file} is ${opened.format === 'ties' ? 'a ties file' : opened.format === 'backup' ? 'a backup' : 'a calendar'}. Import it without one.`,
      );
    const report = emptyReport(file, opened.format, cmd.dryRun);
    const progress = (n: number) => hooks.onProgress?.(n, bytes, size);
    const common = {
      file,
      skipInvalid: cmd.skipInvalid,
      now: now.toISOString(),
      onProgress: progress,
    };
    try {
      await r.store.transaction(async (store) => {
        if (opened.format === 'backup')
          await restoreBackup(store, r.ws, opened.backup, report, now.toISOString());
        else if (opened.format === 'icalendar') {
          await importMeetings(
            store,
            r.ws,
            opened.records as AsyncIterable<MeetingRecord | InvalidRecord>,
            report,
            {
              ...common,
              addAttendees: cmd.addAttendees,
            },
          );
        } else if (opened.format === 'ties') {
          await importTies(
            store,
            r.ws,
            opened.batches as AsyncIterable<(TieRecord | InvalidRecord)[]>,
            report,
            common,
          );
        } else {
          await importPeople(
            store,
            r.ws,
            opened.batches
              ? {
                  batches: opened.batches as AsyncIterable<(PersonRecord | InvalidRecord)[]>,
                  ...(opened.chunks ? { chunks: opened.chunks } : {}),
                }
              : (opened.records as AsyncIterable<PersonRecord | InvalidRecord>),
            report,
            { ...common, fileBytes: size, ...(await categoryRulesOf(store, r.ws, cmd.category ?? null)) },
          );
        }
        finish(report);
        if (cmd.dryRun) throw new DryRun(report);
      });
    } catch (e) {
      if (e instanceof DryRun) return e.report;
      throw e;
    }
    return report;
  } finally {
    stream.destroy();
  }
}

const PEOPLE_FORMATS = new Set(['org-chart', 'linkedin', 'google-contacts', 'outlook-contacts', 'vcard']);

/**
 * The rule that files the people an import adds: the category chosen for the file, else the
 * workspace's company lists; colleagues at my own company (the company on "me") stay as they are.
 */
async function categoryRulesOf(store: Store, ws: number, chosen: Category | null) {
  const [stored, me] = await Promise.all([store.settings.all(ws), store.workspaces.me(ws)]);
  const lists = resolveSettings(stored).import;
  const ownCompany = me === null ? null : ((await store.people.get(ws, me))?.company ?? null);
  const because = (rule: CategoryRule): string => {
    switch (rule) {
      case 'own-company':
        return `at your own company, ${ownCompany}`;
      case 'chosen':
        return 'chosen for this file';
      case 'clients':
        return 'company in import.clients';
      case 'providers':
        return 'company in import.providers';
      default:
        return 'default';
    }
  };
  return { categories: categoryRules({ chosen, ownCompany, ...lists }), because };
}

function fileSize(path: string): number {
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new RapportError('bad_file', `${path} is a folder; pass a file to import.`);
    return st.size;
  } catch (e) {
    if (e instanceof RapportError) throw e;
    throw new RapportError('not_found', `Cannot read ${path}: no such file. Check the path.`);
  }
}
