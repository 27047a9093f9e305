// Runs in a worker thread: Brandes passes for a slice of sources over a graph shared by memory.
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateBetweenness } from '../../analytics/index.js';
import type { BetweennessJob } from './betweenness-parallel.js';
import { graphOf } from './worker-threads.js';

const job = workerData as BetweennessJob;
const g = graphOf(job);
const raw = new Float64Array(job.n);
accumulateBetweenness(
  g,
  new Int32Array(job.sources),
  raw,
  job.distances ? new Float64Array(job.distances) : undefined,
);
parentPort!.postMessage(raw, [raw.buffer]);
