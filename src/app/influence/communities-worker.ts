// Runs in a worker thread: the clusters of a graph shared by memory (see communities-parallel).
import { parentPort, workerData } from 'node:worker_threads';
import type { CommunitiesAnswer, CommunitiesJob } from './communities-parallel.js';
import { communitiesHere } from './communities-parallel.js';

const job = workerData as CommunitiesJob;
const found = communitiesHere(
  {
    n: job.n,
    starts: new Int32Array(job.starts),
    targets: new Int32Array(job.targets),
    weights: new Float64Array(job.weights),
  },
  job.seed,
);
const answer: CommunitiesAnswer = { labels: found.labels, count: found.count, modularity: found.modularity };
parentPort!.postMessage(answer, [found.labels.buffer as ArrayBuffer]);
