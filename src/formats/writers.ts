export * from './csv-write.js';
export { type Reminder, type ReminderKind, writeRemindersIcs } from './reminders-ics.js';
export { type VCardPerson, type VCardVersion, writeVCard } from './vcard-write.js';
