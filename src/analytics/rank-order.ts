/**
 * Nodes ordered by value, highest first, ties by node index; `skip` (a node index, or −1) is left
 * out. Each node's key is (how many values beat it) · n + its index, so one native sort of a
 * Float64Array does what a comparator sort of 100k indices does several times slower.
 */
export function rankOrder(values: ArrayLike<number>, skip = -1): Int32Array {
  const n = values.length;
  const kept = skip >= 0 && skip < n ? n - 1 : n;
  const sorted = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) if (i !== skip) sorted[k++] = values[i]!;
  sorted.sort();
  const keys = new Float64Array(kept);
  for (let i = 0, k = 0; i < n; i++) {
    if (i === skip) continue;
    const v = values[i]!;
    // Values above v: everything after the last position holding v or less.
    let lo = 0;
    let hi = kept;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! <= v) lo = mid + 1;
      else hi = mid;
    }
    keys[k++] = (kept - lo) * n + i;
  }
  keys.sort();
  const order = new Int32Array(kept);
  for (let k = 0; k < kept; k++) order[k] = keys[k]! % n;
  return order;
}
