// The pages of issue 15 on a workspace past the first page of people (1,010 of them), in Debian's
// Chromium against a real `rapport serve`: a reason naming person 1,001+ links to their page; the
// network is coloured by department or stance with a legend saying what each colour means; the
// map's keyboard list fits a phone-narrow window without scrolling sideways. Screenshots of the
// network and the narrow map, light and dark, go to test-results/web/ for review.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launch, openPage, type WatchedPage } from './browser.js';
import { type RunningServer, serverBuilt, startServer } from './server.js';

// The browser globals the functions run in the page use (this project compiles with Node's types only).
declare class Image {
  src: string;
  width: number;
  height: number;
  decode(): Promise<void>;
}
interface Canvas2d {
  drawImage(img: Image, x: number, y: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
}
declare const document: {
  createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number };

const SHOTS = new URL('../../test-results/web/', import.meta.url).pathname;
const PEOPLE = 1010;
// Last by name, so beyond the first 1,000 the people list answers.
const LATE = 'Zoë Zimmermann-Castellanos de la Vega';
/** More than the map's list shows at once, so walking it by keyboard crosses rows not yet drawn. */
const ON_MAP = 40;
const SALES = '#228be6';
const ENGINEERING = '#12b886';

/** How many of the element's pixels are within a small distance of each colour (read from a screenshot). */
async function pixelsOf(page: Page, element: Locator, colours: string[]): Promise<number[]> {
  const png = (await element.screenshot()).toString('base64');
  return page.evaluate(
    async ({ png, colours }) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      const rgb = colours.map((c) => [1, 3, 5].map((i) => Number.parseInt(c.slice(i, i + 2), 16)));
      const counts = colours.map(() => 0);
      for (let p = 0; p < data.length; p += 4)
        rgb.forEach(([r, g, b], k) => {
          if (Math.abs(data[p]! - r!) + Math.abs(data[p + 1]! - g!) + Math.abs(data[p + 2]! - b!) < 30)
            counts[k]!++;
        });
      return counts;
    },
    { png, colours },
  );
}

describe.skipIf(!hasChromium || !serverBuilt)('the pages on a workspace of 1,010 people', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: WatchedPage;
  let late: number;
  let initiative: number;

  beforeAll(async () => {
    server = await startServer();
    browser = await launch();
    mkdirSync(SHOTS, { recursive: true });
    owner = await openPage(browser, server.url);
    const api = owner.page.request;
    const headers = { Origin: server.url };
    const setup = await api.post('/api/v1/setup', {
      data: { name: 'Olivia Owner', email: 'olivia@example.com', password: 'correct horse battery staple' },
      headers,
    });
    expect(setup.status()).toBeLessThan(300);
    const rows = Array.from({ length: PEOPLE - 1 }, (_, i) => `Person ${String(i + 1).padStart(4, '0')}`);
    const csv = `Name\n${[...rows, LATE].join('\n')}\n`;
    const imported = await api.post('/api/v1/imports', {
      multipart: { file: { name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) } },
      headers,
    });
    expect(imported.status(), await imported.text()).toBe(200);
    const found = (await (await api.get(`/api/v1/people?q=${encodeURIComponent('Zimmermann')}`)).json()) as {
      items: { id: number }[];
    };
    late = found.items[0]!.id;
    // A trusted partner, never met, and (below) a high-influence detractor: the focus list names them.
    expect((await api.patch(`/api/v1/people/${late}`, { data: { tier: 'partner' }, headers })).status()).toBe(
      200,
    );
    const first = (await (await api.get('/api/v1/people?limit=40')).json()) as { items: { id: number }[] };
    for (const [i, p] of first.items.entries())
      await api.patch(`/api/v1/people/${p.id}`, {
        data: { department: i % 2 === 0 ? 'Sales' : 'Engineering' },
        headers,
      });
    const made = await api.post('/api/v1/initiatives', { data: { name: 'Checkout redesign' }, headers });
    initiative = ((await made.json()) as { id: number }).id;
    for (const [i, p] of first.items.slice(0, ON_MAP - 1).entries())
      await api.post('/api/v1/assessments', {
        data: {
          person: p.id,
          initiative,
          influence: 20 + (i % 12) * 6,
          stance: i % 3 === 0 ? 80 : i % 3 === 1 ? -70 : 0,
        },
        headers,
      });
    await api.post('/api/v1/assessments', {
      data: { person: late, initiative, influence: 90, stance: -60 },
      headers,
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds person 1,001+ in the people table, the command palette and the quick log', async () => {
    const { page } = owner;
    await page.goto('/people');
    await page.getByRole('textbox', { name: 'Search people' }).fill('zimmermann');
    await page.getByRole('table', { name: 'People' }).getByRole('link', { name: LATE }).waitFor();

    await page.goto('/');
    await page.getByRole('heading', { name: 'This week' }).waitFor();
    await page.keyboard.press('Control+K');
    await page.getByLabel('Find a person or initiative').fill('zimmermann');
    await page
      .getByRole('button', { name: new RegExp(`^${LATE}`) })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByRole('combobox', { name: 'With' }).fill('zimmer');
    await page.getByRole('option', { name: LATE }).waitFor();
    await page.keyboard.press('Escape');
    expect(owner.problems).toEqual([]);
  });

  it('links a reason about person 1,001+ to their page', async () => {
    const { page } = owner;
    await page.goto('/');
    const item = page.getByTestId('focus-item').filter({ hasText: `reach out to ${LATE}` });
    await item.waitFor();
    const link = item.getByRole('link', { name: LATE }).first();
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/people/${late}`);
    await link.click();
    await page.getByRole('heading', { name: LATE }).waitFor();
    // Their place on the map fits the narrow card beside the timeline.
    const onMaps = page.getByTestId('person-assessments');
    await onMaps.getByRole('link', { name: 'Checkout redesign' }).waitFor();
    await expect.poll(() => onMaps.textContent()).toContain('influence 90 · stance -60 ·');
    const overflow = await onMaps.evaluate((list) => {
      const card = list.parentElement!;
      return list.getBoundingClientRect().right - card.getBoundingClientRect().right;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SHOTS, 'person-on-the-maps.png') });
    expect(owner.problems).toEqual([]);
  });

  it('colours the network by department or by stance, with a legend, in light and dark', async () => {
    const { page } = owner;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto('/network');
      const legend = page.getByTestId('network-legend');
      await legend.getByText('Sales', { exact: true }).waitFor();
      await legend.getByText('Engineering', { exact: true }).waitFor();
      await legend.getByText('no department', { exact: true }).waitFor();
      const canvas = page.locator('.network-canvas[data-layout="done"]');
      await canvas.waitFor({ timeout: 60_000 });
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(SHOTS, `network-departments-${scheme}.png`) });
      const [sales, engineering] = await pixelsOf(page, canvas, [SALES, ENGINEERING]);
      expect(sales).toBeGreaterThan(20);
      expect(engineering).toBeGreaterThan(20);

      await page.getByText('Stance', { exact: true }).click();
      await legend.getByText('supporter', { exact: true }).waitFor();
      await legend.getByText('detractor', { exact: true }).waitFor();
      await legend.getByText('not assessed', { exact: true }).waitFor();
      await expect
        .poll(async () => (await pixelsOf(page, canvas, ['#e03131']))[0], { timeout: 20_000 })
        .toBeGreaterThan(20);
      await page.screenshot({ path: join(SHOTS, `network-stance-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    expect(owner.problems).toEqual([]);
  });

  it('pans and zooms a network of a thousand people by moving its picture, then draws it again', async () => {
    const { page } = owner;
    await page.goto('/network');
    const box = page.locator('.network-canvas[data-layout="done"]');
    await box.waitFor({ timeout: 60_000 });
    const camera = async () => (await box.getAttribute('data-camera'))!.split(' ').map(Number);
    const nodes = page.locator('canvas.sigma-nodes');
    const transform = () =>
      nodes.evaluate((c) => (c as unknown as { style: { transform: string } }).style.transform);
    const [x0, y0, ratio0] = await camera();
    const area = (await nodes.boundingBox())!;
    const cx = area.x + area.width / 2;
    const cy = area.y + area.height / 2;

    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 60, cy + 30, { steps: 3 });
    await page.mouse.move(cx + 120, cy + 60, { steps: 3 });
    // Mid-gesture the drawing follows the pointer as a picture: the camera has not moved yet.
    expect(await transform()).toBe('translate(120px, 60px) scale(1)');
    expect(await camera()).toEqual([x0, y0, ratio0]);
    await page.mouse.up();
    await expect.poll(transform).toBe('');
    const [x1, y1, ratio1] = await camera();
    // Dragged right and down: the view moves left and up over the drawing (sigma's y points up).
    expect(x1).toBeLessThan(x0!);
    expect(y1).toBeGreaterThan(y0!);
    expect(ratio1).toBe(ratio0);

    // A wheel step in: the picture scales about the pointer, then the camera follows.
    await page.mouse.wheel(0, -120);
    await expect.poll(async () => (await camera())[2]).toBeLessThan(ratio1!);
    await expect.poll(transform).toBe('');
    const [, , ratio2] = await camera();
    expect(ratio2).toBeCloseTo(ratio1! / 1.7, 3);
    expect(owner.problems).toEqual([]);
  });

  it('reaches everyone on the map from the keyboard list, one Tab at a time', async () => {
    const { page } = owner;
    await page.goto(`/map/${initiative}`);
    const list = page.getByRole('table', { name: 'People on this map' });
    await list.getByRole('spinbutton').first().focus();
    const reached = new Set<string>();
    // Three stops a row: the name (a link), influence, stance.
    for (let i = 0; i < 3 * ON_MAP + 3; i++) {
      const label = await page.evaluate(() => {
        const active = (
          globalThis as unknown as {
            document: { activeElement: { getAttribute(n: string): string | null } | null };
          }
        ).document.activeElement;
        return active?.getAttribute('aria-label') ?? '';
      });
      if (label.startsWith('Stance of ')) reached.add(label);
      await page.keyboard.press('Tab');
    }
    expect(reached.size).toBe(ON_MAP);
    expect(reached.has(`Stance of ${LATE}`)).toBe(true);
    // Only part of the list is in the page at a time.
    expect(await list.locator('tbody tr[aria-rowindex]').count()).toBeLessThan(ON_MAP);
    expect(owner.problems).toEqual([]);
  });

  it("fits the map's keyboard list in a phone-narrow window", async () => {
    const { page } = owner;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`/map/${initiative}`);
        const list = page.getByRole('table', { name: 'People on this map' });
        await list.getByLabel(`Stance of ${LATE}`).waitFor();
        const overflow = await list.evaluate((table) => {
          const scroller = table.parentElement!;
          return {
            list: scroller.scrollWidth - scroller.clientWidth,
            page: document.documentElement.scrollWidth - window.innerWidth,
            right: table.getBoundingClientRect().right - window.innerWidth,
          };
        });
        expect(overflow.list).toBeLessThanOrEqual(0);
        expect(overflow.page).toBeLessThanOrEqual(0);
        expect(overflow.right).toBeLessThanOrEqual(0);
        // The movement is still there, under each name.
        await list.getByText('first assessment').first().waitFor();
        await list.scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(SHOTS, `map-list-narrow-${scheme}.png`) });
      }
    } finally {
      await page.setViewportSize({ width: 1366, height: 860 });
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(owner.problems).toEqual([]);
  });
});
