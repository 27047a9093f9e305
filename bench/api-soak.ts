// The soak of bench/api.ts: mixed reads at a fixed rate for minutes, with the server's memory
// sampled from inside it (RAPPORT_MEMORY_LOG_S: one `memory {…}` line on stderr per period), so
// a curve shows whether growth levels off and which part grows: the V8 heap, Buffers, or what
// neither explains (SQLite's page cache, malloc).
import type { ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';

export interface MemorySample {
  /** Seconds since the soak started. */
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  native: number;
  answers: number;
  /** Added after the first runs: absent from an older server's lines. */
  answersMb?: number;
  statements: number;
  sessions?: number;
  /** The machine's 1-minute load average when the line arrived. */
  load: number;
}

/**
 * Collects the server's memory lines from the moment it is called; `restart` starts the curve
 * again (the soak's start), `stop` ends the collection.
 */
export function memoryLines(child: ChildProcess): { samples: MemorySample[]; restart(): void; stop(): void } {
  const samples: MemorySample[] = [];
  let t0 = performance.now();
  let partial = '';
  const onData = (b: Buffer) => {
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop()!;
    for (const line of lines) {
      const m = /^memory (\{.*\})$/.exec(line);
      if (m)
        samples.push({
          at: Math.round((performance.now() - t0) / 1000),
          load: loadavg()[0]!,
          ...(JSON.parse(m[1]!) as Omit<MemorySample, 'at' | 'load'>),
        });
    }
  };
  child.stderr!.on('data', onData);
  return {
    samples,
    restart: () => {
      samples.length = 0;
      t0 = performance.now();
    },
    stop: () => child.stderr!.off('data', onData),
  };
}

/** The curve as table rows: one per sample, MB. */
export function curveRows(dialect: string, samples: readonly MemorySample[]): string[][] {
  return samples.map((s) => [
    dialect,
    String(s.at),
    String(s.rss),
    `${s.heapUsed} / ${s.heapTotal}`,
    String(s.external),
    String(s.native),
    `${s.answers} (${s.answersMb ?? 0} MB) / ${s.statements} / ${s.sessions ?? 0}`,
    s.load.toFixed(1),
  ]);
}

export const CURVE_HEAD = [
  'dialect',
  's',
  'RSS MB',
  'heap used / total',
  'external',
  'native (rss-heap-ext)',
  'answers (JSON) / statements / sessions kept',
  'load',
];

/**
 * Growth over the last half of the soak, MB per minute of RSS: after warm-up "flat" means this
 * stays near zero (a cache filling to its bound climbs early, then stops).
 */
export function lateSlope(samples: readonly MemorySample[]): number {
  if (samples.length < 3) return Number.NaN;
  const last = samples[samples.length - 1]!;
  const mid = samples[Math.floor((samples.length - 1) / 2)]!;
  return ((last.rss - mid.rss) / Math.max(1, last.at - mid.at)) * 60;
}
