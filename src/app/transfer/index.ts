// Files in and out: imports, exports, backups, reminders.
export { EXPORT_FORMATS, EXPORT_WHATS, type ExportCommand, exportWorkspace } from './export.js';
export { IMPORT_FORMATS, type ImportCommand, type ImportReport, importFile } from './import.js';
export { reminders, remindersFeed } from './reminders.js';
