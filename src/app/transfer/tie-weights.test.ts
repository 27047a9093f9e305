import fc from 'fast-check';
import { expect, it } from 'vitest';
import { TieWeights } from './tie-weights.js';

it('property: says created, updated or unchanged exactly as a map of the ties would, across growth', () => {
  const tie = fc.tuple(
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 1, max: 30 }),
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 1, max: 5 }),
  );
  fc.assert(
    fc.property(fc.array(tie, { minLength: 600, maxLength: 3000 }), (ties) => {
      const table = new TieWeights();
      const model = new Map<string, number>();
      for (const [from, to, kind, weight] of ties) {
        const key = `${from},${to},${kind}`;
        const before = model.get(key);
        model.set(key, weight);
        const expected = before === undefined ? 'created' : before === weight ? 'unchanged' : 'updated';
        expect(table.set(from, to, kind, weight)).toBe(expected);
      }
      expect(table.count).toBe(model.size);
    }),
    { numRuns: 50 },
  );
});

it('keeps ids up to the largest a database hands out apart', () => {
  const table = new TieWeights();
  const big = 2 ** 31 - 1;
  expect(table.set(big, 1, 0, 3)).toBe('created');
  expect(table.set(1, big, 0, 3)).toBe('created');
  expect(table.set(big, 1, 1, 3)).toBe('created');
  expect(table.set(big, 1, 0, 3)).toBe('unchanged');
  expect(table.set(1, big, 0, 4)).toBe('updated');
});
