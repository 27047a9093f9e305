import type { ImportFormat } from '../domain/file-formats.js';
import { looksLikeBackup } from './backup.js';
import { Columns } from './csv-columns.js';
import { headRows } from './csv-rows.js';
import { googleContactsCsv, googleLegacyCsv } from './google-contacts-csv.js';
import { linkedInCsv } from './linkedin-csv.js';
import { orgChartCsv } from './org-chart-csv.js';
import { outlookContactsCsv } from './outlook-contacts-csv.js';
import { isTiesHeader } from './ties-csv.js';

export { IMPORT_FORMATS, type ImportFormat } from '../domain/file-formats.js';

/** CSV layouts most specific first: a Google file also has a "Name"-like column an org chart would take. */
const CSV_LAYOUTS: [ImportFormat, (c: Columns) => boolean][] = [
  ['linkedin', linkedInCsv.isHeader],
  ['google-contacts', googleContactsCsv.isHeader],
  ['google-contacts', googleLegacyCsv.isHeader],
  ['outlook-contacts', outlookContactsCsv.isHeader],
  ['ties', (c) => isTiesHeader(c) && !orgChartCsv.isHeader(c)],
  ['org-chart', orgChartCsv.isHeader],
];

/**
 * Names the format of a file from its first few kilobytes of text, never from its name:
 * exports arrive as "export (3).csv" or "contacts.txt". Returns null when nothing fits.
 */
export function detectFormat(head: string): ImportFormat | null {
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{')) return looksLikeBackup(start) ? 'backup' : null;
  if (/^BEGIN:VCARD/i.test(start)) return 'vcard';
  if (/^BEGIN:VCALENDAR/i.test(start)) return 'icalendar';
  // Headers sit on one line; reading lines one by one keeps a broken row further down from hiding them.
  const records = start.split(/\r\n|\n|\r/, 8).flatMap((line) => headRows(line, 1));
  for (const cells of records) {
    const c = new Columns(cells);
    for (const [format, test] of CSV_LAYOUTS) if (test(c)) return format;
  }
  return null;
}
