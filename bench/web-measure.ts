// How bench/web-pages.ts measures a page in the browser: signing in, the script that notes when
// the content is on screen, the load and motion measures read in the page, and pacing a gesture.
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The owner adopts the seeded workspace, or signs in when a kept database already has them. */
export async function signIn(url: string): Promise<string> {
  const body = { name: 'Bench Owner', email: 'bench@example.com', password: 'a long bench passphrase' };
  const headers = { 'content-type': 'application/json', origin: url };
  let r = await fetch(`${url}/api/v1/setup`, { method: 'POST', headers, body: JSON.stringify(body) });
  if (!r.ok)
    r = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email: body.email, password: body.password }),
    });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (!r.ok || !cookie) throw new Error(`sign-in: ${r.status} ${await r.text()}`);
  return cookie;
}

/**
 * Installed before any script of the page: notes performance.now() when `selector` first matches
 * `count` elements with a size (window.__shown), and, when `frame` is set, at the animation frame
 * after that (what the user sees painted). Also collects long tasks from the start.
 */
export function watchScript(selector: string, count: number, frame: boolean): string {
  return `(() => {
    const w = window; w.__longTasks = [];
    try { new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}
    const check = () => {
      if (w.__shown !== undefined) return;
      const found = document.querySelectorAll(${JSON.stringify(selector)});
      if (found.length < ${count}) return;
      const r = found[${count - 1}].getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return;
      w.__shown = performance.now();
      ${frame ? 'requestAnimationFrame(() => { w.__painted = performance.now(); });' : 'w.__painted = w.__shown;'}
      obs.disconnect();
    };
    const obs = new MutationObserver(check);
    document.addEventListener('DOMContentLoaded', () => { obs.observe(document.body, { childList: true, subtree: true }); check(); });
  })();`;
}

export interface Load {
  /** From navigation start to the content shown (painted for canvases). */
  shown: number;
  /** From the last API answer the page waited for to the content shown. */
  afterData: number;
  /** The slowest API answer's duration (request start to response end). */
  slowestApi: { path: string; ms: number };
  longTasks: number;
  longestTask: number;
}

export async function measureLoad(
  context: BrowserContext,
  path: string,
  selector: string,
  count: number,
  frame = false,
): Promise<{ page: Page; load: Load }> {
  const page = await context.newPage();
  await page.addInitScript(watchScript(selector, count, frame));
  await page.goto(path);
  await page.waitForFunction('window.__painted !== undefined', null, { timeout: 120_000, polling: 50 });
  const load = (await page.evaluate(`(() => {
    const w = window;
    const api = performance.getEntriesByType('resource').filter(
      (e) => e.name.includes('/api/') && e.responseEnd <= w.__painted,
    );
    const last = Math.max(0, ...api.map((e) => e.responseEnd));
    const slowest = api.reduce(
      (s, e) => (e.responseEnd - e.startTime > s.ms ? { path: new URL(e.name).pathname, ms: e.responseEnd - e.startTime } : s),
      { path: '-', ms: 0 },
    );
    const tasks = w.__longTasks.filter((t) => t.start < w.__painted);
    return {
      shown: w.__painted,
      afterData: w.__painted - last,
      slowestApi: slowest,
      longTasks: tasks.length,
      longestTask: Math.max(0, ...tasks.map((t) => t.duration)),
    };
  })()`)) as Load;
  return { page, load };
}

export interface Motion {
  fps: number;
  /** Frames more than 50 ms apart (a visible stutter). */
  slowFrames: number;
  worstFrame: number;
  longTasks: number;
  /** Main-thread time (script, style, layout) per pointer event, from Chrome's counters. */
  msPerEvent: number;
  events: number;
}

/** Counts animation frames while `act` runs; Chrome's Performance counters give the main-thread cost. */
export async function measureMotion(page: Page, act: () => Promise<number>): Promise<Motion> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metric = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  };
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__counting = true;
    w.__longFrom = performance.now();
    const tick = (t) => {
      w.__frames.push(t);
      if (w.__counting) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  })()`);
  const before = await metric();
  const events = await act();
  const after = await metric();
  const r = (await page.evaluate(`(() => {
    const w = window;
    w.__counting = false;
    const f = w.__frames;
    const gaps = f.slice(1).map((t, i) => t - f[i]);
    return {
      fps: (1000 * (f.length - 1)) / (f[f.length - 1] - f[0]),
      slowFrames: gaps.filter((g) => g > 50).length,
      worstFrame: Math.max(0, ...gaps),
      longTasks: w.__longTasks.filter((t) => t.start >= w.__longFrom).length,
    };
  })()`)) as Omit<Motion, 'msPerEvent' | 'events'>;
  await cdp.detach();
  return { ...r, msPerEvent: ((after - before) * 1000) / Math.max(1, events), events };
}

export const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Pointer moves at up to 60 a second along a path for two seconds, as a hand would drag; a page
 * slower than that gets fewer (each waits for the page to take the last). Returns how many.
 */
export async function paced(step: (i: number) => Promise<void>): Promise<number> {
  const start = Date.now();
  let i = 0;
  while (Date.now() - start < 2000) {
    await step(i++);
    const wait = start + (i * 1000) / 60 - Date.now();
    if (wait > 0) await pause(wait);
  }
  return i;
}

export async function idle(page: Page): Promise<Motion> {
  return measureMotion(page, () => pause(1000).then(() => 1));
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const ms = (x: number) => `${Math.round(x)} ms`;

/** A context signed in as the owner, the window of a laptop. */
export async function signedInContext(
  browser: Browser,
  url: string,
  cookie: string,
): Promise<BrowserContext> {
  const [name, value] = [cookie.slice(0, cookie.indexOf('=')), cookie.slice(cookie.indexOf('=') + 1)];
  // The page's CSP forbids eval, which playwright's string evaluations need; the app is unchanged.
  const c = await browser.newContext({
    baseURL: url,
    viewport: { width: 1366, height: 860 },
    bypassCSP: true,
  });
  await c.addCookies([{ name, value, url }]);
  return c;
}
