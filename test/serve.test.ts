import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../src/store/test-support/databases.js';
import { pgAvailable } from '../src/store/test-support/dialects.js';
import { BIN, tempDir } from './cli.js';

const PASSWORD = 'a long pass phrase for serving';

interface Server {
  url: string;
  child: ChildProcess;
  output: () => string;
}

function serve(
  db: string,
  env: Record<string, string> = {},
  port: string[] = ['--port', '0'],
): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', ...port, '--no-demo', '--db', db], {
    env: { ...process.env, RAPPORT_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /serving at (http:\/\/\S+?)\/? /.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!.replace(/\/$/, ''), child, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rapport serve exited ${code}:\n${output}`));
    });
  });
}

const stop = (s: Server): Promise<number | null> =>
  new Promise((resolve) => {
    s.child.removeAllListeners('exit');
    s.child.once('exit', (code) => resolve(code));
    s.child.kill('SIGTERM');
  });

function addUser(db: string, email: string): Promise<number> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [BIN, '--db', db, 'user', 'add', email, '--password-stdin'],
      (err) => resolve(err ? 1 : 0),
    );
    child.stdin!.end(`${PASSWORD}\n`);
  });
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  return /rapport_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')![1]!;
}

const who = (base: string, cookie: string) =>
  fetch(`${base}/api/v1/session`, { headers: { cookie: `rapport_session=${cookie}` } }).then((r) => r.status);

describe('rapport serve', () => {
  it('refuses a bad setting with one line naming it', async () => {
    const dir = tempDir();
    const r = await serve(join(dir, 'r.db'), { RAPPORT_PORT: 'eighty' }, []).then(
      async (s) => `started at ${s.url}: ${await stop(s)}`,
      (e: Error) => e.message,
    );
    expect(r).toMatch(/exited 1/);
    expect(r).toMatch(/RAPPORT_PORT .*port number/);
    expect(r).not.toMatch(/at .*\.js/);
  });

  it('serves the web app and the API, and stops cleanly on SIGTERM', async () => {
    const db = join(tempDir(), 'r.db');
    const s = await serve(db);
    const page = await fetch(`${s.url}/people/12`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await page.text()).toContain('<div id="root">');
    expect(await (await fetch(`${s.url}/healthz`)).json()).toEqual({ ok: true });
    expect((await fetch(`${s.url}/readyz`)).status).toBe(200);
    const doc = (await (await fetch(`${s.url}/api/openapi.json`)).json()) as {
      openapi: string;
      paths: object;
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toContain('/api/v1/people/{id}');
    expect(await stop(s)).toBe(0);
  });

  describe.skipIf(!pgAvailable)('two servers on one PostgreSQL', () => {
    it('share sessions: signed in on one, known on the other; signed out on one, gone on both', async () => {
      const pg = await createPostgresDatabase();
      const [a, b] = await Promise.all([serve(pg.location), serve(pg.location)]);
      try {
        expect(await addUser(pg.location, 'ada@example.com')).toBe(0);
        const cookie = await signIn(a.url, 'ada@example.com');
        expect(await who(b.url, cookie)).toBe(200);
        const added = await fetch(`${b.url}/api/v1/people`, {
          method: 'POST',
          headers: { cookie: `rapport_session=${cookie}`, 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Grace Hopper' }),
        });
        expect(added.status).toBe(201);
        const listed = await fetch(`${a.url}/api/v1/people`, {
          headers: { cookie: `rapport_session=${cookie}` },
        });
        expect(JSON.stringify(await listed.json())).toContain('Grace Hopper');
        const out = await fetch(`${b.url}/api/v1/session`, {
          method: 'DELETE',
          headers: { cookie: `rapport_session=${cookie}` },
        });
        expect(out.status).toBe(204);
        expect(await who(a.url, cookie)).toBe(401);
      } finally {
        await Promise.all([stop(a), stop(b)]);
        await pg.drop();
      }
    });
  });
});
