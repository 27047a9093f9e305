// Finding what a user means by a name they typed: accents, case, spacing and Unicode forms do
// not matter ("luis fernandez" finds Luis Fernández, typed NFC finds a stored NFD name), a unique
// first name or beginning finds the one person, and a near miss gets "did you mean".

/** A name folded for comparison: decomposed, accents dropped, lower case, single spaces. */
export function foldName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export interface Named {
  id: number;
  name: string;
}

export type NameMatch<T extends Named> =
  | { kind: 'one'; found: T }
  | { kind: 'several'; found: T[] }
  | { kind: 'none'; closest: T[] };

/**
 * The records `typed` means, most exact rule first: the whole name folded; then a unique first
 * name; then a unique beginning of the name. Nothing matching gives the closest few by edit
 * distance (within a third of the length, at least two edits) for "did you mean".
 */
export function matchName<T extends Named>(typed: string, records: readonly T[]): NameMatch<T> {
  const want = foldName(typed);
  if (want === '') return { kind: 'none', closest: [] };
  const folded = records.map((r) => ({ r, f: foldName(r.name) }));
  for (const rule of [
    (f: string) => f === want,
    (f: string) => f.split(' ')[0] === want,
    (f: string) => f.startsWith(want),
  ]) {
    const found = folded.filter((x) => rule(x.f)).map((x) => x.r);
    if (found.length === 1) return { kind: 'one', found: found[0]! };
    if (found.length > 1) return { kind: 'several', found };
  }
  const limit = Math.max(2, Math.floor(want.length / 3));
  const closest = folded
    .map((x) => ({
      r: x.r,
      d: Math.min(editDistance(want, x.f, limit), editDistance(want, x.f.split(' ')[0]!, limit)),
    }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.r.name.localeCompare(b.r.name))
    .slice(0, 3)
    .map((x) => x.r);
  return { kind: 'none', closest };
}
