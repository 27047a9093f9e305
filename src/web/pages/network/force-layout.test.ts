import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forceLayout, seedPositions } from './force-layout.js';

/** Two groups, everyone tied to everyone in their group, one tie between the groups. */
function twoGroups(size: number) {
  const source: number[] = [];
  const target: number[] = [];
  for (const base of [0, size])
    for (let a = 0; a < size; a++)
      for (let b = a + 1; b < size; b++) {
        source.push(base + a);
        target.push(base + b);
      }
  source.push(0);
  target.push(size);
  return {
    source: Int32Array.from(source),
    target: Int32Array.from(target),
    weight: new Float64Array(source.length).fill(1),
  };
}

const distance = (x: Float64Array, y: Float64Array, a: number, b: number) =>
  Math.hypot(x[a]! - x[b]!, y[a]! - y[b]!);

describe('network layout', () => {
  it('draws two groups tied among themselves as two clusters, apart', () => {
    const size = 15;
    const ties = twoGroups(size);
    // Everyone starts mixed in one community, so the clusters are the layout's doing.
    const { x, y } = seedPositions(Array.from({ length: 2 * size }, () => 0));
    forceLayout({ x, y, ...ties }, 300);
    let within = 0;
    let across = 0;
    for (let a = 0; a < 2 * size; a++)
      for (let b = a + 1; b < 2 * size; b++)
        if (a < size === b < size) within += distance(x, y, a, b) / (size * (size - 1));
        else across += distance(x, y, a, b) / (size * size);
    expect(within * 2).toBeLessThan(across);
  });

  it('sets people without a tie apart, in rows below the drawing, not mixed into it', () => {
    const size = 10;
    const ties = twoGroups(size);
    const loners = 7;
    const n = 2 * size + loners;
    const { x, y } = seedPositions(Array.from({ length: n }, () => 0));
    forceLayout({ x, y, ...ties }, 200);
    const tiedYs = Array.from({ length: 2 * size }, (_, i) => y[i]!);
    const tiedXs = Array.from({ length: 2 * size }, (_, i) => x[i]!);
    for (let i = 2 * size; i < n; i++) {
      expect(y[i]!).toBeLessThan(Math.min(...tiedYs));
      expect(x[i]!).toBeGreaterThanOrEqual(Math.min(...tiedXs) - 1e-9);
      expect(x[i]!).toBeLessThanOrEqual(Math.max(...tiedXs) + 1e-9);
    }
    // The clusters are laid out as they would be without the strangers.
    const alone = seedPositions(Array.from({ length: n }, () => 0));
    const only = { x: alone.x.slice(0, 2 * size), y: alone.y.slice(0, 2 * size) };
    forceLayout({ ...only, ...ties }, 200);
    expect(Array.from(x.slice(0, 2 * size))).toEqual(Array.from(only.x));
  });

  it('lines up a handful of people with no ties at all in one row, wider than tall like the box', () => {
    const none = { source: new Int32Array(), target: new Int32Array(), weight: new Float64Array() };
    const four = seedPositions([0, 0, 0, 0]);
    forceLayout({ ...four, ...none }, 10);
    expect(new Set(four.y).size).toBe(1);
    expect(new Set(four.x).size).toBe(4);
    // Many people: rows, each wider than the block is tall.
    const many = seedPositions(Array.from({ length: 60 }, () => 0));
    forceLayout({ ...many, ...none }, 10);
    const width = Math.max(...many.x) - Math.min(...many.x);
    const height = Math.max(...many.y) - Math.min(...many.y);
    expect(width).toBeGreaterThan(2 * height);
  });

  it('gives everyone a finite, distinct place, whatever the ties', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 120 }),
        (n, raw) => {
          const ties = raw.map(([a, b, w]) => [a % n, b % n, w] as const).filter(([a, b]) => a !== b);
          const { x, y } = seedPositions(Array.from({ length: n }, (_, i) => i % 3));
          forceLayout(
            {
              x,
              y,
              source: Int32Array.from(ties.map((t) => t[0])),
              target: Int32Array.from(ties.map((t) => t[1])),
              weight: Float64Array.from(ties.map((t) => t[2])),
            },
            30,
          );
          for (let i = 0; i < n; i++) {
            expect(Number.isFinite(x[i]) && Number.isFinite(y[i])).toBe(true);
            for (let j = i + 1; j < n; j++) expect(distance(x, y, i, j)).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
