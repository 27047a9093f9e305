import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCsr } from './csr.js';
import { csrFromRows } from './csr-rows.js';

const arbRows = fc
  .integer({ min: 1, max: 30 })
  .chain((n) =>
    fc.tuple(
      fc.constant(n),
      fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.integer({ min: 1, max: 5 })), { maxLength: 150 }),
      fc.boolean(),
    ),
  );

describe('csr from stored rows', () => {
  it('equals buildCsr on the same ties, rows in any order or grouped by person', () => {
    fc.assert(
      fc.property(arbRows, ([n, ties, grouped]) => {
        if (grouped) ties.sort((a, b) => a[0] - b[0]);
        // Person ids are sparse (10, 13, 16, …) and people numbered in id order, as in the store.
        const idOf = (node: number) => 10 + 3 * node;
        const nodeOf = new Int32Array(idOf(n)).fill(-1);
        for (let i = 0; i < n; i++) nodeOf[idOf(i)] = i;
        const rows = {
          from: Int32Array.from(ties, (t) => idOf(t[0])),
          to: Int32Array.from(ties, (t) => idOf(t[1])),
          weight: Float64Array.from(ties, (t) => t[2]),
        };
        const edges = {
          n,
          from: Int32Array.from(ties, (t) => t[0]),
          to: Int32Array.from(ties, (t) => t[1]),
          weight: Float64Array.from(ties, (t) => t[2]),
        };
        for (const options of [{}, { parallel: 'keep' as const, selfLoops: 'keep' as const }]) {
          const a = csrFromRows(n, nodeOf, rows, options);
          const b = buildCsr(edges, options);
          expect([...a.starts]).toEqual([...b.starts]);
          expect([...a.targets]).toEqual([...b.targets]);
          expect([...a.weights]).toEqual([...b.weights]);
        }
      }),
    );
  });

  it('names the row and the person when a tie points outside the network', () => {
    const nodeOf = Int32Array.of(-1, 0, 1);
    const rows = { from: Int32Array.of(1, 2), to: Int32Array.of(2, 7), weight: Float64Array.of(1, 1) };
    expect(() => csrFromRows(2, nodeOf, rows)).toThrow('tie row 1 names person 7, who is not in the network');
  });
});
