import { availableParallelism, loadavg } from 'node:os';
import { type Communities, type Csr, louvain, seededRandom, symmetrize } from '../../analytics/index.js';
import { compiledWorker, runWorker, type SharedCsr, shareGraph, workerExists } from './worker-threads.js';

/** What the worker receives: the directed graph in shared memory and the seed. */
export interface CommunitiesJob extends SharedCsr {
  seed: number;
}

/** What it sends back; `labels` is transferred, not copied. */
export interface CommunitiesAnswer {
  labels: Int32Array;
  count: number;
  modularity: number;
}

export interface BackgroundOptions {
  /**
   * Below this many ties a worker's start-up (~30–60 ms) costs more than the overlap saves, so
   * the clusters are found on the calling thread.
   */
  readonly minTies?: number;
  /** Where the compiled worker is; tests point at dist/ since vitest runs the .ts sources. */
  readonly workerUrl?: URL;
  /** Whether a core is free for the worker; defaults to spareCore(). */
  readonly spareCore?: boolean;
}

/**
 * True when the machine seems to have a core nobody else is using (1-minute load average below
 * the cores less one). Linux shares the CPU fairly between sessions (autogroup), so on a busy
 * machine a second thread gets no more time than the first would have had: the worker then only
 * adds its start-up (~100 ms of CPU) and the copies. Measured on the 2-core bench machine at load
 * 4-10 (BENCHMARKS.md, issue 11 third pass): always threaded was a few per cent slower there.
 */
export function spareCore(): boolean {
  return loadavg()[0]! < availableParallelism() - 1;
}

const DEFAULT_MIN_TIES = 200_000;
const defaultWorkerUrl = compiledWorker('communities-worker.js');

/** The clusters of a directed graph: Louvain on its undirected view, seeded. */
export function communitiesHere(g: Csr, seed: number): Communities {
  return louvain(symmetrize(g), { random: seededRandom(seed) });
}

/**
 * Clusters found on another thread while the caller goes on (rank, brokerage): on a large
 * network Louvain is the longest kernel. The worker runs the same seeded code on the same graph,
 * so the answer is the calling thread's. Null when a worker would not pay (a small network, no
 * core to spare) or is not built: the caller then runs communitiesHere itself. The promise never
 * rejects unobserved: a caller that fails before awaiting it does not also crash the process.
 */
export function communitiesOnWorker(
  g: Csr,
  seed: number,
  options: BackgroundOptions = {},
): Promise<Communities> | null {
  const workerUrl = options.workerUrl ?? defaultWorkerUrl;
  if (
    g.targets.length < (options.minTies ?? DEFAULT_MIN_TIES) ||
    !(options.spareCore ?? spareCore()) ||
    !workerExists(workerUrl)
  )
    return null;
  const job: CommunitiesJob = { ...shareGraph(g), seed };
  const result = runWorker<Communities>(workerUrl, job, 'communities');
  result.catch(() => undefined);
  return result;
}
