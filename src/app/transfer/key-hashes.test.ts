import fc from 'fast-check';
import { expect, it } from 'vitest';
import { hashKey, KeyHashes } from './key-hashes.js';

it('property: every id added under a key is among its candidates, and no candidate has another hash', () => {
  const entry = fc.tuple(fc.string({ maxLength: 12 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }));
  fc.assert(
    fc.property(fc.array(entry, { minLength: 1, maxLength: 3000 }), (entries) => {
      const table = new KeyHashes();
      const model = new Map<number, number[]>();
      for (const [key, id] of entries) {
        table.add(key, id);
        const h = hashKey(key);
        const ids = model.get(h) ?? [];
        if (!ids.includes(id)) ids.push(id);
        model.set(h, ids);
      }
      for (const [key] of entries) {
        expect(table.candidates(key).sort((a, b) => a - b)).toEqual(
          model.get(hashKey(key))!.sort((a, b) => a - b),
        );
        expect(table.mayHave(key)).toBe(true);
      }
      expect(table.count).toBe([...model.values()].reduce((n, ids) => n + ids.length, 0));
    }),
    { numRuns: 50 },
  );
});

it('says nothing was added under keys never added', () => {
  const table = new KeyHashes();
  for (let i = 1; i <= 5000; i++) table.add(`person ${i}`, i);
  const strays = Array.from({ length: 5000 }, (_, i) => `someone ${i}`).filter((k) => table.mayHave(k));
  // A stray may share a hash with a name by chance; with 5,000 names that is about one in a million.
  expect(strays.length).toBeLessThan(3);
  expect(table.candidates('person 4321')).toEqual([4321]);
});
