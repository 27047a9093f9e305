import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

const env = { RAPPORT_NOW: '2026-11-23T10:00:00.000Z' };

interface Entry {
  person: { id: number; name: string };
  level: number | null;
  influence: number;
  influenceRank: number;
  brokerage: number;
  hidden: boolean;
  gatekeeper: boolean;
  reasons: { code: string; params: Record<string, unknown>; text: string }[];
}
interface Report {
  people: number;
  top: Entry[];
  hiddenInfluencers: Entry[];
  gatekeepers: Entry[];
  communities: { id: number; size: number; knownByMe: number }[];
  brokerage: { exact: boolean; sources: number; errorBound: number; confidence: number };
  cached: boolean;
}
interface Path {
  strength: number;
  score: number;
  people: { name: string }[];
  hops: { why: string[] }[];
}

describe('influence network on the demo organisation, run on the real binary', () => {
  const dir = tempDir();
  const db = join(dir, 'demo.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], env);
  const json = <T>(...args: string[]) => rapportJson<T>(['--db', db, ...args], env);
  let people: { id: number; name: string; level: number | null }[];

  beforeAll(async () => {
    expect((await run('demo')).code).toBe(0);
    people = await json('people');
  });

  it('declares, lists, re-weights and removes ties', async () => {
    const [a, b] = people;
    expect((await run('tie', a!.name, b!.name, '--kind', 'trust', '--weight', '2')).stdout).toMatch(
      /Declared tie/,
    );
    expect((await run('tie', a!.name, b!.name, '--kind', 'trust', '--weight', '5')).stdout).toMatch(
      /Updated tie/,
    );
    const ties =
      await json<{ from: { name: string }; to: { name: string }; kind: string; weight: number }[]>('ties');
    expect(ties).toContainEqual(
      expect.objectContaining({
        from: { id: a!.id, name: a!.name },
        to: { id: b!.id, name: b!.name },
        kind: 'trust',
        weight: 5,
      }),
    );
    expect((await run('ties', 'remove', a!.name, b!.name)).stdout).toMatch(/Removed 1 tie/);
    const after = await json<{ from: { name: string }; to: { name: string } }[]>('ties');
    expect(after.some((t) => t.from.name === a!.name && t.to.name === b!.name)).toBe(false);
  });

  it('refuses bad ties with one line naming the input, exit 1', async () => {
    const [a, b] = people;
    for (const [args, message] of [
      [
        ['tie', a!.name, b!.name, '--kind', 'gossip'],
        /kind must be one of advice, influence, trust, friction; got "gossip"/,
      ],
      [['tie', a!.name, b!.name, '--weight', '9'], /weight must be from 1 to 5; got 9/],
      [['tie', a!.name, 'Nobody Here'], /No person matches "Nobody Here"/],
      [['tie', a!.name, a!.name], /two different people/],
      [['ties', 'remove', a!.name, b!.name, '--kind', 'advice'], /No tie matches/],
      [
        ['influence', '--sources', 'emails'],
        /sources must be one of declared, reporting, meetings, mine; got "emails"/,
      ],
      [['influence', '--top', 'many'], /--top must be a whole number/],
      [['path', a!.name, b!.name, '--k', '0'], /--k must be from 1 to 20; got 0/],
      [['network', 'export', '--format', 'pdf'], /--format must be one of graphml, gexf, csv; got "pdf"/],
    ] as const) {
      const r = await run(...args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('ranks influence, explains it, and finds a hidden influencer sought out by senior people', async () => {
    // The most junior person in the demo becomes the one the five most senior go to for advice.
    const bySeniority = people.filter((p) => p.level !== null).sort((x, y) => x.level! - y.level!);
    const junior = bySeniority.at(-1)!;
    for (const senior of bySeniority.slice(0, 5)) {
      expect((await run('tie', senior.name, junior.name, '--kind', 'advice', '--weight', '5')).code).toBe(0);
    }
    const report = await json<Report>('influence', '--top', '5');
    expect(report.top).toHaveLength(5);
    expect(report.top.map((e) => e.influenceRank)).toEqual(
      [...report.top.map((e) => e.influenceRank)].sort((x, y) => x - y),
    );
    for (let i = 1; i < report.top.length; i++)
      expect(report.top[i]!.influence).toBeLessThanOrEqual(report.top[i - 1]!.influence);
    // Ranked among everyone but me: the demo has "me" set, and my own log ties me to all I meet.
    for (const e of report.top) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining([
          'person',
          'level',
          'influence',
          'influenceRank',
          'brokerage',
          'hidden',
          'gatekeeper',
          'reasons',
        ]),
      );
      expect(e.reasons[0]).toMatchObject({
        code: 'rank',
        params: { personId: e.person.id, rank: e.influenceRank, of: report.people - 1 },
      });
      expect(e.reasons[0]!.text).toMatch(
        new RegExp(`^ranked ${e.influenceRank}(st|nd|rd|th) of ${report.people - 1}`),
      );
    }
    const hidden = report.hiddenInfluencers.find((e) => e.person.id === junior.id);
    expect(hidden, `${junior.name} should be a hidden influencer`).toBeDefined();
    expect(hidden!.reasons[0]!.params).toMatchObject({ declaredTies: 5, fromSenior: 5 });
    expect(hidden!.reasons[0]!.text).toMatch(/sought out in 5 declared advice, influence or trust ties/);
    const why = hidden!.reasons.find((x) => x.code === 'hidden-influencer');
    expect(why?.params).toMatchObject({ personId: junior.id, level: junior.level });
    expect(why?.text).toMatch(/hidden influencer: influence at the \d+\w\w percentile, formal level/);
    expect(report.brokerage.exact).toBe(true);
    expect(report.communities.reduce((n, c) => n + c.size, 0)).toBe(report.people);
  });

  it('answers a second time from the cache, and recomputes after a change', async () => {
    const first = await json<Report>('influence', '--top', '3', '--sources', 'declared,reporting');
    const second = await json<Report>('influence', '--top', '3', '--sources', 'declared,reporting');
    expect(second.cached).toBe(true);
    expect(second.top).toEqual(first.top);
    const [a, b] = people;
    await run('tie', a!.name, b!.name, '--kind', 'influence', '--weight', '4');
    expect((await json<Report>('influence', '--top', '3', '--sources', 'declared,reporting')).cached).toBe(
      false,
    );
  });

  it('finds the strongest distinct influence paths, strongest first, each hop explained', async () => {
    const report = await json<Report>('influence', '--top', '2');
    const [from, to] = [report.top[1]!.person.name, people.find((p) => p.level === 5)!.name];
    const paths = await json<Path[]>('path', from, to, '--k', '3');
    expect(paths.length).toBeGreaterThan(0);
    expect(new Set(paths.map((p) => p.people.map((x) => x.name).join('>'))).size).toBe(paths.length);
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]!;
      expect(p.people[0]!.name).toBe(from);
      expect(p.people.at(-1)!.name).toBe(to);
      expect(p.hops).toHaveLength(p.people.length - 1);
      for (const h of p.hops) expect(h.why.length).toBeGreaterThan(0);
      // Ranked by walk score: strength discounted for steps a person would rather not take.
      if (i > 0) expect(p.score).toBeLessThanOrEqual(paths[i - 1]!.score);
      expect(p.score).toBeLessThanOrEqual(p.strength + 1e-12);
      expect(p.strength).toBeGreaterThan(0);
      expect(p.strength).toBeLessThanOrEqual(1);
    }
    const text = await run('path', from, to);
    expect(text.stdout).toMatch(/^1\. .* → .*\(strength [01]\.\d+\)/);
  });

  it('names, for each person to convert, a path from a champion or ally', async () => {
    const map = await json<{ quadrants: Record<string, { person: { name: string } }[]> }>(
      'map',
      '--initiative',
      'Pricing revamp',
    );
    const supporters = new Set(
      [...map.quadrants['champion']!, ...map.quadrants['ally']!].map((e) => e.person.name),
    );
    const c = await json<{ lines: { person: { name: string }; path: Path | null }[] }>(
      'coalition',
      '--initiative',
      'Pricing revamp',
    );
    expect(c.lines.map((l) => l.person.name).sort()).toEqual(
      map.quadrants['convert']!.map((e) => e.person.name).sort(),
    );
    for (const l of c.lines) {
      if (!l.path) continue;
      expect(supporters.has(l.path.people[0]!.name)).toBe(true);
      expect(l.path.people.at(-1)!.name).toBe(l.person.name);
    }
  });

  it('exports the network with metrics as GraphML, GEXF and Kumu CSV sheets', async () => {
    const graphml = (await run('network', 'export', '--format', 'graphml')).stdout;
    expect(graphml).toMatch(/^<\?xml/);
    expect(graphml.match(/<node id=/g)).toHaveLength(people.length);
    expect(graphml).toMatch(/<data key="influence">0\.\d+/);
    const gexf = (await run('network', 'export', '--format', 'gexf')).stdout;
    expect(gexf.match(/<node id=/g)).toHaveLength(people.length);
    const out = await run('network', 'export', '--format', 'csv', '--out', dir);
    expect(out.code).toBe(0);
    const elements = readFileSync(join(dir, 'network-elements.csv'), 'utf8').trim().split('\r\n');
    expect(elements[0]).toMatch(/^Label,Type,Id,/);
    expect(elements).toHaveLength(people.length + 1);
    const connections = readFileSync(join(dir, 'network-connections.csv'), 'utf8').trim().split('\r\n');
    expect(connections[0]).toBe('From,To,Type,Weight');
    expect(connections.length).toBeGreaterThan(people.length);
  });

  it('samples shortest paths above the exact threshold and prints brokerage to the digits its bound supports', async () => {
    const sampledDb = join(dir, 'sampled.db');
    const run2 = (...args: string[]) => rapport(['--db', sampledDb, ...args], env);
    expect((await run2('demo')).code).toBe(0);
    expect((await run2('settings', 'influence.exactBetweennessUpTo', '10')).code).toBe(0);
    const report = await rapportJson<Report>(['--db', sampledDb, 'influence'], env);
    expect(report.brokerage.exact).toBe(false);
    expect(report.brokerage.confidence).toBe(0.95);
    // Far tighter than the ±0.17 of 256 pivots on the same footing (every person at once).
    expect(report.brokerage.errorBound).toBeGreaterThan(0);
    expect(report.brokerage.errorBound).toBeLessThan(0.17);
    const text = (await run2('influence')).stdout;
    expect(text).toMatch(
      new RegExp(
        `brokerage sampled \\(${report.brokerage.sources} shortest-path searches\\), ±0\\.\\d+ at 95%`,
      ),
    );
    const decimals = Math.ceil(-Math.log10(report.brokerage.errorBound));
    const row = text.split('\n').find((l) => l.includes(report.top[0]!.person.name))!;
    expect(row).toContain(` ${report.top[0]!.brokerage.toFixed(decimals)} `);
    expect(row).not.toContain(report.top[0]!.brokerage.toFixed(4));
  });

  it('names the clusters where I know nobody', async () => {
    const fresh = join(dir, 'fresh.db');
    const run2 = (...args: string[]) => rapport(['--db', fresh, ...args], env);
    for (const name of ['Ann', 'Bob', 'Cy', 'Dee']) expect((await run2('person', 'add', name)).code).toBe(0);
    await run2('tie', 'Bob', 'Ann', '--weight', '5');
    await run2('tie', 'Dee', 'Cy', '--weight', '5');
    await run2('log', 'Ann', '--kind', 'coffee');
    const text = (await run2('influence')).stdout;
    expect(text).toMatch(
      /Clusters \(2, modularity 0\.\d+\): you know nobody in 1 of 2, including the one around Cy\./,
    );
  });
});

describe('the influence report reads on a terminal (issue 9 §5)', () => {
  it('fits 100 columns, does not repeat the reasons, limits clusters and says when the network is empty', async () => {
    const dir = tempDir();
    const db = join(dir, 'demo.db');
    expect((await rapport(['--db', db, 'demo'])).code).toBe(0);
    const r = await rapport(['--db', db, 'influence', '--top', '5', '--clusters', '3']);
    expect(r.code, r.stderr).toBe(0);
    for (const line of r.stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(r.stdout).not.toMatch(/ranked \d+\w\w of/);
    const clusterRows = r.stdout
      .split('Clusters (')[1]!
      .split('\n')
      .filter((l) => /^\d+\s{2}/.test(l));
    expect(clusterRows.length).toBeGreaterThanOrEqual(3);
    expect(r.stdout).toMatch(/… and \d+ smaller clusters .*--clusters N/);
    const json = await rapportJson<{ top: { reasons: { text: string }[] }[] }>([
      '--db',
      db,
      'influence',
      '--top',
      '5',
    ]);
    expect(json.top[0]!.reasons[0]!.text).toMatch(/^ranked 1st of/);

    const empty = join(dir, 'empty.db');
    expect((await rapport(['--db', empty, 'init'])).code).toBe(0);
    const none = await rapport(['--db', empty, 'influence']);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/network is empty.*rapport tie/s);
    expect(none.stdout).not.toMatch(/Clusters \(0/);
  });
});
