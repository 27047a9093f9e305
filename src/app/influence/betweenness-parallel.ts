import { availableParallelism } from 'node:os';
import {
  accumulateBetweenness,
  type BetweennessOptions,
  type BetweennessResult,
  type Csr,
  chooseSources,
  finishBetweenness,
} from '../../analytics/index.js';
import {
  compiledWorker,
  runWorker,
  type SharedCsr,
  shared,
  shareGraph,
  workerExists,
} from './worker-threads.js';

/** What one worker receives: the graph in shared memory and its slice of sources. */
export interface BetweennessJob extends SharedCsr {
  distances: SharedArrayBuffer | null;
  sources: SharedArrayBuffer;
}

export interface ParallelOptions {
  /** Threads to use; defaults to the machine's cores. */
  readonly threads?: number;
  /**
   * Below this many (sources × ties) a worker's start-up (~30 ms) costs more than it saves, so
   * the work stays on the calling thread.
   */
  readonly minWork?: number;
  /** Where the compiled worker is; tests point at dist/ since vitest runs the .ts sources. */
  readonly workerUrl?: URL;
}

const DEFAULT_MIN_WORK = 20_000_000;
const defaultWorkerUrl = compiledWorker('betweenness-worker.js');

/**
 * Betweenness across worker threads when the work is large enough to pay for them: the sources
 * are split into one contiguous slice per thread, each thread sums its dependencies over the
 * same shared graph, and the sums are added. The sum does not depend on the split, so results
 * equal the single-threaded kernel's up to floating-point rounding.
 */
export async function parallelBetweenness(
  g: Csr,
  options: BetweennessOptions = {},
  parallel: ParallelOptions = {},
): Promise<BetweennessResult & { threads: number }> {
  const sources = chooseSources(g.n, options);
  const threads = Math.max(1, Math.min(parallel.threads ?? availableParallelism(), sources.length));
  const workerUrl = parallel.workerUrl ?? defaultWorkerUrl;
  const work = sources.length * Math.max(1, g.targets.length);
  if (threads === 1 || work < (parallel.minWork ?? DEFAULT_MIN_WORK) || !workerExists(workerUrl)) {
    const raw = new Float64Array(g.n);
    accumulateBetweenness(g, sources, raw, options.distances);
    return { ...finishBetweenness(raw, g.n, sources.length, options.confidence), threads: 1 };
  }
  const graph = { ...shareGraph(g), distances: options.distances ? shared(options.distances) : null };
  const slice = Math.ceil(sources.length / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, (_, t) => {
      const job: BetweennessJob = { ...graph, sources: shared(sources.subarray(t * slice, (t + 1) * slice)) };
      return runWorker<Float64Array>(workerUrl, job, 'betweenness');
    }),
  );
  const raw = new Float64Array(g.n);
  for (const part of parts) for (let i = 0; i < g.n; i++) raw[i]! += part[i]!;
  return { ...finishBetweenness(raw, g.n, sources.length, options.confidence), threads };
}
