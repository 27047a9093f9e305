import { describe, expect, test } from 'vitest';
import { openImport } from './index.js';
import { outcome, peopleOf, readBytes, readFixture, utf8 } from './test-support/read.js';

const people = peopleOf;

describe('vCard', () => {
  test('2.1: quoted-printable in UTF-8 and ISO-8859-1, soft line breaks, bare TYPE params, unindented base64 photo', async () => {
    const { format, records } = await readFixture('contacts-v21.vcf');
    expect(format).toBe('vcard');
    expect(records.map((r) => r.kind)).toEqual(['person', 'person']);
    const [juergen, angela] = people(records);
    expect(juergen).toMatchObject({
      at: { unit: 'card', n: 1 },
      name: 'Jürgen Müller',
      company: 'Straßenbahn AG',
      department: 'Geschäftsführung',
      title: 'Managing Director',
      phone: '+49 30 5550100',
      emails: ['juergen.mueller@example.de'],
      manager: { by: 'name', value: 'Angela Example' },
      notes: 'First line of a long note that an old phone wrapped with a soft line break.\nSecond line.',
    });
    expect(angela!.name).toBe('Angela Example');
  });

  test('3.0 from Apple: grouped item1.EMAIL with X-ABLabel, folded lines, X-ABRELATEDNAMES manager/assistant', async () => {
    const { records } = await readFixture('contacts-apple-v30.vcf');
    const [grace, alan] = people(records);
    expect(grace).toMatchObject({
      ref: '5F2A6C1E-3B7D-4B8E-9A1F-0C2D3E4F5A6B',
      name: 'Grace Hopper',
      emails: ['grace.hopper@example.com', 'amazing.grace@example.net'],
      company: 'US Navy',
      department: 'Naval Reserve',
      phone: '+1 202 555 0143',
      manager: { by: 'name', value: 'Alan Turing' },
      assistant: { by: 'name', value: 'Margaret Hamilton' },
      notes: 'Coined "debugging", literally. Keeps a clock that runs backwards; ask about it.\nSecond line.',
    });
    expect(alan!.emails).toEqual(['alan.turing@example.com']);
  });

  test('4.0: urn:uuid UID, RELATED as mailto, tel: URI', async () => {
    const { records } = await readFixture('contacts-v40.vcf');
    expect(people(records)[0]).toMatchObject({
      ref: '4fbe8971-0bc3-424c-9c26-36c3e1eff6b1',
      name: 'Dorothy Vaughan',
      emails: ['dorothy.vaughan@example.gov', 'dot@example.net'],
      phone: '+1-757-555-0150',
      manager: { by: 'email', value: 'john.glenn@example.gov' },
    });
  });

  test('a card cut short is rejected with its number', async () => {
    await expect(readBytes(utf8('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana\r\n'), 'c.vcf')).rejects.toThrow(
      'c.vcf, card 1: card 1 (line 1) is not closed: END:VCARD is missing; the file may be cut short.',
    );
  });

  test('a card with an unknown version or without a name is invalid; the others still read', async () => {
    const { records } = await readBytes(
      utf8(
        'BEGIN:VCARD\nVERSION:5.0\nFN:A\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nORG:X\nEND:VCARD\nBEGIN:VCARD\nVERSION:3.0\nFN:Bo\nEND:VCARD\n',
      ),
      'c.vcf',
    );
    expect(records.map(outcome)).toEqual([
      'c.vcf, card 1, field "VERSION": expected vCard 2.1, 3.0 or 4.0, got "5.0".',
      'c.vcf, card 2, field "N": expected a name or an email address; the record has neither, so it is skipped.',
      'person',
    ]);
  });

  test('a name carrying a terminal escape (OSC 52 sets the clipboard) or a bidi override imports clean', async () => {
    const { records } = await readBytes(
      utf8(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mallory\x1b]52;c;ZWNobyBwd25lZA==\x07\r\nTITLE:CEO\u202eevil\u202c\r\nEMAIL:mallory@example.com\r\nNOTE:line one\\nline\x9b2J two\r\nEND:VCARD\r\n',
      ),
      'm.vcf',
    );
    const [mallory] = people(records);
    expect(mallory).toMatchObject({
      name: 'Mallory]52;c;ZWNobyBwd25lZA==',
      title: 'CEOevil',
      notes: 'line one\nline2J two',
    });
    expect(JSON.stringify(records)).not.toMatch(/\\u001b|\\u0007|\u009b|\u202e/);
  });

  test('Android: a quoted-printable email that decodes to garbage is dropped with a notice, the contact kept', async () => {
    const android = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:;=D0=90=D0=BD=D0=BD=D0=B0;;;',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=90=D0=BD=D0=BD=D0=B0',
      'EMAIL;HOME;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D1=81=D1=81=D1=81=D1=81',
      'EMAIL;WORK:anna@example.ru',
      'TEL;CELL:+7 900 000 00 00',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'TEL;CELL:+7 900 000 00 01',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN:Boris',
      'END:VCARD',
      '',
    ].join('\r\n');
    const { records } = await readBytes(utf8(android), 'android.vcf');
    expect(records.map(outcome)).toEqual([
      'android.vcf, card 1, field "EMAIL": expected an email address like ada@example.com, got "сссс". The field is left out.',
      'person',
      'android.vcf, card 2, field "N": expected a name or an email address; the record has neither, so it is skipped.',
      'person',
    ]);
    expect(people(records)[0]).toMatchObject({ name: 'Анна', emails: ['anna@example.ru'] });
    expect(records[2]).toMatchObject({ kind: 'notice', skipped: true });
    // All or nothing on request: the notices become invalid records.
    const strict = await openStrict('android.vcf', android);
    expect(strict).toEqual(['invalid', 'invalid', 'person']);
  });

  test('an absurdly long value is refused naming the limit, not cut short or stored', async () => {
    const long = `${'a'.repeat(1024 * 1024)}@example.com`;
    const { records } = await readBytes(
      utf8(
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve\r\nEMAIL:${long}\r\nTITLE:${'t'.repeat(300)}\r\nEND:VCARD\r\n`,
      ),
      'e.vcf',
    );
    expect(records.map(outcome)).toEqual([
      'e.vcf, card 1, field "EMAIL": expected an email address of at most 254 characters, got 1,048,588. The field is left out.',
      'e.vcf, card 1, field "title": expected a title of at most 200 characters, got 300. The field is left out.',
      'person',
    ]);
    expect(people(records)[0]).toMatchObject({ name: 'Eve', emails: [], title: null });
  });
});

async function openStrict(file: string, text: string): Promise<string[]> {
  const opened = await openImport(utf8(text), { file, strict: true });
  const kinds: string[] = [];
  if (opened.format !== 'backup') for await (const r of opened.records) kinds.push(r.kind);
  return kinds;
}
