import { BadFileError } from './errors.js';

/** One component of a calendar as written: `BEGIN:VEVENT` … `END:VEVENT`, nested parts included. */
export interface Block {
  /** Upper-case component name: VEVENT, VTIMEZONE, VTODO… */
  name: string;
  /** Line of its BEGIN, as a text editor counts. */
  line: number;
  text: string;
  /** False when the block was cut off by the next event or the end of its calendar. */
  closed: boolean;
}

/** One `BEGIN:VCALENDAR` … `END:VCALENDAR`: its own properties and its components. */
export interface CalendarText {
  line: number;
  props: string[];
  blocks: Block[];
}

/**
 * Splits a calendar file into calendars and their components by their BEGIN/END lines, before
 * any value is parsed, so one unreadable event cannot take the rest of the file with it. Several
 * VCALENDARs in one file (concatenated exports) each come back. A file that is not a calendar,
 * or whose last calendar is never closed (cut short), is refused whole.
 */
export function splitCalendars(text: string, file: string): CalendarText[] {
  const lines = text.split(/\r\n|\n|\r/);
  const calendars: CalendarText[] = [];
  let cal: CalendarText | null = null;
  let block: { name: string; line: number; lines: string[]; depth: number } | null = null;
  const close = (closed: boolean) => {
    cal!.blocks.push({ name: block!.name, line: block!.line, text: block!.lines.join('\r\n'), closed });
    block = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const n = i + 1;
    const upper = raw.trim().toUpperCase();
    if (cal === null) {
      if (upper === 'BEGIN:VCALENDAR') cal = { line: n, props: [], blocks: [] };
      else if (upper !== '' && calendars.length === 0) {
        throw new BadFileError(
          file,
          { unit: 'line', n },
          null,
          'expected BEGIN:VCALENDAR at the start of the file.',
        );
      }
      // Text between two calendars of one file is not ours to read.
      continue;
    }
    if (block !== null) {
      const b: { name: string; line: number; lines: string[]; depth: number } = block;
      // An event never ends inside another event or past its calendar: the first was cut off.
      if (upper === 'END:VCALENDAR' || (upper === `BEGIN:${b.name}` && b.name === 'VEVENT')) {
        close(false);
      } else {
        b.lines.push(raw);
        if (upper.startsWith('BEGIN:')) b.depth++;
        else if (upper.startsWith('END:') && --b.depth === 0) close(true);
        continue;
      }
    }
    if (upper.startsWith('BEGIN:')) block = { name: upper.slice(6), line: n, lines: [raw], depth: 1 };
    else if (upper === 'END:VCALENDAR') {
      calendars.push(cal);
      cal = null;
    } else cal.props.push(raw);
  }
  if (cal !== null) {
    throw new BadFileError(
      file,
      null,
      null,
      'the calendar has no END:VCALENDAR at the end; the file may be cut short.',
    );
  }
  if (calendars.length === 0) {
    throw new BadFileError(
      file,
      null,
      null,
      'expected a BEGIN:VCALENDAR … END:VCALENDAR calendar; found none.',
    );
  }
  return calendars;
}

/** The content lines of a block with folding undone (a line starting with a space or tab continues the one before). */
export function unfold(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\r\n').forEach((raw, i) => {
    const last = out[out.length - 1];
    if (last && (raw.startsWith(' ') || raw.startsWith('\t'))) last.text += raw.slice(1);
    else out.push({ line: i, text: raw });
  });
  return out;
}
