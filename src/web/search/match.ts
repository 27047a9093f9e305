// Finding a person or initiative by what someone types: accents and case ignored ("jose" finds
// "José"), any word may match ("garc" finds "Ana García"), and a slip of a letter or two is
// forgiven ("anna garcia" still finds her), like the CLI.

/** Lower case without accents, punctuation as spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();
}

/** Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps), capped at `max + 1`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prevPrev[j - 2]! + 1);
      row.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

const allowedSlips = (length: number): number => (length >= 8 ? 2 : length >= 4 ? 1 : 0);

/** How well one query word matches one word of the text: 0 (not at all) to 3 (the whole word). */
function wordScore(q: string, word: string): number {
  if (word === q) return 3;
  if (word.startsWith(q)) return 2.5;
  if (q.length >= 3 && word.includes(q)) return 1.5;
  const slips = allowedSlips(q.length);
  if (slips === 0) return 0;
  // A typo in a word typed whole, or in the part of a longer word typed so far.
  if (editDistance(q, word, slips) <= slips) return 1.2;
  if (word.length > q.length && editDistance(q, word.slice(0, q.length), slips) <= slips) return 1;
  return 0;
}

/** A score for `text` against `query` (higher is better), or 0 when some query word matches nothing. */
export function matchScore(query: string, text: string): number {
  const words = fold(query).split(' ').filter(Boolean);
  if (words.length === 0) return 0;
  const target = fold(text).split(' ').filter(Boolean);
  let total = 0;
  for (const q of words) {
    let best = 0;
    for (const w of target) best = Math.max(best, wordScore(q, w));
    if (best === 0) return 0;
    total += best;
  }
  return total / words.length;
}

/** The items matching `query`, best first (ties keep their order); at most `limit`. */
export function search<T>(items: readonly T[], query: string, text: (item: T) => string, limit = 20): T[] {
  const scored: { item: T; score: number; index: number }[] = [];
  items.forEach((item, index) => {
    const score = matchScore(query, text(item));
    if (score > 0) scored.push({ item, score, index });
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((s) => s.item);
}
