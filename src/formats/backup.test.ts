import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseBackup, writeBackup } from './backup.js';
import { sampleBackup } from './test-support/sample-backup.js';

describe('JSON backup', () => {
  test('write → parse → write gives the same bytes, keys sorted, newline at the end', () => {
    const text = writeBackup(sampleBackup());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.indexOf('"assessments"')).toBeLessThan(text.indexOf('"format"'));
    expect(writeBackup(parseBackup(text, 'b.json'))).toBe(text);
    expect(parseBackup(text, 'b.json')).toEqual(sampleBackup());
  });

  test('location, hire date and external ids travel only when set; an id naming two people is refused', () => {
    const b = sampleBackup();
    Object.assign(b.people[0]!, {
      location: 'London',
      hireDate: '2015-06-01',
      externalIds: [{ kind: 'employee', value: 'E1' }],
    });
    const text = writeBackup(b);
    expect(parseBackup(text, 'b.json').people[0]).toMatchObject({
      location: 'London',
      hireDate: '2015-06-01',
    });
    expect(writeBackup(parseBackup(text, 'b.json'))).toBe(text);
    expect(text.match(/"location"/g)).toHaveLength(1);
    const bad = sampleBackup();
    bad.people[0]!.hireDate = '03/04/2019';
    expect(() => parseBackup(writeBackup(bad), 'b.json')).toThrow(
      'b.json, field "people[0].hireDate": expected a day like 2019-03-15, got "03/04/2019".',
    );
    const twice = sampleBackup();
    twice.people[0]!.externalIds = [{ kind: 'employee', value: 'E1' }];
    twice.people[1]!.externalIds = [{ kind: 'employee', value: 'E1' }];
    expect(() => parseBackup(writeBackup(twice), 'b.json')).toThrow(
      'b.json, field "people[1].externalIds[0]": the employee id "E1" is also an id of people[0]; an id names one person.',
    );
  });

  test('a dangling reference names the path and the key', () => {
    const b = sampleBackup();
    b.assessments[0]!.person = 'p9';
    expect(() => parseBackup(writeBackup(b), 'b.json')).toThrow(
      'b.json, field "assessments[0].person": expected the key of a record in this file, got "p9".',
    );
  });

  test('a newer version is refused with the fix; other JSON is not a backup', () => {
    const newer = writeBackup({ ...sampleBackup(), version: 7 });
    expect(() => parseBackup(newer, 'b.json')).toThrow(
      /version 7, newer than this Rapport understands \(1\); upgrade Rapport/,
    );
    expect(() => parseBackup('{"a":1}', 'x.json')).toThrow(
      'x.json, field "format": expected "rapport-backup"',
    );
  });

  test('a truncated backup says where JSON stopped making sense', () => {
    const text = writeBackup(sampleBackup());
    expect(() => parseBackup(text.slice(0, 200), 'b.json')).toThrow(
      /^b\.json.*expected JSON: .*the file may be cut short\.$/,
    );
  });

  test('property: any truncation or byte flip gives a clear error or the same backup, never a crash', () => {
    const text = writeBackup(sampleBackup());
    fc.assert(
      fc.property(
        fc.nat(text.length),
        fc.nat(text.length),
        fc.integer({ min: 32, max: 126 }),
        (cut, at, code) => {
          const mutated = (text.slice(0, at) + String.fromCharCode(code) + text.slice(at + 1)).slice(
            0,
            Math.max(cut, 1),
          );
          try {
            const b = parseBackup(mutated, 'b.json');
            expect(b.format).toBe('rapport-backup');
          } catch (e) {
            expect((e as Error).name).toBe('BadFileError');
            expect((e as Error).message.startsWith('b.json')).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
