import type { TieArrays } from '../../store/index.js';
import { fmix32 } from './hash-mix.js';

export type TieOutcome = 'created' | 'updated' | 'unchanged';

/**
 * The weight of every tie (from, to, kind) a ties import knows of: the workspace's, read once
 * before the first row, then each row's as it is declared. An open-addressing table on typed
 * array rather than a Map of string keys: a million ties cost 32 MB and a probe allocates
 * nothing, where a string key per tie costs several times that and a string per row.
 */
export class TieWeights {
  /**
   * Slot i holds from, to, kind + 1 (0: empty) and weight at 4i…4i+3: one cache line per
   * probe, where four separate arrays cost four misses on a table of millions.
   */
  private slots: Int32Array;
  private mask: number;
  private size = 0;

  constructor(expected = 0) {
    let capacity = 1024;
    while (capacity < expected * 2) capacity *= 2;
    this.slots = new Int32Array(capacity * 4);
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

  /** Records the tie's (whole) weight and says what that did to what was known. */
  set(from: number, to: number, kind: number, weight: number): TieOutcome {
    const s = this.slots;
    const k = kind + 1;
    let i = slot(from, to, kind) & this.mask;
    for (;;) {
      const at = i * 4;
      const here = s[at + 2]!;
      if (here === 0) {
        s[at] = from;
        s[at + 1] = to;
        s[at + 2] = k;
        s[at + 3] = weight;
        if (++this.size * 2 > this.mask + 1) this.grow();
        return 'created';
      }
      if (here === k && s[at] === from && s[at + 1] === to) {
        if (s[at + 3] === weight) return 'unchanged';
        s[at + 3] = weight;
        return 'updated';
      }
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length / 2 - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 4) {
      if (old[at + 2] !== 0) this.set(old[at]!, old[at + 1]!, old[at + 2]! - 1, old[at + 3]!);
    }
  }
}

/** Mixes the three parts so neighbouring ids land far apart. */
function slot(from: number, to: number, kind: number): number {
  return fmix32(Math.imul(from, 0x9e3779b1) ^ Math.imul(to + kind * 0x3c6ef372, 0x85ebca6b));
}
