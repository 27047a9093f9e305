import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs the real `rapport` binary (built into dist/ by `npm test`) and collects its output. */
export const BIN = new URL('../bin/rapport.cjs', import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function rapport(args: string[], env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, RAPPORT_DB: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Like rapport() but parses --json output, failing loudly when the command failed. */
export async function rapportJson<T = unknown>(args: string[], env: Record<string, string> = {}): Promise<T> {
  const r = await rapport([...args, '--json'], env);
  if (r.code !== 0) throw new Error(`rapport ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'rapport-cli-'));
