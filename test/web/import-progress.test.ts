// A long import in the browser (issues 14 and 15): while the server reads a 60,000-row org chart
// the import page says how far it has got, for the preview and for the import itself.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasChromium, openPage } from './browser.js';
import { liveServerAndBrowser, serverBuilt } from './server.js';

const ROWS = 60_000;
const SHOTS = new URL('../../test-results/web/', import.meta.url).pathname;

describe.skipIf(!hasChromium || !serverBuilt)('the import page shows a long import’s progress', () => {
  const live = liveServerAndBrowser();

  it('counts the records read while previewing and importing, then shows the totals', async () => {
    const { server, browser } = live;
    mkdirSync(SHOTS, { recursive: true });
    const { page, problems } = await openPage(browser, server.url);
    const setup = await page.request.post('/api/v1/setup', {
      data: { name: 'Olivia Owner', email: 'olivia@example.com', password: 'correct horse battery staple' },
      headers: { Origin: server.url },
    });
    expect(setup.status()).toBeLessThan(300);

    const rows = ['Employee ID,Name,Email,Manager ID,Department'];
    for (let i = 1; i <= ROWS; i++)
      rows.push(
        `E${i},Person ${i},p${i}@acme.example,${i === 1 ? '' : `E${Math.ceil(i / 7)}`},Dept ${i % 11}`,
      );
    const csv = join(server.dir, 'org-chart.csv');
    writeFileSync(csv, `${rows.join('\n')}\n`);

    await page.goto('/import');
    // Every text the progress line ever shows, however briefly.
    await page.evaluate(`
      window.progressSeen = [];
      new MutationObserver(() => {
        const bar = document.querySelector('[data-testid="import-progress"]');
        if (bar?.textContent) window.progressSeen.push(bar.textContent);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    `);
    const seen = () => page.evaluate<string[]>('window.progressSeen');
    const readCounts = (texts: string[]) =>
      texts.flatMap((t) => {
        const m = /Reading: ([\d,]+) records so far/.exec(t);
        return m ? [Number(m[1]!.replaceAll(',', ''))] : [];
      });

    await page.locator('input[type=file]').setInputFiles(csv);
    await page.getByRole('button', { name: 'Preview' }).click();
    // For review, the page mid-preview (when it is caught there: a fast machine may finish first).
    await page
      .getByText(/Reading: [1-9]/)
      .waitFor({ timeout: 10_000 })
      .then(() => page.screenshot({ path: join(SHOTS, 'import-progress.png') }))
      .catch(() => {});
    await expect
      .poll(() => page.getByTestId('import-created').innerText(), { timeout: 60_000 })
      .toBe('60,000');
    const previewCounts = readCounts(await seen());
    expect(previewCounts.some((n) => n > 0 && n < ROWS)).toBe(true);
    expect(await page.getByTestId('import-progress').count()).toBe(0);

    await page.evaluate('window.progressSeen.length = 0');
    await page.getByRole('button', { name: /^Import 60,000 records/ }).click();
    await page.getByTestId('import-done').waitFor({ timeout: 60_000 });
    expect(readCounts(await seen()).some((n) => n > 0)).toBe(true);
    expect(await page.getByTestId('import-done').innerText()).toContain('60,000');
    expect(problems).toEqual([]);
  });
});
