import { BadFileError, type Place, quote } from './errors.js';
import { personRecords, type RawPerson } from './person-row.js';
import type { InvalidRecord, NoticeRecord, PersonRecord, PersonRef } from './records.js';
import { type ContentLine, contentLines, splitStructured, unescapeValue } from './vcard-lines.js';

const VERSIONS = ['2.1', '3.0', '4.0'];
/** Binary properties we never use; their base64 can run to megabytes. */
const BINARY = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY']);

/**
 * Reads a .vcf file with any number of cards (2.1, 3.0 or 4.0), one PersonRecord per card.
 * A card that breaks a rule comes back as InvalidRecord naming its number; a file that is not
 * vCard at all (text outside BEGIN/END, a card never closed) is rejected whole.
 */
export async function* readVCards(
  text: AsyncIterable<string>,
  file: string,
  options: { strict?: boolean } = {},
): AsyncGenerator<PersonRecord | InvalidRecord | NoticeRecord> {
  let card: ContentLine[] | null = null;
  let cardNo = 0;
  let inBinary = false;
  let startLine = 0;
  for await (const cl of contentLines(text)) {
    if (cl.name === '') {
      // Unindented base64 after a 2.1 PHOTO, ended by a blank line; blank lines anywhere are harmless.
      if (cl.value.trim() === '') inBinary = false;
      else if (!(card && inBinary)) {
        throw new BadFileError(
          file,
          { unit: 'line', n: cl.line },
          null,
          `expected a vCard property (NAME:value), got ${quote(cl.value, 40)}.`,
        );
      }
      continue;
    }
    inBinary = false;
    if (cl.name === 'BEGIN' && cl.value.trim().toUpperCase() === 'VCARD') {
      if (card !== null) {
        throw new BadFileError(
          file,
          { unit: 'card', n: cardNo },
          null,
          `card ${cardNo} (line ${startLine}) has no END:VCARD before the next BEGIN:VCARD.`,
        );
      }
      card = [];
      cardNo++;
      startLine = cl.line;
      continue;
    }
    if (card === null) {
      throw new BadFileError(
        file,
        { unit: 'line', n: cl.line },
        null,
        `expected BEGIN:VCARD, got ${cl.name}.`,
      );
    }
    if (cl.name === 'END' && cl.value.trim().toUpperCase() === 'VCARD') {
      yield* cardRecord(file, { unit: 'card', n: cardNo }, card, !options.strict);
      card = null;
      continue;
    }
    if (BINARY.has(cl.name)) {
      inBinary = true;
      continue;
    }
    card.push(cl);
  }
  if (card !== null) {
    throw new BadFileError(
      file,
      { unit: 'card', n: cardNo },
      null,
      `card ${cardNo} (line ${startLine}) is not closed: END:VCARD is missing; the file may be cut short.`,
    );
  }
  if (cardNo === 0)
    throw new BadFileError(
      file,
      null,
      null,
      'expected at least one BEGIN:VCARD … END:VCARD card; found none.',
    );
}

const first = (props: ContentLine[], name: string): ContentLine | undefined =>
  props.find((p) => p.name === name);

const types = (p: ContentLine): string[] => (p.params.get('TYPE') ?? []).map((t) => t.toLowerCase());

/** Apple writes "_$!<Manager>!$_" labels for its built-in relations. */
const appleLabel = (props: ContentLine[], group: string | null): string => {
  if (group === null) return '';
  const label = props.find((p) => p.group === group && p.name === 'X-ABLABEL')?.value ?? '';
  return label.replace(/^_\$!<|>!\$_$/g, '').toLowerCase();
};

/** RELATED values are URIs ("mailto:", "urn:uuid:") or, with VALUE=text, a name. */
function relatedRef(value: string): PersonRef | null {
  const v = unescapeValue(value).trim();
  if (v === '') return null;
  if (/^mailto:/i.test(v)) return { by: 'email', value: v.slice(7).toLowerCase() };
  if (/^urn:uuid:/i.test(v)) return { by: 'id', value: v.slice(9) };
  if (v.includes('@') && !v.includes(' ')) return { by: 'email', value: v.toLowerCase() };
  return { by: 'name', value: v };
}

function cardRecord(
  file: string,
  at: Place,
  props: ContentLine[],
  lenient: boolean,
): (PersonRecord | InvalidRecord | NoticeRecord)[] {
  const version = first(props, 'VERSION')?.value.trim();
  if (version !== undefined && !VERSIONS.includes(version)) {
    return [
      {
        kind: 'invalid',
        at,
        error: new BadFileError(
          file,
          at,
          'VERSION',
          `expected vCard 2.1, 3.0 or 4.0, got ${quote(version, 20)}.`,
        ),
      },
    ];
  }
  const fn = first(props, 'FN');
  const n = first(props, 'N');
  let name = fn ? unescapeValue(fn.value).trim() : '';
  if (name === '' && n) {
    const [family = '', given = '', additional = '', prefix = '', suffix = ''] = splitStructured(n.value);
    name = [prefix, given, additional, family, suffix]
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' ');
  }
  const org = first(props, 'ORG');
  const [company = '', department = ''] = org ? splitStructured(org.value) : [];
  const tels = props.filter((p) => p.name === 'TEL');
  const tel = tels.find((t) => types(t).includes('work')) ?? tels[0];
  let manager: PersonRef | null = null;
  let assistant: PersonRef | null = null;
  for (const p of props) {
    const kind =
      p.name === 'X-MS-MANAGER' || p.name === 'X-MANAGER'
        ? 'manager'
        : p.name === 'X-MS-ASSISTANT' || p.name === 'X-ASSISTANT'
          ? 'assistant'
          : p.name === 'RELATED'
            ? (types(p).find((t) => t === 'manager' || t === 'assistant' || t === 'agent') ?? '')
            : p.name === 'X-ABRELATEDNAMES'
              ? appleLabel(props, p.group)
              : '';
    if (kind === 'manager') manager ??= relatedRef(p.value);
    if (kind === 'assistant' || kind === 'agent') assistant ??= relatedRef(p.value);
  }
  const raw: RawPerson = {
    ref: first(props, 'UID')?.value.replace(/^urn:uuid:/i, ''),
    name: { value: name, field: fn ? 'FN' : 'N' },
    emails: props
      .filter((p) => p.name === 'EMAIL')
      .map((p) => ({ value: unescapeValue(p.value).replace(/^mailto:/i, ''), field: 'EMAIL' })),
    title: unescapeValue(first(props, 'TITLE')?.value ?? ''),
    company,
    department,
    phone: tel ? unescapeValue(tel.value).replace(/^tel:/i, '') : undefined,
    manager,
    assistant,
    notes: props.filter((p) => p.name === 'NOTE').map((p) => unescapeValue(p.value)),
  };
  return personRecords(file, at, raw, { lenient });
}
