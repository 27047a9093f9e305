import { type Store, stateCacheSize } from '../app/index.js';

/**
 * What a serving process holds, in MB, with the sizes of its bounded caches: `native` is what the
 * V8 heap and Buffers do not explain (SQLite's page cache, malloc arenas, code).
 */
export function memorySample(store: Store): Record<string, number> {
  // answersMb: the kept answers' size as JSON characters, which they take roughly twice of in the heap.
  const m = process.memoryUsage();
  const mb = (n: number) => Math.round(n / 1048576);
  return {
    rss: mb(m.rss),
    heapTotal: mb(m.heapTotal),
    heapUsed: mb(m.heapUsed),
    external: mb(m.external),
    arrayBuffers: mb(m.arrayBuffers),
    native: mb(m.rss - m.heapTotal - m.external),
    ...stateCacheSize(store),
    ...store.cacheSizes(),
  };
}

/**
 * One `memory {…}` line on stderr every `seconds` (RAPPORT_MEMORY_LOG_S): how a soak benchmark
 * sees inside the server without an endpoint anybody could call. Returns the stop.
 */
export function logMemoryEvery(seconds: number, store: Store): () => void {
  const write = () => process.stderr.write(`memory ${JSON.stringify(memorySample(store))}\n`);
  write();
  const timer = setInterval(write, seconds * 1000);
  timer.unref();
  return () => clearInterval(timer);
}
