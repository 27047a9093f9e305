/**
 * murmur3's 32-bit finaliser: spreads the bits of a hash so neighbouring keys (ids 1, 2, 3…,
 * names differing in their last letter) land far apart in an open-addressing table.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
