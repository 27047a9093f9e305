// The built web app under the Content-Security-Policy `rapport serve` sends (issue 14: helmet with
// no inline styles or scripts). Mantine injects inline <style> elements in several places; each
// one the policy refuses breaks the layout, so every page must load with no CSP report. The app
// is served here as static files with that header, before and apart from the API.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage } from './browser.js';

const WEB = new URL('../../dist/web/', import.meta.url).pathname;
const CSP =
  "default-src 'self';base-uri 'self';connect-src 'self';font-src 'self';form-action 'self';" +
  "frame-ancestors 'none';img-src 'self' data:;object-src 'none';script-src 'self';style-src 'self'";
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html' };

describe.skipIf(!hasChromium || !existsSync(join(WEB, 'index.html')))(
  'the web app under the strict CSP',
  () => {
    let server: Server;
    let base: string;
    let browser: Browser;

    beforeAll(async () => {
      server = createServer((req, res) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        if (path.startsWith('/api/')) {
          res.writeHead(401, { 'content-type': 'application/json', 'content-security-policy': CSP });
          res.end(
            JSON.stringify({ error: { code: 'unauthenticated', message: 'Sign in first.', details: null } }),
          );
          return;
        }
        let file = join(WEB, path);
        if (!existsSync(file) || statSync(file).isDirectory()) file = join(WEB, 'index.html');
        res.writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
        });
        createReadStream(file).pipe(res);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      browser = await launch();
    });
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('loads without a single refused style or script, in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        const { page, problems } = await openPage(browser, base, scheme);
        await page.goto('/people');
        // Signed out, every route shows the sign-in form (the first-run check is refused here too).
        await page
          .getByText(/Sign in|Could not load/)
          .first()
          .waitFor();
        const csp = problems.filter((p) => p.includes('Content Security Policy'));
        expect(csp).toEqual([]);
        // The theme's variables arrive through the constructed style sheet, not an inline <style>.
        const primary = String(
          await page.evaluate(
            "getComputedStyle(document.documentElement).getPropertyValue('--mantine-primary-color-filled').trim()",
          ),
        );
        expect(primary).not.toBe('');
        expect(await page.locator('style').count()).toBe(0);
        await page.context().close();
      }
    });
  },
);
