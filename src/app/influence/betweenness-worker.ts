// Runs in a worker thread: Brandes passes for a slice of sources over a graph shared by memory.
import { parentPort, workerData } from 'node:worker_threads';
import { accumulateBetweenness } from '../../analytics/index.js';
import type { BetweennessJob } from './betweenness-parallel.js';

const job = workerData as BetweennessJob;
const g = {
  n: job.n,
  starts: new Int32Array(job.starts),
  targets: new Int32Array(job.targets),
  weights: new Float64Array(job.weights),
};
const raw = new Float64Array(job.n);
accumulateBetweenness(
  g,
  new Int32Array(job.sources),
  raw,
  job.distances ? new Float64Array(job.distances) : undefined,
);
parentPort!.postMessage(raw, [raw.buffer]);
