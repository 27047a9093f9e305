import { afterEach, beforeEach, expect, it } from 'vitest';
import { balance, decayFromAnchor } from '../../domain/balance.js';
import { newPersonFields } from '../../domain/person.js';
import type { Store } from '../index.js';
import { describeEachDialect } from '../test-support/dialects.js';

const NOW = '2026-11-23T10:00:00.000Z';
const daysAgo = (d: number, hour = 9): string => new Date(Date.UTC(2026, 10, 23 - d, hour, 30)).toISOString();

describeEachDialect('relationship aggregates', ({ fresh }) => {
  let store: Store;
  let ws: number;
  let cleanup: () => Promise<void>;
  let dana: number;
  let sam: number;
  let lee: number;
  let apollo: number;
  beforeEach(async () => {
    ({ store, cleanup } = await fresh());
    ws = await store.workspaces.ensure('default', NOW);
    dana = await store.people.insert(
      ws,
      newPersonFields({ name: 'Dana', tier: 'partner', interests: ['jazz'] }),
      null,
      NOW,
    );
    sam = await store.people.insert(ws, newPersonFields({ name: 'Sam', team: 'Web' }), dana, NOW);
    lee = await store.people.insert(ws, newPersonFields({ name: 'Lee' }), null, NOW);
    apollo = await store.initiatives.insert(ws, 'Apollo', null, NOW);
    const log = (
      occurredAt: string,
      capital: number,
      personIds: number[],
      initiativeId: number | null = null,
    ) =>
      store.interactions.insert(
        ws,
        { occurredAt, kind: 'meeting', capital, note: null, initiativeId, personIds, source: null },
        NOW,
      );
    await log(daysAgo(0), 3, [dana]);
    await log(daysAgo(180, 23), -4, [dana, sam], apollo);
    await log(daysAgo(180, 1), 2, [dana]);
    await log(daysAgo(400), 5, [sam]);
    await log(daysAgo(91), -1, [sam]);
    await log(daysAgo(-3), 2, [sam]); // dated after today: counts in full
  });
  afterEach(() => cleanup());

  it('sums decayed capital in SQL exactly as the domain rule does from per-day sums', async () => {
    const sums = await store.relationship.capitalSums(ws, '2026-11-23', 180);
    const byId = new Map(sums.map((s) => [s.personId, s]));
    expect(byId.get(dana)).toMatchObject({ deposits: 5, withdrawals: 4, lastInteractionAt: daysAgo(0) });
    // 3 + (−4 + 2)·½ = 2
    expect(byId.get(dana)!.decayed).toBeCloseTo(2, 10);
    expect(byId.has(lee)).toBe(false);
    for (const id of [dana, sam]) {
      const { days, lastInteractionAt } = await store.relationship.capitalDays(ws, id);
      const b = balance(id, days, lastInteractionAt, new Date(NOW), 180);
      expect(byId.get(id)!.decayed).toBeCloseTo(b.balance, 2);
      expect([byId.get(id)!.deposits, byId.get(id)!.withdrawals, byId.get(id)!.lastInteractionAt]).toEqual([
        b.deposits,
        b.withdrawals,
        b.lastInteractionAt,
      ]);
    }
    expect(await store.relationship.capitalSums(ws, '2026-11-23', 180, [lee])).toEqual([]);
  });

  it('keeps a rollup that triggers mark stale on every ledger change and that decays like the direct sum', async () => {
    const check = async (today: string, h: number) => {
      const params = { halfLifeDays: h, largeMeeting: 6 };
      if (await store.relationship.capitalStale(ws, params)) {
        await store.transaction((tx) => tx.relationship.refreshCapital(ws, today, params));
      }
      expect(await store.relationship.capitalStale(ws, params)).toBe(false);
      const direct = new Map(
        (await store.relationship.capitalSums(ws, today, h)).map((s) => [s.personId, s]),
      );
      const rolled = await store.relationship.capitalRollup(ws);
      expect(rolled.map((x) => x.personId).sort()).toEqual([...direct.keys()].sort());
      for (const x of rolled) {
        const d = direct.get(x.personId)!;
        expect([x.deposits, x.withdrawals, x.lastInteractionAt]).toEqual([
          d.deposits,
          d.withdrawals,
          d.lastInteractionAt,
        ]);
        if (x.maxDay <= today) {
          expect(decayFromAnchor(x.weighted, x.anchorDay, new Date(`${today}T12:00:00Z`), h)).toBeCloseTo(
            d.decayed,
            9,
          );
          expect(
            decayFromAnchor(x.weightedDeposits, x.anchorDay, new Date(`${today}T12:00:00Z`), h),
          ).toBeCloseTo(d.decayedDeposits, 9);
          expect(x.weightedDeposits - x.weightedWithdrawals).toBeCloseTo(x.weighted, 9);
        }
      }
    };
    expect(await store.relationship.capitalStale(ws, { halfLifeDays: 180, largeMeeting: 6 })).toBe(true);
    await check('2026-11-23', 180);
    // Read 40 days later without any change: still exact from the old anchor.
    expect(await store.relationship.capitalStale(ws, { halfLifeDays: 180, largeMeeting: 6 })).toBe(false);
    await check('2027-01-02', 180);
    // A new interaction, a removed person and a new half-life each make it stale.
    await store.interactions.insert(
      ws,
      {
        occurredAt: daysAgo(1),
        kind: 'ask',
        capital: -2,
        note: null,
        initiativeId: null,
        personIds: [lee],
        source: null,
      },
      NOW,
    );
    expect(await store.relationship.capitalStale(ws, { halfLifeDays: 180, largeMeeting: 6 })).toBe(true);
    await check('2026-11-23', 180);
    await store.people.remove(ws, dana);
    expect(await store.relationship.capitalStale(ws, { halfLifeDays: 180, largeMeeting: 6 })).toBe(true);
    await check('2026-11-23', 180);
    expect((await store.relationship.capitalRollup(ws)).some((x) => x.personId === dana)).toBe(false);
    expect(await store.relationship.capitalStale(ws, { halfLifeDays: 90, largeMeeting: 6 })).toBe(true);
    await check('2026-11-23', 90);
  });

  it('keeps the last one-to-one and the last small meeting apart from attendance at large ones', async () => {
    const extra = await Promise.all(
      ['A', 'B', 'C', 'D', 'E'].map((n) => store.people.insert(ws, newPersonFields({ name: n }), null, NOW)),
    );
    const meet = (occurredAt: string, personIds: number[]) =>
      store.interactions.insert(
        ws,
        { occurredAt, kind: 'meeting', capital: 0, note: null, initiativeId: null, personIds, source: null },
        NOW,
      );
    await meet(daysAgo(5), [lee, extra[0]!, extra[1]!]); // 4 people with me: small
    await meet(daysAgo(2), [lee, ...extra]); // 7 people with me: large at 6, small at 7
    await meet(daysAgo(30), [lee]);
    const rows = async (largeMeeting: number) => {
      const params = { halfLifeDays: 180, largeMeeting };
      expect(await store.relationship.capitalStale(ws, params)).toBe(true);
      await store.transaction((tx) => tx.relationship.refreshCapital(ws, '2026-11-23', params));
      expect(await store.relationship.capitalStale(ws, params)).toBe(false);
      return new Map((await store.relationship.capitalRollup(ws)).map((r) => [r.personId, r]));
    };
    const at6 = await rows(6);
    expect(at6.get(lee)).toMatchObject({
      lastInteractionAt: daysAgo(2),
      lastOneToOneAt: daysAgo(30),
      lastGroupAt: daysAgo(5),
    });
    // Dana's last contact is alone; the meeting with Sam 180 days ago is a group of three.
    expect(at6.get(dana)).toMatchObject({ lastOneToOneAt: daysAgo(0), lastGroupAt: daysAgo(180, 23) });
    expect(at6.get(extra[4]!)).toMatchObject({ lastOneToOneAt: null, lastGroupAt: null });
    // Another threshold rebuilds every row: the seven-person meeting now counts.
    const at7 = await rows(7);
    expect(at7.get(lee)!.lastGroupAt).toBe(daysAgo(2));
    expect(at7.get(extra[4]!)!.lastGroupAt).toBe(daysAgo(2));
  });

  it('counts contacts in a window and finds the last one per person', async () => {
    const stats = await store.relationship.contactStats(
      ws,
      daysAgo(90, 0).slice(0, 10),
      undefined,
      daysAgo(365, 0).slice(0, 10),
    );
    expect(stats.get(dana)).toEqual({ lastInteractionAt: daysAgo(0), recent: 1, long: 3 });
    expect(stats.get(sam)).toEqual({ lastInteractionAt: daysAgo(-3), recent: 1, long: 3 });
    expect(stats.get(lee)).toEqual({ lastInteractionAt: null, recent: 0, long: 0 });
    // Without a long window, `long` is the window's own count.
    expect((await store.relationship.contactStats(ws, daysAgo(90, 0).slice(0, 10))).get(dana)!.long).toBe(1);
    expect([...(await store.relationship.contactStats(ws, '2000-01-01', [sam])).keys()]).toEqual([sam]);
  });

  it('finds people tagged on an initiative and who shared interactions', async () => {
    const tagged = await store.relationship.taggedPeople(ws, [apollo]);
    expect([...(tagged.get(apollo) ?? [])].sort()).toEqual([dana, sam].sort());
    expect((await store.relationship.sharedInteractions(ws, sam)).map((x) => x.personId)).toEqual([dana]);
    const people = await store.relationship.people(ws);
    expect(people.find((p) => p.id === dana)).toMatchObject({ tier: 'partner', hasInterests: true });
    expect(people.find((p) => p.id === sam)).toMatchObject({
      managerId: dana,
      team: 'Web',
      hasInterests: false,
    });
  });

  it('keeps plans with dated steps and lists those due', async () => {
    const plan = await store.plans.create(ws, dana, 'connect', NOW);
    expect(await store.plans.findId(ws, dana, 'connect')).toBe(plan);
    const s1 = await store.plans.addStep(ws, plan, 'Ask about jazz', '2026-11-20');
    await store.plans.addStep(ws, plan, 'Concert tickets', '2026-12-10');
    expect((await store.plans.withStepsDue(ws, '2026-11-23')).map((p) => p.id)).toEqual([plan]);
    expect(await store.plans.completeStep(ws, s1, NOW)).toBe(true);
    expect(await store.plans.completeStep(ws, 9999, NOW)).toBe(false);
    expect(await store.plans.withStepsDue(ws, '2026-11-23')).toEqual([]);
    const [listed] = await store.plans.list(ws, dana);
    expect(listed!.steps.map((s) => [s.text, s.doneAt])).toEqual([
      ['Ask about jazz', NOW],
      ['Concert tickets', null],
    ]);
  });

  it('reduces the maps to what focus acts on, agreeing with the domain review rules', async () => {
    const zeus = await store.initiatives.insert(ws, 'Zeus', null, NOW);
    const old = await store.initiatives.insert(ws, 'Old', null, NOW);
    await store.initiatives.archive(ws, old, NOW);
    const put = (i: number, p: number, influence: number, stance: number, d: number) =>
      store.assessments.insert(
        ws,
        i,
        p,
        { influence, stance, interconnectedness: null, note: null },
        daysAgo(d),
      );
    await put(apollo, dana, 80, 10, 50);
    await put(apollo, dana, 80, -40, 10); // now a convert, and fell 50
    await put(apollo, sam, 30, 60, 40);
    await put(apollo, sam, 30, 25, 31); // fell 35, stale (31 days)
    await put(apollo, lee, 90, -90, 30); // convert, exactly 30 days: not stale
    await put(zeus, lee, 20, 0, 100); // stale only
    await put(zeus, dana, 70, 50, 5); // a high-influence supporter: focus weighs champions too
    await put(old, sam, 99, -99, 1); // archived initiative: ignored
    const r = await store.relationship.focusAssessments(ws, {
      influence: 50,
      stance: 20,
      stanceDrop: 30,
      staleBefore: '2026-10-24', // 30 days before 2026-11-23
    });
    const key = (a: { initiativeId: number; personId: number }) => `${a.initiativeId}:${a.personId}`;
    expect(new Map(r.flagged.map((a) => [key(a), [a.influence, a.stance, a.previousStance]]))).toEqual(
      new Map([
        [`${apollo}:${dana}`, [80, -40, 10]],
        [`${apollo}:${sam}`, [30, 25, 60]],
        [`${apollo}:${lee}`, [90, -90, null]],
        [`${zeus}:${dana}`, [70, 50, null]],
      ]),
    );
    // The stale shortlist, most influential first.
    expect(r.staleTop.map((a) => [key(a), a.influence])).toEqual([
      [`${apollo}:${sam}`, 30],
      [`${zeus}:${lee}`, 20],
    ]);
    expect(r.stale.sort((a, b) => a.initiativeId - b.initiativeId)).toEqual([
      { initiativeId: apollo, count: 1, oldestAt: daysAgo(31), somePersonId: sam },
      { initiativeId: zeus, count: 1, oldestAt: daysAgo(100), somePersonId: lee },
    ]);
  });

  it('gives the last contacts of the people the member keeps a row for, and of no one else', async () => {
    await store.interactions.insert(
      ws,
      {
        occurredAt: daysAgo(5),
        kind: 'ask',
        capital: -2,
        note: null,
        initiativeId: null,
        personIds: [lee],
        source: null,
      },
      NOW,
    );
    const params = { halfLifeDays: 180, largeMeeting: 6 };
    await store.transaction((tx) => tx.relationship.refreshCapital(ws, '2026-11-23', params));
    // Only Dana has a tier: the member's row.
    expect(await store.relationship.lastContactsOfMine(ws)).toEqual([
      {
        personId: dana,
        lastInteractionAt: daysAgo(0),
        maxDay: daysAgo(0).slice(0, 10),
        lastOneToOneAt: daysAgo(0),
        lastGroupAt: daysAgo(180, 23),
      },
    ]);
  });

  // 70,000 is past both engines' limit on the parameters of one statement.
  it('answers for more ids than one statement may carry', async () => {
    const many = [...Array.from({ length: 70_000 }, (_, i) => 100_000 + i), dana, sam];
    if (await store.relationship.capitalStale(ws, { halfLifeDays: 180, largeMeeting: 6 })) {
      await store.transaction((tx) =>
        tx.relationship.refreshCapital(ws, '2026-11-23', { halfLifeDays: 180, largeMeeting: 6 }),
      );
    }
    expect((await store.relationship.capitalRollup(ws, many)).map((x) => x.personId).sort()).toEqual(
      [dana, sam].sort(),
    );
    expect((await store.relationship.capitalSums(ws, '2026-11-23', 180, many)).length).toBe(2);
    expect((await store.relationship.people(ws, { ids: many })).map((p) => p.name)).toEqual(['Dana', 'Sam']);
    expect([...(await store.relationship.contactStats(ws, '2000-01-01', many)).keys()].sort()).toEqual(
      [dana, sam].sort(),
    );
    expect(await store.relationship.activeAssessments(ws, many)).toEqual([]);
  });
});
