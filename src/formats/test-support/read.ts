import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportFormat } from '../detect.js';
import type { CalendarWindow } from '../icalendar.js';
import { type OpenedRecord, openImport } from '../index.js';
import type { PersonRecord } from '../records.js';

export const fixturePath = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
export const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

export const WINDOW: CalendarWindow = {
  since: '2026-05-27T00:00:00.000Z',
  until: '2026-11-23T00:00:00.000Z',
};

/** Reads a fixture through the public entry point, as the importer will. */
export async function readFixture(
  name: string,
  format?: ImportFormat,
): Promise<{ format: string; records: OpenedRecord[] }> {
  return readBytes([readFileSync(fixturePath(name))], name, format);
}

export async function readBytes(
  chunks: Iterable<Uint8Array> | AsyncIterable<Uint8Array>,
  file: string,
  format?: ImportFormat,
  window: CalendarWindow = WINDOW,
): Promise<{ format: string; records: OpenedRecord[] }> {
  const opened = await openImport(chunks, { file, window, ...(format ? { format } : {}) });
  if (opened.format === 'backup') return { format: 'backup', records: [] };
  const records: OpenedRecord[] = [];
  for await (const r of opened.records) records.push(r);
  return { format: opened.format, records };
}

export const streamFixture = (name: string, highWaterMark = 64): AsyncIterable<Uint8Array> =>
  createReadStream(fixturePath(name), { highWaterMark });

export const utf8 = (s: string): Uint8Array[] => [new TextEncoder().encode(s)];

/** The error message of an invalid record, or its kind when it is valid. */
export const outcome = (r: OpenedRecord | undefined): string =>
  r === undefined ? 'missing' : r.kind === 'invalid' || r.kind === 'notice' ? r.error.message : r.kind;

export const peopleOf = (rs: { kind: string }[]): PersonRecord[] =>
  rs.filter((r): r is PersonRecord => r.kind === 'person');
