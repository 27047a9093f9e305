import type { TieKind } from '../domain/influence.js';
import type { Category, Tier } from '../domain/person.js';
import type { BadFileError, Place } from './errors.js';

/** How a file names another person: by its own id column, an email or a display name. */
export interface PersonRef {
  by: 'id' | 'email' | 'name';
  value: string;
}

/** An id another system gives a person: `employee` (HRIS) or `linkedin` (profile URL). */
export interface ExternalId {
  kind: 'employee' | 'linkedin';
  value: string;
}

/** One person as a contacts file or org chart describes them, before matching. */
export interface PersonRecord {
  kind: 'person';
  at: Place;
  /** The file's own id for this person (employee id, vCard UID), used for manager references. */
  ref: string | null;
  name: string;
  emails: string[];
  title: string | null;
  department: string | null;
  company: string | null;
  phone: string | null;
  level: number | null;
  manager: PersonRef | null;
  assistant: PersonRef | null;
  notes: string | null;
  /** Office or work location (HR files). */
  location: string | null;
  /** The day they joined, YYYY-MM-DD (HR files). */
  hireDate: string | null;
  /** Ids other systems give this person (HRIS employee id, LinkedIn URL), kept to match later files. */
  externalIds: ExternalId[];
  /** Only Rapport's own people export carries these; other files leave them undefined. */
  team?: string | null;
  category?: Category;
  tier?: Tier;
  cadenceDays?: number | null;
}

/** One occurrence of a meeting: recurring meetings give one record per occurrence. */
export interface MeetingRecord {
  kind: 'meeting';
  at: Place;
  uid: string;
  /** The original start of this occurrence (UTC ISO) for recurring meetings, else null. */
  recurrenceId: string | null;
  start: string;
  end: string;
  allDay: boolean;
  summary: string | null;
  organizer: string | null;
  /** Lower-case emails of everyone who did not decline, organizer included. */
  attendees: string[];
}

/** "From goes to To for <tieKind>", with a weight from 1 (weak) to 5 (strong). */
export interface TieRecord {
  kind: 'tie';
  at: Place;
  from: string;
  to: string;
  /** The file's "Type" column: one of the domain's tie kinds. */
  tieKind: TieKind;
  weight: number;
}

/** A record the file holds but that breaks a rule; an import that skips invalid records lists these. */
export interface InvalidRecord {
  kind: 'invalid';
  at: Place;
  error: BadFileError;
}

/**
 * Something the reader left out so the rest of the file could be read: a field dropped from a
 * contact, an unreadable event, a contact with neither name nor email (`skipped`). The import
 * reports it and goes on; a strict read turns notices into invalid records instead.
 */
export interface NoticeRecord {
  kind: 'notice';
  at: Place | null;
  error: BadFileError;
  /** True when a whole record was left out, false when only part of one was. */
  skipped?: boolean;
  /** A note about the whole file (occurrences outside the window): never a reason to refuse it. */
  info?: boolean;
  /** A LinkedIn member who hides their data: an empty row, counted, never a reason to refuse the file. */
  hidden?: boolean;
}

export type ImportRecord = PersonRecord | MeetingRecord | TieRecord;

/** The stable source tag of a meeting occurrence, so a re-import finds what it made before. */
export const meetingSource = (m: Pick<MeetingRecord, 'uid' | 'recurrenceId'>): string =>
  `calendar:${m.uid}:${m.recurrenceId ?? 'single'}`;
