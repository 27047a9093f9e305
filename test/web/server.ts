// A real `rapport serve` on a temporary SQLite database and a free port, for browser tests.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { BIN } from '../cli.js';
import { launch } from './browser.js';

/** The server bundle `npm run build` makes once `rapport serve` exists. */
export const serverBuilt = existsSync(new URL('../../dist/server.mjs', import.meta.url).pathname);

export interface RunningServer {
  url: string;
  dir: string;
  /** Paths the OpenAPI document lists, to know which routes this server has. */
  paths: Set<string>;
  stop(): Promise<void>;
}

export async function startServer(): Promise<RunningServer> {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-web-'));
  const child: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-demo'], {
    env: { ...process.env, RAPPORT_DB: join(dir, 'rapport.db'), RAPPORT_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`rapport serve did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving at (http:\/\/\S+?)\/? /.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`rapport serve exited ${code}:\n${output}`)));
  });
  const doc = await fetch(`${url}/api/openapi.json`).then((r) =>
    r.ok ? (r.json() as Promise<{ paths?: object }>) : {},
  );
  return {
    url,
    dir,
    paths: new Set(Object.keys((doc as { paths?: object }).paths ?? {})),
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * A real `rapport serve` on a temporary database and Debian's Chromium for one describe block:
 * started before its tests, stopped after them. Read the fields inside the tests.
 */
export function liveServerAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  const live = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    live.server = await startServer();
    live.browser = await launch();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.stop();
  });
  return live;
}
