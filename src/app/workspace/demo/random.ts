import { COMMUNICATION, INTERESTS } from './names.js';

// The demo uses the same seeded generator as the graph kernels: the same seed, the same company.
export { seededRandom } from '../../../analytics/index.js';

export const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)]!;

export const intBetween = (rnd: () => number, lo: number, hi: number): number =>
  lo + Math.floor(rnd() * (hi - lo + 1));

/** A person's recorded interests and how they like to be approached: some have them, most not. */
export const personalTouch = (rnd: () => number): { interests: string[]; communication: string | null } => ({
  interests:
    rnd() < 0.45 ? [pick(rnd, INTERESTS), pick(rnd, INTERESTS)].filter((v, i, a) => a.indexOf(v) === i) : [],
  communication: rnd() < 0.3 ? pick(rnd, COMMUNICATION) : null,
});
