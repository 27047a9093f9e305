// Debian's Chromium driven by playwright-core (never a downloaded browser build), and a page that
// records every console error, uncaught exception and failed request, so a test can assert none.
import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.RAPPORT_CHROMIUM ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface WatchedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors, page errors and failed or 5xx requests, in order. */
  problems: string[];
}

/** A fresh context (its own cookies) at a laptop size, in the given colour scheme. */
export async function openPage(
  browser: Browser,
  baseURL: string,
  colorScheme: 'light' | 'dark' = 'light',
): Promise<WatchedPage> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 860 }, colorScheme });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // Signed out, the app asks who is signed in and the answer is 401: expected, not a fault.
    const signedOutProbe = m.location().url.endsWith('/api/v1/session') && m.text().includes('401');
    // A 409 is the API saying a view needs something first (who you are, your place in the org
    // chart); the page shows that sentence as its empty state. The browser logs it all the same.
    const precondition = m.text().includes('status of 409');
    if (m.type() === 'error' && !signedOutProbe && !precondition)
      problems.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    // A download or a navigation away aborts requests on purpose.
    if (r.failure()?.errorText !== 'net::ERR_ABORTED')
      problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 500) problems.push(`${r.status()} from ${r.url()}`);
  });
  return { page, context, problems };
}
