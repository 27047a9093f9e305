/** The kinds of file an import reads; detected from the content unless the caller names one. */
export const IMPORT_FORMATS = [
  'org-chart',
  'linkedin',
  'google-contacts',
  'outlook-contacts',
  'vcard',
  'icalendar',
  'ties',
  'backup',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
