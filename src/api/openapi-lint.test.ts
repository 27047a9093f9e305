import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { TestApi } from './test-support/client.js';

const run = promisify(execFile);
const redocly = join(
  dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')),
  'bin/cli.js',
);

interface Problem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  location: { pointer: string }[];
}

// The published document is what clients generate code from: Redocly CLI's recommended rules
// (issue 14) hold it to the usual standard of OpenAPI 3.1 documents.
describe('the OpenAPI document', () => {
  let store: Store;
  let api: TestApi;
  const dir = mkdtempSync(join(tmpdir(), 'rapport-openapi-'));
  beforeAll(async () => {
    store = await openStore(':memory:');
    api = await TestApi.over(store);
  });
  afterAll(async () => {
    await api.app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes `redocly lint` with the recommended rules: no error, no warning', async () => {
    const res = await api.call('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    const file = join(dir, 'openapi.json');
    writeFileSync(file, res.text);
    const out = await run(
      process.execPath,
      [redocly, 'lint', file, '--extends', 'recommended', '--format', 'json'],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((e: { stdout: string; code: number }) => e);
    const report = JSON.parse(out.stdout) as { problems: Problem[] };
    // Warnings too: each is a gap a client generator trips over (an undocumented answer).
    const problems = report.problems.map(
      (p) => `${p.severity} ${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`,
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
