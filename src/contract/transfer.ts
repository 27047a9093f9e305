import * as z from 'zod';
import { IMPORT_FORMATS } from '../domain/file-formats.js';
import { CATEGORY_RULES } from '../domain/import-category.js';
import { CATEGORIES } from '../domain/person.js';
import { dateInput, oneOf, text } from './common.js';

export { IMPORT_FORMATS, type ImportFormat } from '../domain/file-formats.js';

export const EXPORT_FORMATS = ['json', 'csv', 'vcard'] as const;
export const EXPORT_WHATS = ['people', 'interactions', 'assessments'] as const;
export const VCARD_VERSIONS = ['3.0', '4.0'] as const;

export const ImportInput = z.object({
  /** The file to read. */
  path: text('path', 4096),
  format: oneOf('format', ['auto', ...IMPORT_FORMATS]).default('auto'),
  /** Do all the work and roll it back: exact counts, nothing written. */
  dryRun: z.boolean().default(false),
  /** Import the valid records and list the invalid ones, instead of stopping. */
  skipInvalid: z.boolean().default(false),
  /** All or nothing: an unreadable event or a contact's bad field stops the import instead of being left out. */
  strict: z.boolean().default(false),
  /** Calendars: add unknown attendees as acquaintances. */
  addAttendees: z.boolean().default(false),
  /** Calendars: include all-day events. */
  allDay: z.boolean().default(false),
  /** Calendars: the window read (default the 180 days before `until`, which defaults to now). */
  since: dateInput('since').optional(),
  until: dateInput('until').optional(),
  /**
   * People files: the category of the people this file adds (colleagues at my own company
   * excepted). Without it, the import.clients and import.providers lists decide, else stakeholder.
   */
  category: oneOf('category', CATEGORIES).optional(),
});
export type ImportInput = z.input<typeof ImportInput>;

export const ExportInput = z
  .object({
    format: oneOf('format', EXPORT_FORMATS).default('json'),
    /** For CSV: which table. */
    what: oneOf('what', EXPORT_WHATS).default('people'),
    /** For vCard. */
    vcardVersion: oneOf('vcardVersion', VCARD_VERSIONS).default('4.0'),
  })
  .default({ format: 'json', what: 'people', vcardVersion: '4.0' });
export type ExportInput = z.input<typeof ExportInput>;

export const RemindersInput = z
  .object({ format: oneOf('format', ['ics']).default('ics') })
  .default({ format: 'ics' });
export type RemindersInput = z.input<typeof RemindersInput>;

const Where = z.object({ where: z.string(), reason: z.string() });

/** `import`: what an import did (or, as a dry run, would do). */
export const ImportReport = z.object({
  file: z.string(),
  format: z.enum(IMPORT_FORMATS),
  dryRun: z.boolean(),
  people: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  interactions: z.object({ created: z.number(), unchanged: z.number() }),
  ties: z.object({ created: z.number(), unchanged: z.number() }),
  /** Records left out (the first 1,000; `counts` has the exact numbers), each with its line or record. */
  skipped: z.array(Where),
  warnings: z.array(Where),
  /** Managers the file names who are neither in it nor here: names as the file spells them. */
  missingManagers: z.array(z.object({ where: z.string(), person: z.string(), manager: z.string() })),
  unknownAttendees: z.array(z.string()),
  counts: z.object({
    records: z.number(),
    skipped: z.number(),
    warnings: z.number(),
    missingManagers: z.number(),
    unknownAttendees: z.number(),
    hidden: z.number(),
  }),
  categories: z.array(
    z.object({
      category: z.enum(CATEGORIES),
      rule: z.enum(CATEGORY_RULES),
      because: z.string(),
      count: z.number(),
    }),
  ),
  changed: z.boolean(),
});

/** What the API answers to an upload: the report, and its totals as the import page shows them. */
export const ImportAnswer = z.object({
  format: z.enum(IMPORT_FORMATS),
  created: z.number(),
  matched: z.number(),
  skipped: z.number(),
  /** The records left out, by line (0 when the record has no line, e.g. a vCard). */
  errors: z.array(z.object({ line: z.number(), message: z.string() })),
  dryRun: z.boolean(),
  report: ImportReport,
});
export type ImportAnswer = z.infer<typeof ImportAnswer>;

/** How far a running import has read its file. */
export const ImportProgress = z.object({
  records: z.number(),
  bytes: z.number(),
  totalBytes: z.number(),
});
export type ImportProgress = z.infer<typeof ImportProgress>;

/**
 * One line of an upload answered as a stream (`Accept: application/x-ndjson`): progress lines
 * while the file is read, then exactly one line with the answer or the error that stopped it
 * (nothing is written then, as with any failed import).
 */
export const ImportStreamLine = z.union([
  z.object({ progress: ImportProgress }),
  z.object({ result: ImportAnswer }),
  z.object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown() }),
  }),
]);
export type ImportStreamLine = z.infer<typeof ImportStreamLine>;

/** `reminders`: the calendar events of the next 14 days, as the iCalendar feed carries them. */
export const AgendaView = z.object({
  today: z.string(),
  until: z.string(),
  items: z.array(
    z.object({
      uid: z.string(),
      kind: z.enum(['nurture', 'plan-step', 'stale-review']),
      day: z.string(),
      summary: z.string(),
      description: z.string().nullable(),
    }),
  ),
});
