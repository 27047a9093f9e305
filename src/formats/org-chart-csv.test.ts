import { describe, expect, test } from 'vitest';
import { outcome, peopleOf, readBytes, readFixture, streamFixture, utf8 } from './test-support/read.js';

const people = peopleOf;

describe('org chart CSV', () => {
  test('a Workday export: ids, manager by id, levels like "3 - Director", emails lower-cased', async () => {
    const { format, records } = await readFixture('org-chart-workday.csv');
    expect(format).toBe('org-chart');
    const ps = people(records);
    expect(ps.map((p) => p.name)).toEqual([
      'Grace Hopper',
      'Alan Turing',
      'Ada Lovelace',
      'Katherine Johnson',
      'José Martí',
      'Margaret Hamilton',
    ]);
    const ada = ps[2]!;
    expect(ada).toMatchObject({
      ref: '1003',
      title: 'Director, Platform',
      department: 'Platform',
      level: 3,
      emails: ['ada.lovelace@example.com'],
      manager: { by: 'id', value: '1002' },
      at: { unit: 'line', n: 4 },
    });
    expect(ps[4]!.title).toBe('Product Manager "Core"');
    expect(ps[0]!.manager).toBeNull();
  });

  test('a hand-made sheet: first + last name, manager by name or email, assistant, L-grades, LF endings', async () => {
    const { format, records } = await readFixture('org-chart-bamboohr.csv');
    expect(format).toBe('org-chart');
    const [linus, tove, greg, sasha] = people(records);
    expect(linus).toMatchObject({
      name: 'Linus Torvalds',
      level: 1,
      assistant: { by: 'name', value: 'Tove Monni' },
    });
    expect(tove!.manager).toEqual({ by: 'name', value: 'Linus Torvalds' });
    expect(greg!.manager).toEqual({ by: 'email', value: 'linus@example.org' });
    expect(sasha).toMatchObject({
      emails: [],
      level: 4,
      manager: { by: 'name', value: 'Greg Kroah-Hartman' },
    });
  });

  test('the same records when the file arrives in 64-byte chunks', async () => {
    const whole = await readFixture('org-chart-workday.csv');
    const chunked = await readBytes(streamFixture('org-chart-workday.csv', 7), 'org-chart-workday.csv');
    expect(chunked.records).toEqual(whole.records);
  });

  test('semicolon-separated files (European Excel) are read the same way', async () => {
    const { format, records } = await readBytes(
      utf8('Employee ID;Name;Title;Manager ID\r\n1;Ana Ruiz;CEO;\r\n2;Luis Gómez;"CTO; acting";1\r\n'),
      'org.csv',
    );
    expect(format).toBe('org-chart');
    expect(people(records).map((p) => [p.name, p.title, p.manager?.value ?? null])).toEqual([
      ['Ana Ruiz', 'CEO', null],
      ['Luis Gómez', 'CTO; acting', '1'],
    ]);
  });

  test('a bad email or level is an invalid record naming line, column and what was expected', async () => {
    const { records } = await readBytes(
      utf8('Name,Email,Level\nAna,ana@example.com,2\nBob,bob@,3\nCy,cy@example.com,Senior\n'),
      'org.csv',
    );
    expect(records.map((r) => r.kind)).toEqual(['person', 'invalid', 'invalid']);
    const [, bob, cy] = records;
    expect(outcome(bob)).toBe(
      'org.csv, line 3, field "Email": expected an email address like ada@example.com, got "bob@".',
    );
    expect(outcome(cy)).toBe(
      'org.csv, line 4, field "Level": expected a level from 1 to 20 (like 3 or L3), got "Senior".',
    );
  });

  test('a row with more cells than the header is reported, not silently shifted', async () => {
    const { records } = await readBytes(utf8('Name,Title\nAna,CEO\nBob,VP, Sales\n'), 'org.csv');
    expect(records[1]).toMatchObject({ kind: 'invalid', at: { unit: 'line', n: 3 } });
    expect(outcome(records[1])).toMatch(/expected 2 columns.*found 3/);
  });

  test('an unclosed quote stops the import with the line', async () => {
    await expect(readBytes(utf8('Name,Title\nAna,"CEO\nBob,VP\n'), 'org.csv')).rejects.toThrow(
      'org.csv, line 2: a quoted cell starting on this line is never closed; check for a missing " here.',
    );
  });

  test('values over their limit are refused naming the limit, never cut short; a long record is read whole', async () => {
    const huge = `${'a'.repeat(1024 * 1024)}@example.com`;
    const long = 'n\n'.repeat(1024 * 1024);
    const text = `Name,Email,Title\nEve,${huge},CEO\nAda,ada@example.com,${'t'.repeat(201)}\nBo,bo@example.com,"${long}"\nCy,cy@example.com,CTO\n`;
    // Small chunks: the long lines arrive in hundreds of pieces.
    const bytes = new TextEncoder().encode(text);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 8192) chunks.push(bytes.subarray(i, i + 8192));
    const { records } = await readBytes(chunks, 'org.csv');
    expect(records.map(outcome)).toEqual([
      'org.csv, line 2, field "Email": expected an email address of at most 254 characters, got 1,048,588.',
      'org.csv, line 3, field "title": expected a title of at most 200 characters, got 201.',
      'org.csv, line 4, field "title": expected a title of at most 200 characters, got 2,097,151.',
      'person',
    ]);
    expect(people(records)[0]).toMatchObject({ name: 'Cy', title: 'CTO', at: { n: 1048581 } });
  });
});
