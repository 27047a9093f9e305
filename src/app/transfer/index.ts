// Files in and out: imports, exports, backups, reminders.
export {
  EXPORT_FORMATS,
  EXPORT_WHATS,
  type ExportInput,
  IMPORT_FORMATS,
  type ImportInput,
  type RemindersInput,
  VCARD_VERSIONS,
} from '../../contract/transfer.js';
export { exportWorkspace } from './export.js';
export { type ImportHooks, type ImportReport, importFile } from './import.js';
export { type Agenda, agenda, reminders, remindersFeed } from './reminders.js';
