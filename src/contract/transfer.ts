import * as z from 'zod';
import { IMPORT_FORMATS } from '../domain/file-formats.js';
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
