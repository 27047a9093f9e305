import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixtureGraph, loadFixture } from '../../../test/analytics-fixtures.js';
import { betweenness, seededRandom } from '../../analytics/index.js';
import { describeEachDialect } from '../../store/test-support/dialects.js';
import type { Rapport } from '../core/context.js';
import { addPerson, setMe } from '../people/people.js';
import { logInteraction } from '../relationship/log.js';
import { importFile } from '../transfer/import.js';
import { parallelBetweenness } from './betweenness-parallel.js';
import { influence } from './influence.js';
import { influencePaths } from './influence-paths.js';
import { loadNetwork, sourceOf } from './network.js';
import { declareTie, listTies } from './ties.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

describeEachDialect('influence network', ({ fresh }) => {
  let r: Rapport;
  let cleanup: () => Promise<void>;
  beforeEach(async () => {
    const f = await fresh();
    const ws = await f.store.workspaces.ensure('default', NOW.toISOString());
    r = { store: f.store, ws, now: () => NOW, close: async () => {} };
    cleanup = f.cleanup;
    await addPerson(r, { name: 'Ceo', level: 1 });
    await addPerson(r, { name: 'Vp', level: 2, manager: 'Ceo' });
    await addPerson(r, { name: 'Ann', level: 4, manager: 'Vp' });
    await addPerson(r, { name: 'Bob', level: 4, manager: 'Vp' });
    await addPerson(r, { name: 'Cy', level: 4, manager: 'Vp' });
  });
  afterEach(() => cleanup());

  const tiesOf = async (sources: Parameters<typeof loadNetwork>[1]) => {
    const net = await loadNetwork(r, sources);
    const name = (i: number) => net.people[i]!.name;
    return Array.from(net.raw.from, (f, e) => ({
      from: name(f),
      to: name(net.raw.to[e]!),
      weight: net.raw.weight[e]!,
      source: sourceOf(net.raw.source[e]!),
    }));
  };

  it('builds ties from reporting lines and declared ties, leaving friction out', async () => {
    await declareTie(r, { from: 'Bob', to: 'Ann', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Cy', to: 'Ann', kind: 'friction', weight: 5 });
    const ties = await tiesOf(['declared', 'reporting']);
    expect(ties).toContainEqual({ from: 'Bob', to: 'Ann', weight: 5, source: 'declared' });
    expect(ties).toContainEqual({ from: 'Ann', to: 'Vp', weight: 3, source: 'reporting' });
    expect(ties.some((t) => t.from === 'Cy' && t.to === 'Ann')).toBe(false);
    expect((await tiesOf(['declared'])).every((t) => t.source === 'declared')).toBe(true);
  });

  it('hands over the graph before the people are read in full, and loads the same network either way', async () => {
    await declareTie(r, { from: 'Bob', to: 'Ann', kind: 'advice', weight: 5 });
    await logInteraction(r, { people: ['Ann', 'Cy'], kind: 'meeting', date: '2026-11-20' });
    const sources = ['declared', 'reporting', 'meetings'] as const;
    const plain = await loadNetwork(r, [...sources]);
    let handed: unknown;
    const early = await loadNetwork(r, [...sources], { onGraph: (g) => (handed = g) });
    expect(handed).toBe(early.graph);
    expect(early.people).toEqual(plain.people);
    expect(early.raw).toEqual(plain.raw);
    expect(early.graph).toEqual(plain.graph);
    expect(early.known).toEqual(plain.known);
  });

  it('ties people who meet together, more for frequent and recent meetings', async () => {
    await logInteraction(r, { people: ['Ann', 'Bob'], kind: 'meeting', date: '2026-11-20' });
    await logInteraction(r, { people: ['Ann', 'Bob'], kind: 'meeting', date: '2026-11-21' });
    await logInteraction(r, { people: ['Ann', 'Cy'], kind: 'meeting', date: '2025-11-21' });
    const ties = await tiesOf(['meetings']);
    const w = (a: string, b: string) => ties.find((t) => t.from === a && t.to === b)?.weight ?? 0;
    expect(w('Ann', 'Bob')).toBeGreaterThan(1.9);
    expect(w('Bob', 'Ann')).toBe(w('Ann', 'Bob'));
    // A year old at a 180-day half-life: about a quarter of a fresh meeting.
    expect(w('Ann', 'Cy')).toBeCloseTo(2 ** (-367 / 180), 2);
    expect(w('Bob', 'Cy')).toBe(0);
  });

  // Senior means the top 20% by level: here only the CEO.
  it('ranks the person everyone seeks above their formal level and explains why', async () => {
    for (const who of ['Ceo', 'Vp', 'Bob', 'Cy'])
      await declareTie(r, { from: who, to: 'Ann', kind: 'advice', weight: 5 });
    const report = await influence(r, { top: 5, sources: ['declared', 'reporting'] });
    expect(report.top[0]!.person.name).toBe('Ann');
    const ann = report.top[0]!;
    expect(ann.reasons[0]).toEqual({
      code: 'rank',
      params: {
        personId: ann.person.id,
        rank: 1,
        of: 5,
        declaredTies: 4,
        reports: 0,
        sharedMeetings: 0,
        fromSenior: 1,
      },
      text: 'ranked 1st of 5: sought out in 4 declared advice, influence or trust ties; 1 of these ties comes from senior people',
    });
    expect(report.top.reduce((s, e) => s + e.influence, 0)).toBeCloseTo(1, 12);
  });

  it('a hidden influencer found from meetings alone says the evidence is meetings, not advice (issue 13 §7)', async () => {
    // Dee, outside the reporting tree, is in every meeting; nobody declared seeking her advice.
    await addPerson(r, { name: 'Dee', level: 5 });
    for (const who of ['Ceo', 'Vp', 'Ann', 'Bob', 'Cy'])
      for (const date of ['2026-11-10', '2026-11-17'])
        await logInteraction(r, { people: ['Dee', who], kind: 'meeting', date });
    const report = await influence(r, { top: 6, sources: ['meetings'] });
    const dee = report.hiddenInfluencers.find((e) => e.person.name === 'Dee');
    expect(dee, JSON.stringify(report.hiddenInfluencers.map((e) => e.person.name))).toBeDefined();
    const why = dee!.reasons.find((w) => w.code === 'hidden-influencer')!;
    expect(why.params).toMatchObject({ evidence: 'meetings' });
    expect(why.text).toMatch(
      /the evidence is only who is in meetings with them, not who seeks their advice$/,
    );
  });

  it('weighted, brokerage follows strong ties (stronger = shorter)', async () => {
    // Ann reaches Cy through Bob on strong ties or through Vp on weak ones.
    await declareTie(r, { from: 'Ann', to: 'Bob', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Bob', to: 'Cy', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Ann', to: 'Vp', kind: 'advice', weight: 1 });
    await declareTie(r, { from: 'Vp', to: 'Cy', kind: 'advice', weight: 1 });
    const brokerage = async (weighted: boolean) => {
      const rep = await influence(r, { top: 5, sources: ['declared'], weighted });
      return Object.fromEntries(rep.top.map((e) => [e.person.name, e.brokerage]));
    };
    const plain = await brokerage(false);
    expect(plain['Bob']).toBeCloseTo(plain['Vp']!, 12);
    const weighted = await brokerage(true);
    expect(weighted['Bob']).toBeGreaterThan(0);
    expect(weighted['Vp']).toBe(0);
  });

  it('imports a ties CSV: creates, then finds everything in place; unknown people fail the import', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-ties-'));
    const good = join(dir, 'ties.csv');
    writeFileSync(good, 'From,To,Type,Weight\nBob,Ann,advice,4\nCy,Ann,trust,5\n');
    const first = await importFile(r, { path: good });
    expect(first.ties).toEqual({ created: 2, unchanged: 0 });
    const again = await importFile(r, { path: good });
    expect(again.ties).toEqual({ created: 0, unchanged: 2 });
    expect(again.changed).toBe(false);
    expect((await listTies(r)).map((t) => `${t.from.name}>${t.to.name}:${t.kind}:${t.weight}`)).toEqual([
      'Bob>Ann:advice:4',
      'Cy>Ann:trust:5',
    ]);

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'From,To,Type,Weight\nBob,Vp,advice,3\nNobody,Ann,advice,3\n');
    await expect(importFile(r, { path: bad })).rejects.toThrow(
      /bad\.csv.*line 3.*No person matches "Nobody"/,
    );
    expect(await listTies(r)).toHaveLength(2);
    const skipped = await importFile(r, { path: bad, skipInvalid: true });
    expect(skipped.ties.created).toBe(1);
    expect(skipped.skipped).toEqual([
      { where: 'bad.csv, line 3', reason: expect.stringMatching(/No person matches "Nobody"/) },
    ]);
  });

  it('serves a repeated question from the cache until the data or the settings change', async () => {
    await declareTie(r, { from: 'Bob', to: 'Ann', kind: 'advice', weight: 5 });
    expect((await influence(r, { top: 3 })).cached).toBe(false);
    expect((await influence(r, { top: 3 })).cached).toBe(true);
    await r.store.settings.set(r.ws, 'influence', { hiddenMargin: 10 });
    expect((await influence(r, { top: 3 })).cached).toBe(false);
    await addPerson(r, { name: 'Dee', level: 5 });
    expect((await influence(r, { top: 3 })).cached).toBe(false);
    await logInteraction(r, { people: ['Dee', 'Ann'], kind: 'meeting' });
    expect((await influence(r, { top: 3 })).cached).toBe(false);
    expect((await influence(r, { top: 3 })).cached).toBe(true);
  });

  it('explains each hop of an influence path', async () => {
    await declareTie(r, { from: 'Bob', to: 'Ann', kind: 'advice', weight: 5 });
    const [path] = await influencePaths(r, { from: 'Ann', to: 'Bob', k: 1 });
    expect(path!.people.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    const [ann, bob] = path!.people.map((p) => p.id);
    // Ann walks to Bob over Bob's tie to her: the sentence keeps Ann, the walker, as its subject.
    expect(path!.hops[0]!).toMatchObject({ kind: 'advice', direction: 'backward' });
    expect(path!.hops[0]!.why).toEqual([
      {
        code: 'gives-advice',
        params: { personIds: [ann!, bob!], weight: 5, kind: 'advice', direction: 'backward' },
        text: 'Ann advises Bob (5)',
      },
    ]);
  });

  it('never routes a path through me, though one may start or end with me (issue 13 §6)', async () => {
    // Strongest Ann → Bob would be Ann → Cy → Bob with Cy as me; the path must go another way.
    await setMe(r, { person: 'Cy' });
    await declareTie(r, { from: 'Cy', to: 'Ann', kind: 'advice', weight: 5 });
    await declareTie(r, { from: 'Bob', to: 'Cy', kind: 'advice', weight: 5 });
    // The weaker way round: Vp seeks Ann's advice now and then, and Bob reports to Vp.
    await declareTie(r, { from: 'Vp', to: 'Ann', kind: 'advice', weight: 1 });
    const paths = await influencePaths(r, { from: 'Ann', to: 'Bob', k: 3 });
    expect(paths[0]!.people.map((x) => x.name)).toEqual(['Ann', 'Vp', 'Bob']);
    for (const p of paths) expect(p.people.slice(1, -1).map((x) => x.name)).not.toContain('Cy');
    const [fromMe] = await influencePaths(r, { from: 'Cy', to: 'Bob', k: 1 });
    expect(fromMe!.people.map((x) => x.name)).toEqual(['Cy', 'Bob']);
  });
});

describe('parallel betweenness', () => {
  const worker = new URL('../../../dist/app/influence/betweenness-worker.js', import.meta.url);
  const g = fixtureGraph(loadFixture('krackhardt-advice'));

  // The worker runs compiled JavaScript: `npm test` builds dist/ first.
  it.skipIf(!existsSync(fileURLToPath(worker)))(
    'splits sources across threads and adds up to the single-thread result',
    async () => {
      const single = betweenness(g);
      const parallel = await parallelBetweenness(g, {}, { threads: 2, minWork: 0, workerUrl: worker });
      expect(parallel.threads).toBe(2);
      for (let i = 0; i < g.n; i++) expect(parallel.scores[i]).toBeCloseTo(single.scores[i]!, 14);
      const sampled = await parallelBetweenness(
        g,
        { exactUpTo: 5, pivots: 8, random: seededRandom(3) },
        { threads: 2, minWork: 0, workerUrl: worker },
      );
      expect(sampled.exact).toBe(false);
      const sampledSingle = betweenness(g, { exactUpTo: 5, pivots: 8, random: seededRandom(3) }).scores;
      for (let i = 0; i < g.n; i++) expect(sampled.scores[i]).toBeCloseTo(sampledSingle[i]!, 14);
    },
  );

  it('stays on the calling thread when the work is small or no worker is built', async () => {
    const missing = new URL('../no-such-worker.js', import.meta.url);
    const r = await parallelBetweenness(g, {}, { threads: 2, minWork: 0, workerUrl: missing });
    expect(r.threads).toBe(1);
    expect(r.scores).toEqual(betweenness(g).scores);
  });
});
