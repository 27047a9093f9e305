import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, fold, matchScore, search } from './match.js';

const people = ['Ana García', 'José Núñez', 'Zoë Kowalski', 'Björn Olsen', 'Anabel Smith', 'Chidi Okafor'];

describe('people search', () => {
  it('ignores accents and case', () => {
    expect(search(people, 'jose nunez', (p) => p)).toEqual(['José Núñez']);
    expect(search(people, 'ZOE', (p) => p)).toEqual(['Zoë Kowalski']);
    expect(fold('Björn  Ölsen!')).toBe('bjorn olsen');
  });

  it('finds any word by its beginning', () => {
    expect(search(people, 'garc', (p) => p)).toEqual(['Ana García']);
    expect(search(people, 'ana', (p) => p)).toEqual(['Ana García', 'Anabel Smith']);
  });

  it('forgives a typo in a word of four letters or more', () => {
    expect(search(people, 'anna garica', (p) => p)).toEqual(['Ana García']);
    expect(search(people, 'kowalksi', (p) => p)).toEqual(['Zoë Kowalski']);
    expect(search(people, 'okafr', (p) => p)).toEqual(['Chidi Okafor']);
  });

  it('does not match unrelated names', () => {
    expect(search(people, 'xyz', (p) => p)).toEqual([]);
    expect(search(people, 'olsen smith', (p) => p)).toEqual([]);
  });

  it('ranks an exact word above a typo', () => {
    expect(matchScore('olsen', 'Björn Olsen')).toBeGreaterThan(matchScore('olsen', 'Bjorn Olson'));
  });

  it('edit distance is symmetric and zero only for equal words', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), (a, b) => {
        const d = editDistance(a, b, 20);
        expect(d).toBe(editDistance(b, a, 20));
        expect(d === 0).toBe(a === b);
      }),
    );
  });

  it('every name finds itself first', () => {
    for (const p of people) expect(search(people, p, (x) => x)[0]).toBe(p);
  });
});
