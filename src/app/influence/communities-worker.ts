// Runs in a worker thread: the clusters of a graph shared by memory (see communities-parallel).
import { parentPort, workerData } from 'node:worker_threads';
import type { CommunitiesAnswer, CommunitiesJob } from './communities-parallel.js';
import { communitiesHere } from './communities-parallel.js';
import { graphOf } from './worker-threads.js';

const job = workerData as CommunitiesJob;
const found = communitiesHere(graphOf(job), job.seed);
const answer: CommunitiesAnswer = { labels: found.labels, count: found.count, modularity: found.modularity };
parentPort!.postMessage(answer, [found.labels.buffer as ArrayBuffer]);
