import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROOMY_BELOW, roomyFrame } from './roomy-frame.js';

describe('the frame of a small network', () => {
  it('puts a row of four in the middle of a box twice as wide as tall, not at its edges', () => {
    const f = roomyFrame([0, 3, 6, 9], [0, 0, 0, 0], 0.5)!;
    const width = f.x[1] - f.x[0];
    expect(9 / width).toBeGreaterThan(0.5);
    expect(9 / width).toBeLessThan(0.7);
    expect((f.x[0] + f.x[1]) / 2).toBeCloseTo(4.5);
    expect(f.y[1] - f.y[0]).toBeCloseTo(width / 2);
  });

  it('holds two people at almost the same point inside, with room around them', () => {
    for (const xs of [
      [0, 5e-324],
      [1e3, 1e3 + 1.1e-13],
    ]) {
      const f = roomyFrame(xs, [0, 0], 0.5)!;
      for (const x of xs) {
        expect(x).toBeGreaterThan(f.x[0]);
        expect(x).toBeLessThan(f.x[1]);
      }
    }
  });

  it('holds everyone inside, the fewer people the roomier, and leaves large networks to sigma', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
            fc.double({ min: -1e3, max: 1e3, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: ROOMY_BELOW - 1,
          },
        ),
        fc.double({ min: 0.2, max: 5, noNaN: true }),
        (points, aspect) => {
          const f = roomyFrame(
            points.map((p) => p[0]),
            points.map((p) => p[1]),
            aspect,
          )!;
          expect((f.y[1] - f.y[0]) / (f.x[1] - f.x[0])).toBeCloseTo(aspect);
          for (const [px, py] of points) {
            expect(px).toBeGreaterThan(f.x[0]);
            expect(px).toBeLessThan(f.x[1]);
            expect(py).toBeGreaterThan(f.y[0]);
            expect(py).toBeLessThan(f.y[1]);
          }
        },
      ),
    );
    const spacing = (n: number) => {
      const f = roomyFrame(
        Array.from({ length: n }, (_, i) => i),
        Array.from({ length: n }, () => 0),
        0.5,
      )!;
      return (f.x[1] - f.x[0]) / (n - 1);
    };
    expect(spacing(3)).toBeGreaterThan(spacing(30));
    expect(roomyFrame(new Float64Array(ROOMY_BELOW), new Float64Array(ROOMY_BELOW), 0.5)).toBeNull();
  });
});
