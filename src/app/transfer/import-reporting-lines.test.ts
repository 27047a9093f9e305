import fc from 'fast-check';
import { expect, it } from 'vitest';
import { NumericIds, RefIndex } from './import-reporting-lines.js';

it('property: numeric ids map to person ids exactly as a Map would, across growth, up to 15 digits', () => {
  const key = fc.oneof(
    fc.integer({ min: 1, max: 5000 }),
    fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  );
  fc.assert(
    fc.property(
      fc.array(fc.tuple(key, fc.integer({ min: 1, max: 2 ** 31 - 1 })), { maxLength: 3000 }),
      (pairs) => {
        const table = new NumericIds();
        const model = new Map<number, number>();
        for (const [k, id] of pairs) {
          table.set(k, id);
          model.set(k, id);
        }
        for (const [k] of pairs) expect(table.get(k)).toBe(model.get(k));
        expect(table.get(Number.MAX_SAFE_INTEGER - 7)).toBe(model.get(Number.MAX_SAFE_INTEGER - 7));
      },
    ),
    { numRuns: 50 },
  );
});

it('keeps ids that differ only in leading zeros or spelling apart', () => {
  const refs = new RefIndex();
  refs.set('1023', 1);
  refs.set('01023', 2);
  refs.set('E1023', 3);
  refs.set('999999999999999', 4);
  expect([refs.get('1023'), refs.get('01023'), refs.get('E1023'), refs.get('999999999999999')]).toEqual([
    1, 2, 3, 4,
  ]);
  expect(refs.has('1024')).toBe(false);
});
