// A server in a child process for the benchmarks that drive one over HTTP (bench/api.ts,
// bench/web-pages.ts): started, its URL read from what it prints, stopped with SIGTERM.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The CLI to serve with; BENCH_BIN names another build (a copy of bin/ and dist/ kept as "before"). */
export const BIN = process.env.BENCH_BIN ?? fileURLToPath(new URL('../../bin/rapport.cjs', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Starts a child process and resolves with the URL it prints ("… at http://…"). */
export function start(
  args: string[],
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: ROOT,
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) resolve({ url: m[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

export const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
