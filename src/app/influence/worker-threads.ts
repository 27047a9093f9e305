import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Csr } from '../../analytics/index.js';

/**
 * A compiled worker script of this folder: beside this module when run from tsc's output, under
 * dist/app/influence/ when bundled into dist/rapport.cjs. Null when neither exists (vitest runs
 * the .ts sources), and the work then stays on the calling thread.
 */
export function compiledWorker(file: string): URL | null {
  const url = [`./${file}`, `./app/influence/${file}`]
    .map((p) => new URL(p, import.meta.url))
    .find((u) => existsSync(fileURLToPath(u)));
  return url ?? null;
}

export const workerExists = (url: URL | null | undefined): url is URL =>
  !!url && existsSync(fileURLToPath(url));

/** A copy of the array in memory the worker threads read without copying again. */
export function shared<T extends Int32Array | Float64Array>(array: T): SharedArrayBuffer {
  const buffer = new SharedArrayBuffer(array.byteLength);
  new (array.constructor as new (b: SharedArrayBuffer) => T)(buffer).set(array);
  return buffer;
}

/** A graph as the workers receive it. */
export interface SharedCsr {
  n: number;
  starts: SharedArrayBuffer;
  targets: SharedArrayBuffer;
  weights: SharedArrayBuffer;
}

export const shareGraph = (g: Csr): SharedCsr => ({
  n: g.n,
  starts: shared(g.starts),
  targets: shared(g.targets),
  weights: shared(g.weights),
});

export const graphOf = (s: SharedCsr): Csr => ({
  n: s.n,
  starts: new Int32Array(s.starts),
  targets: new Int32Array(s.targets),
  weights: new Float64Array(s.weights),
});

/** Runs one worker on `job` and resolves with the one message it sends back. */
export function runWorker<T>(url: URL, job: unknown, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(url, { workerData: job });
    worker.once('message', (answer: T) => {
      resolve(answer);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`${what} worker stopped with exit code ${code}`));
    });
  });
}
