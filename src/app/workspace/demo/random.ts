// The demo uses the same seeded generator as the graph kernels: the same seed, the same company.
export { seededRandom } from '../../../analytics/index.js';

export const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)]!;

export const intBetween = (rnd: () => number, lo: number, hi: number): number =>
  lo + Math.floor(rnd() * (hi - lo + 1));
