import { PassThrough } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorAnswer } from './errors.js';
import { ANSWERED } from './route.js';

export const NDJSON = 'application/x-ndjson';

/** Whether the client asked for the answer as JSON lines (progress first, the answer last). */
export const wantsJsonLines = (request: FastifyRequest): boolean =>
  (request.headers.accept ?? '').toLowerCase().includes(NDJSON);

/**
 * Progress lines are written at most this often: often enough for a bar to move smoothly, rare
 * enough that a million-row import spends nothing on them.
 */
const PROGRESS_EVERY_MS = 150;

/** What a streamed piece of work reports while it runs. */
export type Report<P> = (progress: P) => void;

/**
 * Answers with a 200 stream of JSON lines: `{progress}` lines while `work` runs (the first one at
 * once, so the client knows the work started), then `{result}` or `{error}` as the last line.
 * The status line is sent before the work ends, so a failure can only be told in the body; the
 * error line has the same `{error: {code, message, details}}` a 4xx would carry. `done` runs
 * after a success, before the result line (the activity log, so it is written when the client
 * hears of the result). Returns ANSWERED: the route table must not answer again.
 */
export function answerAsJsonLines<P, T>(
  request: FastifyRequest,
  reply: FastifyReply,
  start: P,
  work: (report: Report<P>) => Promise<T>,
  done: (result: T) => Promise<void>,
  cleanup: () => void,
): typeof ANSWERED {
  const out = new PassThrough();
  const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`);
  let last = 0;
  let latest: P = start;
  let closed = false;
  // A client that goes away does not stop the import (it is one transaction either way); the
  // lines simply have nobody to read them. (The request's own 'close' fires once its body is
  // read, which an upload's is before the work starts: the response's tells of the client.)
  reply.raw.on('close', () => {
    closed = true;
  });
  const report: Report<P> = (progress) => {
    latest = progress;
    const now = Date.now();
    if (closed || now - last < PROGRESS_EVERY_MS) return;
    last = now;
    line({ progress });
  };
  line({ progress: start });
  last = Date.now();
  void (async () => {
    try {
      const result = await work(report);
      line({ progress: latest });
      await done(result);
      line({ result });
    } catch (e) {
      line(errorAnswer(e, request).body);
    } finally {
      cleanup();
      out.end();
    }
  })();
  // No proxy may hold lines back until the end (nginx buffers unless told).
  void reply
    .code(200)
    .header('cache-control', 'no-store')
    .header('x-accel-buffering', 'no')
    .type(NDJSON)
    .send(out);
  return ANSWERED;
}
