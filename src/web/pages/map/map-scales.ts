import { scaleLinear } from 'd3-scale';

export const W = 860;
export const H = 560;
export const M = { top: 24, right: 24, bottom: 44, left: 52 };

/** Stance across (detractor to supporter), for the axes, their ticks and reading a drop back. */
export const x = scaleLinear()
  .domain([-100, 100])
  .range([M.left, W - M.right]);
/** Influence up. */
export const y = scaleLinear()
  .domain([0, 100])
  .range([H - M.bottom, M.top]);

/**
 * The scales as a + b·v, read off d3's once: the map places every person and trail point with
 * them, and a d3 scale call costs far more than a multiply (500 people, 1,000 trail points).
 */
const affine = (s: (v: number) => number) => {
  const a = s(0);
  const b = s(1) - a;
  return (v: number) => a + b * v;
};
export const px = affine(x);
export const py = affine(y);

export const side = (stance: number, threshold: number) =>
  stance >= threshold ? 'supporter' : stance <= -threshold ? 'detractor' : 'neutral';
