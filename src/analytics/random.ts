/** A seeded PRNG (mulberry32): sampling must be reproducible, so no kernel calls Math.random. */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** k distinct values from 0..n-1 by a partial Fisher–Yates shuffle, in the order drawn. */
export function sampleDistinct(n: number, k: number, random: Random): Int32Array {
  const count = Math.min(k, n);
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, count);
}

/** A random permutation of 0..n-1. */
export const shuffledRange = (n: number, random: Random): Int32Array => sampleDistinct(n, n, random);
