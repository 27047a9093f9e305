// The web app as `rapport serve` sends it: each asset compressed in the encoding the browser
// takes (the copies the build writes beside it), kept by the browser for good since its name
// changes with its content, and index.html asked again on every visit.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/index.js';
import { buildApp } from './app.js';
import { SESSION_COOKIE } from './routes/accounts.js';
import { PASSWORD, TEST_CONFIG } from './test-support/client.js';

const SCRIPT = `console.log(${JSON.stringify('the app '.repeat(500))});\n`;
const HTML = '<!doctype html><script type="module" src="/assets/index-Ab12Cd.js"></script>';

describe('the web app as served', () => {
  let root: string;
  let store: Store;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'rapport-web-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), HTML);
    const script = join(root, 'assets', 'index-Ab12Cd.js');
    writeFileSync(script, SCRIPT);
    writeFileSync(`${script}.br`, brotliCompressSync(SCRIPT));
    writeFileSync(`${script}.gz`, gzipSync(SCRIPT));
    store = await openStore(':memory:', { migrate: true });
    app = await buildApp({ store, config: TEST_CONFIG, webRoot: root });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

  it('sends an asset in brotli, else gzip, else as it is, and lets the browser keep it', async () => {
    const br = await get('/assets/index-Ab12Cd.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 4);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);

    const gz = await get('/assets/index-Ab12Cd.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-Ab12Cd.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('asks for index.html again on every visit, at / and at a bookmarked page', async () => {
    for (const url of ['/', '/people/12']) {
      const page = await get(url, 'gzip, br');
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['cache-control'], url).toBe('no-cache');
      expect(page.headers['content-type'], url).toMatch(/text\/html/);
      const body = page.headers['content-encoding'] ? page.rawPayload : Buffer.from(page.body);
      expect(body.toString(), url).toBe(HTML);
    }
  });

  it("names This week's first requests in a Link header for a signed-in visitor at /, and no one else's", async () => {
    const setup = await app.inject({
      method: 'POST',
      url: '/api/v1/setup',
      payload: { name: 'Olivia Owner', email: 'olivia@example.com', password: PASSWORD },
    });
    const session = setup.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
    const visit = (url: string, cookie?: string) =>
      app.inject({ method: 'GET', url, headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });
    const home = await visit('/', session);
    const links = String(home.headers.link).split(', ');
    expect(links).toContain('</api/v1/session>; rel=preload; as=fetch; crossorigin');
    expect(links).toContain('</api/v1/focus>; rel=preload; as=fetch; crossorigin');
    // What the browser fetched early answers as the page's own request would.
    for (const link of links) {
      const url = /^<([^>]+)>/.exec(link)![1]!;
      expect((await visit(url, session)).statusCode, url).toBe(200);
    }
    // Signed out, or with a cookie that no longer signs anyone in: those requests would fail.
    expect((await visit('/')).headers.link).toBeUndefined();
    expect((await visit('/', 'not-a-session')).headers.link).toBeUndefined();
    // Other pages ask for other things.
    expect((await visit('/people', session)).headers.link).toBeUndefined();
  });
});
