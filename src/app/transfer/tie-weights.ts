import type { TieArrays } from '../../store/index.js';

export type TieOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The weight of every tie (from, to, kind) a ties import knows of: the workspace's, read once
 * before the first row, then each row's as it is declared. An open-addressing table on typed
 * arrays rather than a Map of string keys: a million ties cost about 20 MB and a probe no
 * allocation, where string keys cost ~100 MB and a string per row.
 */
export class TieWeights {
  private from: Int32Array;
  private to: Int32Array;
  /** Kind index + 1; 0 marks an empty slot. */
  private kind: Uint8Array;
  private weight: Float64Array;
  private mask: number;
  private size = 0;

  constructor(expected = 0) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.weight = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  static of(ties: TieArrays): TieWeights {
    const n = ties.from.length;
    const table = new TieWeights(n);
    for (let i = 0; i < n; i++) table.set(ties.from[i]!, ties.to[i]!, ties.kind[i]!, ties.weight[i]!);
    return table;
  }

  get count(): number {
    return this.size;
  }

  /** Records the tie's weight and says what that did to what was known. */
  set(from: number, to: number, kind: number, weight: number): TieOutcome {
    let i = slot(from, to, kind) & this.mask;
    const k = kind + 1;
    for (;;) {
      const here = this.kind[i]!;
      if (here === 0) break;
      if (here === k && this.from[i] === from && this.to[i] === to) {
        if (this.weight[i] === weight) return 'unchanged';
        this.weight[i] = weight;
        return 'updated';
      }
      i = (i + 1) & this.mask;
    }
    this.from[i] = from;
    this.to[i] = to;
    this.kind[i] = k;
    this.weight[i] = weight;
    if (++this.size * 2 > this.mask + 1) this.grow();
    return 'created';
  }

  private grow(): void {
    const { from, to, kind, weight } = this;
    const capacity = (this.mask + 1) * 2;
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.kind = new Uint8Array(capacity);
    this.weight = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < kind.length; i++) {
      if (kind[i] !== 0) this.set(from[i]!, to[i]!, kind[i]! - 1, weight[i]!);
    }
  }
}

/** Mixes the three parts so neighbouring ids land far apart (murmur3's finaliser). */
function slot(from: number, to: number, kind: number): number {
  let h = Math.imul(from, 0x9e3779b1) ^ Math.imul(to + kind * 0x3c6ef372, 0x85ebca6b);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
