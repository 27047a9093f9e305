import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { rapport, rapportJson, tempDir } from './cli.js';

// A small organisation built to have known answers (issue 12): I am Alex (level 3) under Keiko;
// Sam reports to me, Tia and Uli to Sam; Pat, Mara and Omar are my peers; Vera is a vendor.
const NOW = '2026-11-23T12:00:00.000Z';
const env = { RAPPORT_NOW: NOW };

interface Explained {
  code: string;
  params: Record<string, unknown>;
  text: string;
}
interface FocusItem {
  kind: string;
  person: { id: number; name: string } | null;
  action: Explained;
  why: Explained[];
}

describe('coaching the practices (issue 12 §1–4)', () => {
  const db = join(tempDir(), 'practices.db');
  const run = (...args: string[]) => rapport(['--db', db, ...args], env);
  const json = <T>(...args: string[]) => rapportJson<T>(['--db', db, ...args], env);
  const ok = async (...args: string[]) => {
    const r = await run(...args);
    expect(r.stderr, args.join(' ')).toBe('');
    expect(r.code, args.join(' ')).toBe(0);
  };

  beforeAll(async () => {
    await ok('init');
    await ok('person', 'add', 'Keiko Sato', '--level', '2', '--tier', 'partner', '--department', 'Product');
    await ok('person', 'add', 'Alex Kim', '--manager', 'Keiko Sato', '--interests', 'cycling, chess');
    await ok('me', 'Alex Kim');
    await ok('person', 'add', 'Sam Ortiz', '--manager', 'Alex Kim', '--tier', 'friend');
    await ok('person', 'add', 'Tia Brown', '--manager', 'Sam Ortiz', '--tier', 'friend');
    await ok('person', 'add', 'Uli Berg', '--manager', 'Sam Ortiz', '--tier', 'friend');
    await ok(
      'person',
      'add',
      'Pat Lee',
      '--manager',
      'Keiko Sato',
      '--tier',
      'friend',
      '--department',
      'Sales',
    );
    await ok('person', 'add', 'Mara Diaz', '--manager', 'Keiko Sato', '--tier', 'friend');
    await ok(
      'person',
      'add',
      'Omar Haddad',
      '--manager',
      'Keiko Sato',
      '--tier',
      'partner',
      '--interests',
      'Cycling, opera',
    );
    await ok(
      'person',
      'add',
      'Vera Novak',
      '--category',
      'provider',
      '--company',
      'Acme',
      '--tier',
      'acquaintance',
    );
    // Up: a lot of time with Keiko, one-to-one, informal too.
    for (const d of ['2026-09-01', '2026-09-20', '2026-10-05', '2026-10-20', '2026-11-02', '2026-11-16']) {
      await ok('log', 'Keiko Sato', '--kind', 'meeting', '--date', d);
    }
    await ok('log', 'Keiko Sato', '--kind', 'lunch', '--date', '2026-10-10');
    // Across: Mara got me on Helen's calendar 12 days ago, never thanked; one coffee with her.
    await ok('log', 'Mara Diaz', '--kind', 'coffee', '--date', '2026-10-01');
    await ok(
      'log',
      'Mara Diaz',
      '--kind',
      'help-received',
      '--note',
      "getting you on Helen's calendar",
      '--date',
      '2026-11-11',
    );
    // Pat helped and was thanked two days later; then I asked twice, and an ask is coming.
    await ok('log', 'Pat Lee', '--kind', 'help-received', '--date', '2026-11-01');
    await ok('log', 'Pat Lee', '--kind', 'gratitude', '--date', '2026-11-03');
    await ok('log', 'Pat Lee', '--kind', 'ask', '--date', '2026-11-10');
    await ok('log', 'Pat Lee', '--kind', 'ask', '--date', '2026-11-12');
    await ok(
      'plan',
      'Pat Lee',
      '--strategy',
      'proactive',
      '--step',
      'Ask Pat for two sales engineers',
      '--due',
      '2026-11-28',
    );
    // Sam introduced me to someone three days ago: owed, but not yet for focus (7 days).
    await ok(
      'log',
      'Sam Ortiz',
      '--kind',
      'introduction-received',
      '--note',
      'the data team lead',
      '--date',
      '2026-11-20',
    );
    // Vera: one lunch, long ago.
    await ok('log', 'Vera Novak', '--kind', 'lunch', '--date', '2026-08-01');
    // Omar: only formal meetings, both of us like cycling.
    await ok('log', 'Omar Haddad', 'Keiko Sato', 'Pat Lee', '--kind', 'meeting', '--date', '2026-11-05');
    await ok('log', 'Omar Haddad', 'Keiko Sato', '--kind', 'meeting', '--date', '2026-11-19');
  }, 120_000);

  it('thanks: the favours not yet thanked, with what they did, and thanks by direction', async () => {
    const v = await json<{
      owed: { person: { name: string }; daysAgo: number; reason: Explained }[];
      spread: { directions: Record<string, { thanks: number }>; thankedNobody: string[] };
    }>('thanks');
    expect(v.owed.map((o) => o.person.name)).toEqual(['Mara Diaz', 'Sam Ortiz']);
    expect(v.owed[0]!.reason.text).toBe("Thank Mara Diaz for getting you on Helen's calendar (12 days ago)");
    expect(v.owed[1]!.reason.text).toBe(
      'Thank Sam Ortiz for introducing you to the data team lead (3 days ago)',
    );
    expect(v.spread.directions.across!.thanks).toBe(1);
    // I met Keiko (up) and Sam (down) in the window and thanked neither.
    expect(v.spread.thankedNobody).toEqual(['up', 'down']);
    const text = await run('thanks');
    expect(text.stdout).toContain('You thanked nobody below you in the last 90 days.');
  });

  it('attention: interactions skewed upward beside relationships that are mostly below', async () => {
    const v = await json<{
      directions: Record<string, { interactionShare: number; importantShare: number; peopleMet: number }>;
      imbalances: Explained[];
      severe: boolean;
      neverMetBelow: { person: { name: string }; level: number }[];
    }>('attention');
    expect(v.directions.up!.interactionShare).toBeGreaterThan(40);
    expect(v.directions.down!.interactionShare).toBeLessThan(10);
    // Sam, Tia and Uli are three of my eight important relationships; I met only Sam, once.
    expect(v.directions.down!.importantShare).toBe(38);
    expect(v.imbalances.map((i) => i.params.direction)).toEqual(['down']);
    expect(v.imbalances[0]!.text).toMatch(
      /^\d+ % of your interactions go down, where 38 % of your important relationships are\.$/,
    );
    expect(v.neverMetBelow.map((p) => p.person.name)).toEqual(['Tia Brown', 'Uli Berg']);
    expect((await run('attention', '--days', '0')).code).not.toBe(0);
  });

  it('deposits: the people where a deposit pays, with why and ideas in their currency', async () => {
    const list =
      await json<{ person: { name: string }; why: Explained[]; ideas: string[]; ideasFrom: string }[]>(
        'deposits',
      );
    const pat = list.find((p) => p.person.name === 'Pat Lee')!;
    expect(pat.why.map((w) => w.code)).toEqual(
      expect.arrayContaining(['ask-coming', 'balance-low', 'balance-falling']),
    );
    expect(pat.ideasFrom).toBe('Sales');
    expect(pat.ideas).toContain('join a customer call with them');
    expect(list[0]!.person.name).toBe('Pat Lee');
    // The workspace's own playbook wins; a bad one is refused naming the setting, nothing stored.
    const bad = await run('settings', 'deposits.playbook', '{"Sales": []}');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/deposits\.playbook.*"Sales" must list 1 to 10 ideas/);
    await ok(
      'settings',
      'deposits.playbook',
      '{"sales": ["demo the roadmap to their top account"], "general": ["offer help"]}',
    );
    const mine = await json<{ person: { name: string }; ideas: string[] }[]>('deposits');
    expect(mine.find((p) => p.person.name === 'Pat Lee')!.ideas).toEqual([
      'demo the roadmap to their top account',
    ]);
    await ok('settings', 'deposits.playbook', '--reset');
  });

  it('stages and focus: the week names the thank-you, the lopsided attention and the next step with Omar', async () => {
    const items = await json<FocusItem[]>('focus');
    const thanks = items.filter((i) => i.kind === 'thanks');
    expect(thanks.map((i) => i.person?.name)).toEqual(['Mara Diaz']);
    expect(thanks[0]!.action.text).toBe("Thank Mara Diaz for getting you on Helen's calendar (12 days ago)");
    expect(items.some((i) => i.kind === 'attention' && /go down/.test(i.why[0]!.text))).toBe(true);
    // Pat's ask is coming in five days and the balance is low: a deposit first, in Sales' currency.
    const pat = items.find((i) => i.kind === 'deposit')!;
    expect(pat.person?.name).toBe('Pat Lee');
    expect(pat.action.text).toBe(
      'Make a deposit with Pat Lee before "Ask Pat for two sales engineers" (due 2026-11-28): join a customer call with them.',
    );
    const omar = items.find((i) => i.person?.name === 'Omar Haddad')!;
    expect(omar.action.text).toBe('Invite Omar Haddad for coffee.');
    expect(omar.why.map((w) => w.text)).toContain(
      'you have only met in formal settings; you both like cycling',
    );
    // Thanking Mara takes her off the list.
    await ok('log', 'Mara Diaz', '--kind', 'gratitude');
    expect((await json<FocusItem[]>('focus')).some((i) => i.kind === 'thanks')).toBe(false);
    // Time spent down the same day changes the picture at once (the daily view is not stale).
    for (const who of ['Sam Ortiz', 'Tia Brown', 'Uli Berg', 'Sam Ortiz', 'Tia Brown', 'Uli Berg']) {
      await ok('log', who, '--kind', 'meeting', '--date', 'yesterday');
    }
    expect((await json<FocusItem[]>('focus')).some((i) => i.kind === 'attention')).toBe(false);
  });

  it('person show gives the stage, what it rests on and the common ground', async () => {
    const omar = await json<{ stage: { stage: string; commonGround: string[] } }>(
      'person',
      'show',
      'Omar Haddad',
    );
    expect(omar.stage.stage).toBe('new');
    expect(omar.stage.commonGround).toEqual(['cycling']);
    const keiko = await json<{ stage: { stage: string; oneToOne: number } }>('person', 'show', 'Keiko Sato');
    expect(keiko.stage.stage).toBe('established');
    const vera = await json<{ stage: { stage: string; next: { action: Explained } } }>(
      'person',
      'show',
      'Vera Novak',
    );
    expect(vera.stage.stage).toBe('engaged');
    expect(vera.stage.next.action.text).toBe('Make time with Vera Novak regular.');
    // The people list gives the same stage for every tiered relationship, and none for me.
    const people = await json<{ name: string; stage: string | null }[]>('people');
    const stageOf = (name: string) => people.find((p) => p.name === name)!.stage;
    expect([
      stageOf('Omar Haddad'),
      stageOf('Keiko Sato'),
      stageOf('Vera Novak'),
      stageOf('Alex Kim'),
    ]).toEqual(['new', 'established', 'engaged', null]);
    expect((await run('people')).stdout).toMatch(/Omar Haddad\s.*\bpartner\s+new\b/);
    const text = await run('person', 'show', 'Omar Haddad');
    expect(text.stdout).toMatch(/stage:\s+new — next: Invite Omar Haddad for coffee\./);
    // The last contact apart from the last one-to-one (issue 13 §5): meetings are not real contact.
    expect(text.stdout).toMatch(/ledger:\s+2 interactions, last on 2026-11-19; last one-to-one never/);
    const withKeiko = await json<{ interactions: { lastAt: string; lastOneToOneAt: string | null } }>(
      'person',
      'show',
      'Keiko Sato',
    );
    // Keiko's last contact is the meeting with Omar; her last one-to-one came three days before.
    expect(withKeiko.interactions.lastAt.slice(0, 10)).toBe('2026-11-19');
    expect(withKeiko.interactions.lastOneToOneAt?.slice(0, 10)).toBe('2026-11-16');
  });
});
