import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, foldName, matchName } from './names.js';

const people = [
  { id: 1, name: 'Greta Holm' },
  { id: 2, name: 'Luis Fernández' },
  { id: 3, name: 'José Núñez'.normalize('NFD') },
  { id: 4, name: 'Greg Hall' },
  { id: 5, name: 'Ana García' },
];

describe('finding a person by what was typed', () => {
  it('ignores accents, case, spacing and the Unicode form', () => {
    expect(matchName('luis  fernandez', people)).toEqual({ kind: 'one', found: people[1] });
    expect(matchName('José Núñez'.normalize('NFC'), people)).toEqual({ kind: 'one', found: people[2] });
  });

  it('a unique first name or beginning finds the one person; a shared one lists them', () => {
    expect(matchName('greta', people)).toEqual({ kind: 'one', found: people[0] });
    expect(matchName('Ana G', people)).toEqual({ kind: 'one', found: people[4] });
    expect(matchName('gre', people)).toEqual({ kind: 'several', found: [people[0], people[3]] });
  });

  it('a near miss suggests the closest names', () => {
    const m = matchName('Greta Hlm', people);
    expect(m.kind).toBe('none');
    expect(m.kind === 'none' && m.closest[0]).toEqual(people[0]);
    expect(matchName('Zebulon', people)).toEqual({ kind: 'none', closest: [] });
  });

  it('edit distance is a metric on short strings (property)', () => {
    const s = fc.string({ maxLength: 8 });
    fc.assert(
      fc.property(s, s, s, (a, b, c) => {
        expect(editDistance(a, a)).toBe(0);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, c)).toBeLessThanOrEqual(editDistance(a, b) + editDistance(b, c));
      }),
    );
    fc.assert(
      fc.property(s, (a) => {
        expect(foldName(foldName(a))).toBe(foldName(a));
      }),
    );
  });
});
