import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawnPointAt, panned, STILL, zoomed } from './bitmap-camera';

const picture = fc.record({
  scale: fc.double({ min: 0.05, max: 20, noNaN: true }),
  x: fc.double({ min: -5000, max: 5000, noNaN: true }),
  y: fc.double({ min: -5000, max: 5000, noNaN: true }),
});
const coord = fc.double({ min: -3000, max: 3000, noNaN: true });
const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * (1 + Math.abs(b)));

describe('the picture moved while a large network is panned and zoomed', () => {
  it('keeps the point under the wheel where it is on the screen', () => {
    fc.assert(
      fc.property(picture, fc.constantFrom(1.7, 1 / 1.7), coord, coord, (p, f, cx, cy) => {
        const before = drawnPointAt(p, cx, cy);
        const after = drawnPointAt(zoomed(p, f, cx, cy), cx, cy);
        close(after.x, before.x);
        close(after.y, before.y);
      }),
    );
  });

  it('shows, after a pan by (dx, dy), what was drawn (dx, dy) away', () => {
    fc.assert(
      fc.property(picture, coord, coord, coord, coord, (p, dx, dy, sx, sy) => {
        const moved = drawnPointAt(panned(p, dx, dy), sx, sy);
        const was = drawnPointAt(p, sx - dx, sy - dy);
        close(moved.x, was.x);
        close(moved.y, was.y);
      }),
    );
  });

  it('zooms in and back out to where it started', () => {
    const there = zoomed(zoomed(STILL, 1.7, 300, 200), 1 / 1.7, 300, 200);
    close(there.scale, 1);
    close(there.x, 0);
    close(there.y, 0);
  });
});
