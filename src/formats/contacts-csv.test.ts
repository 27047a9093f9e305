import { describe, expect, test } from 'vitest';
import { linkedInDay } from './linkedin-csv.js';
import { peopleOf, readBytes, readFixture, utf8 } from './test-support/read.js';

const people = peopleOf;

describe('LinkedIn Connections.csv', () => {
  test('skips the Notes: preamble, reads names, company, position and the connection day', async () => {
    const { format, records } = await readFixture('linkedin-connections.csv');
    expect(format).toBe('linkedin');
    expect(records.every((r) => r.kind === 'person')).toBe(true);
    const [tim, vint, hedy] = people(records);
    expect(tim).toMatchObject({
      name: 'Tim Berners-Lee',
      emails: [],
      company: 'W3C',
      title: 'Director',
      at: { n: 5 },
    });
    expect(tim!.notes).toBe('LinkedIn: https://www.linkedin.com/in/timbl\nConnected on LinkedIn 2024-03-12');
    expect(vint!.emails).toEqual(['vint@example.com']);
    expect(hedy!.name).toBe('Hedy Lamarr, PhD');
    expect(hedy!.notes).toContain('2020-02-29');
  });

  test('LinkedIn day format', () => {
    expect(linkedInDay('12 Mar 2024')).toBe('2024-03-12');
    expect(linkedInDay('3 Jan 2023')).toBe('2023-01-03');
    expect(linkedInDay('30 Feb 2023')).toBeNull();
    expect(linkedInDay('2023-01-03')).toBeNull();
  });

  test('without the header after the preamble, the error says which header was expected', async () => {
    await expect(
      readBytes(
        utf8('Notes:\n"x"\n\nFirst Name,Last Name,URL,Email Address,Company,Position\n'),
        'c.csv',
        'linkedin',
      ),
    ).rejects.toThrow(
      /c\.csv: expected a LinkedIn Connections\.csv with a header \(First Name, Last Name, URL/,
    );
  });
});

describe('Google Contacts CSV', () => {
  test('current layout with BOM: " ::: " multi-values, labels, multi-line notes, email-only contacts', async () => {
    const { format, records } = await readFixture('google-contacts.csv');
    expect(format).toBe('google-contacts');
    const [barbara, fran, woz, anon] = people(records);
    expect(barbara).toMatchObject({
      name: 'Barbara Liskov',
      emails: ['liskov@example.edu', 'barbara@example.net'],
      company: 'MIT',
      title: 'Institute Professor',
      department: 'CSAIL',
      phone: '+1 617 555 0100',
      notes: 'Met at the substitution talk.\nLikes hiking.\nGoogle labels: Work',
    });
    expect(fran!.name).toBe('Frances E. Allen');
    expect(woz).toMatchObject({ name: 'Woz', emails: ['woz@example.com'], notes: 'Google labels: Friends' });
    expect(anon).toMatchObject({
      name: 'noreply.contact@example.com',
      emails: ['noreply.contact@example.com'],
    });
  });

  test('legacy layout: Name / Given Name / Family Name, Organization 1 - *', async () => {
    const { format, records } = await readFixture('google-contacts-legacy.csv');
    expect(format).toBe('google-contacts');
    const [edsger, niklaus] = people(records);
    expect(edsger).toMatchObject({
      name: 'Edsger Dijkstra',
      emails: ['ewd@example.nl'],
      company: 'UT Austin',
      title: 'Professor',
      department: 'Computer Sciences',
      notes: 'Google groups: Colleagues',
    });
    expect(niklaus).toMatchObject({
      name: 'Niklaus Wirth',
      emails: ['wirth@example.ch', 'n.wirth@example.org'],
      company: 'ETH Zürich',
    });
  });
});

describe('Outlook contacts CSV', () => {
  test("Manager's Name and Assistant's Name become references; X.500 addresses are dropped", async () => {
    const { format, records } = await readFixture('outlook-contacts.csv');
    expect(format).toBe('outlook-contacts');
    const [radia, pat, satya] = people(records);
    expect(radia).toMatchObject({
      name: 'Radia Perlman',
      title: 'Fellow',
      company: 'Contoso',
      department: 'Networking',
      phone: '+1 425 555 0111',
      emails: ['radia.perlman@contoso.com'],
      manager: { by: 'name', value: 'Satya Example' },
      assistant: { by: 'name', value: 'Pat Doe' },
    });
    expect(pat!.emails).toEqual(['pat.doe@contoso.com']);
    expect(satya!.notes).toBe('Prefers email.\nAvoid Mondays.');
  });
});

describe('encodings', () => {
  test('UTF-16LE with BOM (Excel "Unicode text") is decoded', async () => {
    const { format, records } = await readFixture('org-chart-utf16le.csv');
    expect(format).toBe('org-chart');
    expect(people(records).map((p) => p.name)).toEqual(['Zoë Brontë', 'François “Frank” Čapek']);
  });

  test('Windows-1252 ("Latin-1") is decoded, curly quotes and dashes included', async () => {
    const { records } = await readFixture('org-chart-windows1252.csv');
    expect(people(records).map((p) => [p.name, p.title])).toEqual([
      ['Zoë Brontë', 'Directrice générale'],
      ['François ‘Frank’ Dupré', 'Ingénieur – Qualité'],
    ]);
  });

  test('UTF-16 without BOM is rejected with the fix', async () => {
    const bytes = Buffer.from('Name,Title\nAna,CEO\n', 'utf16le');
    await expect(readBytes([bytes], 'org.csv')).rejects.toThrow(
      'org.csv, byte 1: a NUL byte at byte offset 1 (line 1): this looks like UTF-16 text without a byte-order mark, or a binary file; save it as UTF-8',
    );
  });
});
