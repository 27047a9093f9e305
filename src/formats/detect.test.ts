import { describe, expect, test } from 'vitest';
import { detectFormat } from './detect.js';
import { readBytes, utf8 } from './test-support/read.js';

describe('format detection from content', () => {
  test.each([
    ['{"format": "rapport-backup", "version": 1}', 'backup'],
    ['BEGIN:VCARD\r\nVERSION:3.0', 'vcard'],
    ['\uFEFFBEGIN:VCALENDAR\r\n', 'icalendar'],
    [
      'Notes:\n"When exporting…"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n',
      'linkedin',
    ],
    ['From,To,Type,Weight\nA,B,advice,1\n', 'ties'],
    ['Name,Title,Manager\nA,CEO,\n', 'org-chart'],
    ['First Name;Last Name;Job Title\n', 'org-chart'],
    ['{"hello": 1}', null],
    ['just some words\nand more\n', null],
  ])('%j is %s', (head, format) => {
    expect(detectFormat(head)).toBe(format);
  });

  test('an unknown file names the formats and the format input', async () => {
    const refused = readBytes(utf8('lorem ipsum\n'), 'notes.txt');
    await expect(refused).rejects.toThrow(
      'notes.txt: cannot tell what kind of file this is. Expected one of: org-chart, linkedin, google-contacts, outlook-contacts, vcard, icalendar, ties, backup; name the format to say which.',
    );
    await expect(refused).rejects.toMatchObject({ details: { input: 'format' } });
  });

  test('an empty file says so', async () => {
    await expect(readBytes(utf8('\uFEFF  \n'), 'empty.csv')).rejects.toThrow('empty.csv: the file is empty.');
  });
});
