// The web app as a user feels it (issue 15), in Debian's Chromium driven by playwright-core against
// `rapport serve` on a seeded SQLite workspace:
// - "This week" on the relationship workspace (10,000 people, 1,000,000 interactions;
//   bench/relationship-seed.ts): navigation to the first focus item visible, cold (a new browser
//   context, nothing cached) and warm (the same context again);
// - the stakeholder map of an initiative with 500 assessed people (two assessments each, so 500
//   trails): navigation to the 500th person drawn, the render alone (from the last API answer the
//   page waits for to the map drawn), and the frame rate, long tasks and main-thread time per
//   pointer move while dragging a person for two seconds at 60 moves a second;
// - the network page with the 10,000 people and 50,000 declared ties: navigation to sigma's first
//   frame, and the frame rate and long tasks while panning and while zooming, two seconds each.
// Every time is read in the page (performance.now(), from navigation start), not from this
// process. Idle frame rate in the same page is the ceiling to compare against (headless, no GPU).
// Run: npm run build && npm run bench:build && node dist-bench/bench/web-pages.js
// Env: BENCH_PEOPLE, BENCH_INTERACTIONS (relationship-seed), BENCH_TIES (50000), BENCH_MAP (500),
//      BENCH_REPEAT (3), BENCH_DB (reuse a seeded file; kept), BENCH_SHOTS (folder for screenshots),
//      BENCH_PAGES (demo,week,map,network: the parts to run), BENCH_BIN (another build to serve)
// "demo" is the issue's own measure: This week on the sample company a new server starts with
// (`rapport serve` on an empty database, the owner created), cold and warm.
import { existsSync, mkdirSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { seededRandom } from '../src/analytics/random.js';
import { TIE_KINDS } from '../src/domain/influence.js';
import { openStore, type Store } from '../src/store/index.js';
import { createSqliteDatabase } from '../src/store/test-support/databases.js';
import { launch } from '../test/web/browser.js';
import { BIN, start, stop } from './child-server.js';
import { assessAtRandom, INTERACTIONS, NOW_ISO, PEOPLE, seed } from './relationship-seed.js';
import {
  idle,
  type Load,
  measureLoad,
  measureMotion,
  median,
  ms,
  paced,
  pause,
  signedInContext,
  signIn,
} from './web-measure.js';

const TIES = Number(process.env.BENCH_TIES ?? 50_000);
/** Which parts to run: demo (This week on the sample company), week, map, network. */
const PARTS = new Set((process.env.BENCH_PAGES ?? 'demo,week,map,network').split(','));
const MAP_PEOPLE = Number(process.env.BENCH_MAP ?? 500);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const SHOTS = process.env.BENCH_SHOTS;
const MAP_NAME = 'Bench map';
const load = () =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** The map's initiative (MAP_PEOPLE people, each assessed twice) and TIES declared ties. */
async function seedWeb(store: Store, ws: number): Promise<void> {
  const rand = seededRandom(15);
  const ids = (await store.network.people(ws)).map((p) => p.id);
  const initiative = await store.initiatives.insert(ws, MAP_NAME, null, NOW_ISO);
  const picked = new Set<number>();
  while (picked.size < Math.min(MAP_PEOPLE, ids.length)) picked.add(ids[Math.floor(rand() * ids.length)]!);
  await store.transaction(async (tx) => {
    for (const person of picked)
      for (const ago of [90, 10 + Math.floor(rand() * 30)])
        await assessAtRandom(tx, ws, initiative, person, rand, ago);
  });
  const seen = new Set<string>();
  const from: number[] = [];
  const to: number[] = [];
  while (from.length < TIES) {
    const a = ids[Math.floor(rand() * ids.length)]!;
    const b = ids[Math.floor(rand() * ids.length)]!;
    if (a === b || seen.has(`${a},${b}`)) continue;
    seen.add(`${a},${b}`);
    from.push(a);
    to.push(b);
  }
  const n = from.length;
  const kinds = TIE_KINDS.filter((k) => k !== 'friction');
  const added = {
    from: Int32Array.from(from),
    to: Int32Array.from(to),
    weight: Float64Array.from({ length: n }, () => 1 + Math.floor(rand() * 5)),
    kind: Uint8Array.from({ length: n }, () => TIE_KINDS.indexOf(kinds[Math.floor(rand() * kinds.length)]!)),
  };
  const none = {
    from: new Int32Array(),
    to: new Int32Array(),
    weight: new Float64Array(),
    kind: new Uint8Array(),
  };
  await store.transaction(async (tx) => {
    await tx.imports.writeTies(ws, added, none, NOW_ISO);
    await tx.network.bumpVersion(ws);
  });
}

const rows: string[][] = [];
const row = (...cells: string[]) => {
  rows.push(cells);
  console.error(cells.join(' | '));
};

/** The measure: This week on the sample company, cold (a new context) and warm (again). */
async function demoWeek(): Promise<void> {
  const demoDb = await createSqliteDatabase('rapport-bench-demo-');
  const demo = await start([BIN, 'serve', '--db', demoDb.location, '--port', '0'], {
    RAPPORT_LOG_LEVEL: 'warn',
  });
  const browser = await launch();
  try {
    const cookie = await signIn(demo.url);
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let i = 0; i < Math.max(REPEAT, 3); i++) {
      const context = await signedInContext(browser, demo.url, cookie);
      const first = await measureLoad(context, '/', '[data-testid="focus-item"]', 1);
      cold.push(first.load);
      await first.page.close();
      const again = await measureLoad(context, '/', '[data-testid="focus-item"]', 1);
      warm.push(again.load);
      await context.close();
    }
    for (const [kind, xs] of [
      ['cold', cold],
      ['warm', warm],
    ] as const)
      row(
        'This week, sample company',
        `${kind}: navigation → shown`,
        `${ms(median(xs.map((x) => x.shown)))} (${xs.map((x) => Math.round(x.shown)).join(', ')})`,
        `after data ${ms(median(xs.map((x) => x.afterData)))}; slowest API ${ms(median(xs.map((x) => x.slowestApi.ms)))} median`,
      );
  } finally {
    await browser.close();
    await stop(demo.child);
    await demoDb.drop();
  }
}

function report(): void {
  console.log(
    `${PEOPLE} people, ${INTERACTIONS} interactions, ${TIES} ties, map of ${MAP_PEOPLE}; ${REPEAT} runs each (median, then each); ${cpus().length} cores, Node ${process.version}; load ${loadsSeen.join(' → ')}`,
  );
  console.log('| page | measure | result | detail |\n|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

const loadsSeen: string[] = [load()];
if (PARTS.has('demo')) {
  await demoWeek();
  loadsSeen.push(load());
}
if (!['week', 'map', 'network'].some((p) => PARTS.has(p))) {
  report();
  process.exit(0);
}

const kept = process.env.BENCH_DB;
const db = kept ? { location: kept, drop: async () => {} } : await createSqliteDatabase('rapport-bench-web-');
if (!kept || !existsSync(kept)) {
  const t0 = Date.now();
  const store = await openStore(db.location, { migrate: true });
  const { ws } = await seed(store);
  await seedWeb(store, ws);
  await store.analyze();
  await store.close();
  console.error(`seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s, load ${load()}`);
}
const server = await start([BIN, 'serve', '--db', db.location, '--port', '0', '--no-demo'], {
  RAPPORT_LOG_LEVEL: 'warn',
});
const browser = await launch();
try {
  const cookie = await signIn(server.url);
  const newContext = () => signedInContext(browser, server.url, cookie);
  const shot = async (page: Page, file: string) => {
    if (!SHOTS) return;
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, file), fullPage: false });
  };
  const initiatives = (await (
    await fetch(`${server.url}/api/v1/initiatives`, { headers: { cookie } })
  ).json()) as { items?: { id: number; name: string }[] } | { id: number; name: string }[];
  const list = Array.isArray(initiatives) ? initiatives : (initiatives.items ?? []);
  const mapId = list.find((i) => i.name === MAP_NAME)?.id;
  if (!mapId) throw new Error(`no initiative named ${MAP_NAME}`);

  const pages = (
    [
      ['This week', '/', '[data-testid="focus-item"]', 1, false, 'week'],
      [
        `Map, ${MAP_PEOPLE} people`,
        `/map/${mapId}`,
        '.stakeholder-map .map-person',
        MAP_PEOPLE,
        false,
        'map',
      ],
      [`Network, ${PEOPLE} people`, '/network', 'canvas.sigma-nodes', 1, true, 'network'],
    ] as [string, string, string, number, boolean, string][]
  ).filter((p) => PARTS.has(p[5]));
  for (const [label, path, selector, count, frame] of pages) {
    const cold: Load[] = [];
    const warm: Load[] = [];
    for (let i = 0; i < REPEAT; i++) {
      const context = await newContext();
      const first = await measureLoad(context, path, selector, count, frame);
      cold.push(first.load);
      await first.page.close();
      const again = await measureLoad(context, path, selector, count, frame);
      warm.push(again.load);
      if (i === 0) await shot(again.page, `${path.split('/')[1] || 'this-week'}.png`);
      await context.close();
    }
    loadsSeen.push(load());
    for (const [kind, xs] of [
      ['cold', cold],
      ['warm', warm],
    ] as const) {
      const slow = xs.map((x) => x.slowestApi).sort((a, b) => b.ms - a.ms)[0]!;
      row(
        label,
        `${kind}: navigation → shown`,
        `${ms(median(xs.map((x) => x.shown)))} (${xs.map((x) => Math.round(x.shown)).join(', ')})`,
        `after data ${ms(median(xs.map((x) => x.afterData)))}; slowest API ${slow.path} ${ms(slow.ms)}; long tasks ${median(xs.map((x) => x.longTasks))}, longest ${ms(median(xs.map((x) => x.longestTask)))}`,
      );
    }
  }

  // Dragging a person on the map, and panning and zooming the network: frames while it happens.
  for (let i = 0; PARTS.has('map') && i < REPEAT; i++) {
    const context = await newContext();
    const { page } = await measureLoad(context, `/map/${mapId}`, '.stakeholder-map .map-person', MAP_PEOPLE);
    await pause(500);
    const still = await idle(page);
    const dot = page.locator('.stakeholder-map .map-person circle').nth(Math.floor(MAP_PEOPLE / 2));
    const svg = await page.locator('.stakeholder-map').boundingBox();
    await dot.scrollIntoViewIfNeeded();
    const box = (await dot.boundingBox())!;
    const area = (await page.locator('.stakeholder-map').boundingBox()) ?? svg!;
    const drag = await measureMotion(page, async () => {
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      return paced((k) =>
        page.mouse.move(
          area.x + area.width * (0.3 + 0.4 * Math.abs(Math.sin(k / 20))),
          area.y + area.height * (0.3 + 0.4 * Math.abs(Math.cos(k / 25))),
        ),
      );
    });
    await page.mouse.up();
    if (i === 0) await shot(page, 'map-after-drag.png');
    row(
      `Map, ${MAP_PEOPLE} people`,
      `drag a person 2 s (${drag.events} moves)`,
      `${drag.fps.toFixed(0)} fps (idle ${still.fps.toFixed(0)})`,
      `frames > 50 ms ${drag.slowFrames}, worst ${ms(drag.worstFrame)}; long tasks ${drag.longTasks}; main thread ${drag.msPerEvent.toFixed(1)} ms per move`,
    );
    await context.close();
  }
  for (let i = 0; PARTS.has('network') && i < REPEAT; i++) {
    const context = await newContext();
    const { page, load: first } = await measureLoad(context, '/network', 'canvas.sigma-nodes', 1, true);
    // The layout runs in a worker and the people move once it is done: pan the laid-out drawing.
    await page.locator('.network-canvas[data-layout="done"]').waitFor({ timeout: 300_000 });
    const laidOut = (await page.evaluate(() => performance.now())) as number;
    row(
      `Network, ${PEOPLE} people`,
      'layout done (worker), after first frame',
      ms(laidOut - first.shown),
      '',
    );
    await pause(1000);
    const still = await idle(page);
    const area = (await page.locator('canvas.sigma-nodes').boundingBox())!;
    const cx = area.x + area.width / 2;
    const cy = area.y + area.height / 2;
    await page.mouse.move(cx, cy);
    const pan = await measureMotion(page, async () => {
      await page.mouse.down();
      const n = await paced((k) => page.mouse.move(cx + 200 * Math.sin(k / 15), cy + 120 * Math.sin(k / 22)));
      await page.mouse.up();
      return n;
    });
    const zoom = await measureMotion(page, () => paced((k) => page.mouse.wheel(0, k % 40 < 20 ? -60 : 60)));
    if (i === 0) await shot(page, 'network-after-zoom.png');
    for (const [what, m] of [
      [`pan 2 s (${pan.events} moves)`, pan],
      [`zoom 2 s (${zoom.events} wheel steps)`, zoom],
    ] as const)
      row(
        `Network, ${PEOPLE} people`,
        what,
        `${m.fps.toFixed(0)} fps (idle ${still.fps.toFixed(0)})`,
        `frames > 50 ms ${m.slowFrames}, worst ${ms(m.worstFrame)}; long tasks ${m.longTasks}; main thread ${m.msPerEvent.toFixed(1)} ms per event`,
      );
    await context.close();
  }
  loadsSeen.push(load());
} finally {
  await browser.close();
  await stop(server.child);
  await db.drop();
}

report();
