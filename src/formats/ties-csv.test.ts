import { describe, expect, test } from 'vitest';
import { outcome, readBytes, readFixture, utf8 } from './test-support/read.js';

describe('ties CSV (Kumu connections)', () => {
  test('From, To, Type, Weight with Kumu extra columns; type case-insensitive, weight defaulting to 1', async () => {
    const { format, records } = await readFixture('ties-kumu.csv');
    expect(format).toBe('ties');
    expect(records.map((r) => (r.kind === 'tie' ? [r.from, r.to, r.tieKind, r.weight] : outcome(r)))).toEqual(
      [
        ['katherine.johnson@example.com', 'Margaret Hamilton', 'advice', 4],
        ['1004', '1002', 'influence', 1],
        ['Ada Lovelace', 'José Martí', 'friction', 2],
        ['Alan Turing', 'Grace Hopper', 'trust', 5],
      ],
    );
  });

  test('bad type, weight or a self-tie are invalid records naming line and column', async () => {
    const { records } = await readBytes(
      utf8('From,To,Type,Weight\nA,B,respect,1\nA,B,advice,9\nA,a,advice,1\n,B,,\n'),
      't.csv',
    );
    expect(records.map(outcome)).toEqual([
      't.csv, line 2, field "Type": expected one of advice, influence, trust, friction, got "respect".',
      't.csv, line 3, field "Weight": expected a whole weight from 1 to 5, got "9".',
      't.csv, line 4, field "To": expected two different people; "A" points at itself.',
      't.csv, line 5, field "From": expected who goes to whom; From is empty.',
    ]);
  });
});
