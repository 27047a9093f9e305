// Two members of one workspace in two browsers (issue 15): the owner writes a private note and a
// shared one on a person, and logs a private and a shared interaction with them; the teammate
// sees the shared ones and never the private ones, on any page.
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN } from '../cli.js';
import { hasChromium, openPage } from './browser.js';
import { liveServerAndBrowser, serverBuilt } from './server.js';

const SECRET = 'private-note-9f3a-do-not-share';
const SHOTS = new URL('../../test-results/web/', import.meta.url).pathname;
const SHARED = 'shared note: prefers mornings';
const PASSWORD = 'correct horse battery staple';
const PAGES = ['/', '/people', '/map', '/network', '/portfolio', '/onboarding', '/settings'];

describe.skipIf(!hasChromium || !serverBuilt)("a teammate's browser never shows my private notes", () => {
  const live = liveServerAndBrowser();

  it('shows the shared note to the teammate, and the private one nowhere', async () => {
    const { server, browser } = live;
    const origin = { Origin: server.url };
    const owner = await openPage(browser, server.url);
    const setup = await owner.page.request.post('/api/v1/setup', {
      data: { name: 'Olivia Owner', email: 'olivia@example.com', password: PASSWORD, demo: true },
      headers: origin,
    });
    expect(setup.status()).toBeLessThan(300);
    const ws = ((await setup.json()) as { workspace: { id: number } }).workspace.id;
    // The teammate's account, made as an administrator would, then added to the workspace.
    const made = spawnSync(
      process.execPath,
      [
        BIN,
        '--db',
        join(server.dir, 'rapport.db'),
        'user',
        'add',
        'teo@example.com',
        '--name',
        'Teo Mate',
        '--password-stdin',
      ],
      { input: `${PASSWORD}\n`, encoding: 'utf8' },
    );
    expect(made.status, made.stderr).toBe(0);
    expect(
      (
        await owner.page.request.post('/api/v1/members', {
          data: { email: 'teo@example.com', role: 'editor' },
          headers: origin,
        })
      ).status(),
    ).toBeLessThan(300);

    // The owner writes both notes on a person's page, as anyone would.
    const person = (
      (await (await owner.page.request.get('/api/v1/people?limit=1')).json()) as { items: { id: number }[] }
    ).items[0]!.id;
    const { page } = owner;
    await page.goto(`/people/${person}`);
    const note = page.getByPlaceholder('Add a note…');
    await note.fill(SECRET);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('note').getByText(SECRET).waitFor();
    await note.fill(SHARED);
    await page.getByLabel('Share with the workspace').check({ force: true });
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByTestId('note').getByText(SHARED).waitFor();
    // And two ledger entries with the person: a private one with the secret, one for the team.
    for (const [note, shared] of [
      [`covered for ${SECRET}`, false],
      ['steering group, for the team', true],
    ] as const) {
      const logged = await page.request.post('/api/v1/interactions', {
        data: { people: [person], kind: 'meeting', note, shared },
        headers: origin,
      });
      expect(logged.status()).toBe(201);
    }

    // The teammate signs in and works in the owner's workspace.
    const teammate = await openPage(browser, server.url);
    const t = teammate.page;
    expect(
      (
        await t.request.post('/api/v1/session', {
          data: { email: 'teo@example.com', password: PASSWORD },
          headers: origin,
        })
      ).status(),
    ).toBeLessThan(300);
    expect(
      (
        await t.request.put('/api/v1/session/workspace', { data: { workspace: ws }, headers: origin })
      ).status(),
    ).toBe(200);
    const seen: string[] = [];
    t.on('response', async (r) => {
      if (r.url().includes('/api/')) seen.push(await r.text().catch(() => ''));
    });
    await t.goto(`/people/${person}`);
    await t.getByTestId('note').getByText(SHARED).waitFor();
    // The shared entry is on the teammate's timeline, marked as the owner's, with nothing to edit.
    const entry = t.getByText('steering group, for the team');
    await entry.waitFor();
    await t.getByText('shared by Olivia Owner').waitFor();
    expect(await t.getByRole('button', { name: 'Edit entry' }).count()).toBe(0);
    // Their own balance with the person is zero: a sentence, not a flat line on an axis of 0 to 4.
    await t.getByTestId('balance-chart-empty').waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await t.screenshot({ path: join(SHOTS, 'person-as-teammate.png'), fullPage: true });
    expect(await t.content()).not.toContain(SECRET);
    for (const path of PAGES) {
      await t.goto(path);
      await t.waitForLoadState('networkidle');
      expect(await t.content(), path).not.toContain(SECRET);
    }
    const exported = await t.request.get('/api/v1/export?format=backup');
    expect(await exported.text()).not.toContain(SECRET);
    expect(seen.length).toBeGreaterThan(10);
    expect(seen.filter((body) => body.includes(SECRET))).toEqual([]);
    expect(teammate.problems).toEqual([]);

    // The owner takes the teammate out on the settings page; their session loses the workspace.
    await page.goto('/settings');
    await page.getByRole('tab', { name: 'Members' }).click();
    await page.getByRole('button', { name: 'Remove teo@example.com' }).click();
    await expect.poll(() => page.getByText('teo@example.com').count(), { timeout: 10_000 }).toBe(0);
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'settings-members.png') });
    expect((await t.request.get('/api/v1/people')).status()).toBeGreaterThanOrEqual(400);
    expect(owner.problems).toEqual([]);
  }, 120_000);
});
