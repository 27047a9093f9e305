import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankOrder } from './rank-order.js';

describe('rankOrder', () => {
  it('orders like a comparator sort: highest value first, ties by index, the skipped node left out', () => {
    fc.assert(
      fc.property(
        // Few distinct values, so ties are common; scores are never NaN.
        fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.double({ noNaN: true })), { maxLength: 60 }),
        fc.integer({ min: -1, max: 60 }),
        (values, skip) => {
          const expected = values
            .map((_, i) => i)
            .filter((i) => i !== skip)
            .sort((a, b) => values[b]! - values[a]! || a - b);
          expect([...rankOrder(Float64Array.from(values), skip)]).toEqual(expected);
        },
      ),
    );
  });

  it('puts the largest first on a plain example', () => {
    expect([...rankOrder([0.1, 0.5, 0.1, 0.3], 3)]).toEqual([1, 0, 2]);
  });
});
