import { fmix32 } from './hash-mix.js';

/**
 * Which people an import has already named by a key (a name, an email, an external id),
 * remembered as 32-bit hashes of the keys rather than the keys: a million names cost 16 MB
 * of typed array and a probe allocates nothing, where a Map of strings costs several times
 * that for the garbage collector to trace. A hash may collide, so `candidates` can return
 * people named by another key: the caller confirms them against the database, which only
 * happens for the keys seen before (duplicates) and the rare collision.
 */
export class KeyHashes {
  /** Slot i holds the hash at 2i and the person id at 2i+1 (0: empty; ids start at 1). */
  private slots = new Int32Array(2 * 1024);
  private mask = 1024 - 1;
  private size = 0;

  get count(): number {
    return this.size;
  }

  /** Remembers that `key` names `id` (a pair already there is not added twice). */
  add(key: string, id: number): void {
    this.put(hashKey(key), id);
  }

  /** The people added under `key`'s hash, in no particular order; empty when none. */
  candidates(key: string): number[] {
    const h = hashKey(key);
    const s = this.slots;
    const out: number[] = [];
    for (let i = fmix32(h) & this.mask; ; i = (i + 1) & this.mask) {
      const id = s[i * 2 + 1]!;
      if (id === 0) return out;
      if (s[i * 2] === h) out.push(id);
    }
  }

  /** Whether any person was added under `key`'s hash (cheaper than `candidates`). */
  mayHave(key: string): boolean {
    const h = hashKey(key);
    const s = this.slots;
    for (let i = fmix32(h) & this.mask; ; i = (i + 1) & this.mask) {
      const id = s[i * 2 + 1]!;
      if (id === 0) return false;
      if (s[i * 2] === h) return true;
    }
  }

  private put(h: number, id: number): void {
    const s = this.slots;
    for (let i = fmix32(h) & this.mask; ; i = (i + 1) & this.mask) {
      const here = s[i * 2 + 1]!;
      if (here === 0) {
        s[i * 2] = h;
        s[i * 2 + 1] = id;
        if (++this.size * 2 > this.mask + 1) this.grow();
        return;
      }
      if (here === id && s[i * 2] === h) return;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2);
    this.mask = old.length - 1;
    this.size = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== 0) this.put(old[at]!, old[at + 1]!);
  }
}

/** FNV-1a over the UTF-16 code units: a key's 32-bit hash, the same for equal strings. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}
