import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

interface Line {
  id: number;
  kind: string;
  note: string | null;
  shared: boolean;
  author: { id: number; name: string } | null;
}
interface Ledger {
  entries: Line[];
  totals: { entries: number; deposits: number; withdrawals: number };
}

/** The ledger is each member's: my balance with a person is what I gave and took, not my teammate's. */
describeEachDialect("each member's ledger and balance, and what they share", ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let owner: string;
  let teammate: string;
  let person = 0;

  const log = async (cookie: string, body: Record<string, unknown>) => {
    const res = await api.call('POST', '/api/v1/interactions', { cookie }, { people: [person], ...body });
    expect(res.status, res.text).toBe(201);
    return res.body as { id: number; shared: boolean };
  };
  const ledgerOf = async (cookie: string) =>
    (await api.call('GET', `/api/v1/people/${person}/ledger`, { cookie })).body as Ledger;
  const balanceOf = async (cookie: string) =>
    (await api.call('GET', `/api/v1/people/${person}/balance`, { cookie })).body as {
      balance: number;
      deposits: number;
      withdrawals: number;
    };

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    const o = await api.owner(false);
    owner = o.cookie;
    teammate = await api.teammate(o.ws, 'teo@example.com', 'Teo Mate');
    const made = await api.call('POST', '/api/v1/people', { cookie: owner }, { name: 'Pat Lee' });
    person = (made.body as { id: number }).id;
  });
  afterAll(() => cleanup());

  it('two members logging with one person keep two balances', async () => {
    await log(owner, { kind: 'help-given', capital: 5, note: 'covered her call' });
    await log(teammate, { kind: 'ask', capital: -2, note: 'asked for data' });
    expect(await balanceOf(owner)).toMatchObject({ balance: 5, deposits: 5, withdrawals: 0 });
    expect(await balanceOf(teammate)).toMatchObject({ balance: -2, deposits: 0, withdrawals: 2 });
    const balances = (await api.call('GET', '/api/v1/balances', { cookie: teammate })).body as {
      person: { id: number };
      balance: number;
    }[];
    expect(balances.find((b) => b.person.id === person)?.balance).toBe(-2);
    const mine = await ledgerOf(teammate);
    expect(mine.entries.map((e) => e.note)).toEqual(['asked for data']);
    expect(mine.totals).toMatchObject({ entries: 1, deposits: 0, withdrawals: 2 });
  });

  it("a shared entry is on the teammate's timeline, marked with its author, out of their totals and theirs to read only", async () => {
    const shared = await log(owner, { kind: 'meeting', note: 'steering group, for the team', shared: true });
    expect(shared.shared).toBe(true);
    const seen = await ledgerOf(teammate);
    const line = seen.entries.find((e) => e.id === shared.id);
    expect(line).toMatchObject({ shared: true, author: { name: 'Olivia Owner' } });
    expect(seen.entries.find((e) => e.note === 'covered her call')).toBeUndefined();
    expect(seen.totals.entries).toBe(1);
    expect((await ledgerOf(owner)).entries.find((e) => e.id === shared.id)).toMatchObject({ author: null });

    const edit = await api.call(
      'PATCH',
      `/api/v1/interactions/${shared.id}`,
      { cookie: teammate },
      { note: 'x' },
    );
    expect(edit.status).toBe(403);
    expect(edit.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await api.call('DELETE', `/api/v1/interactions/${shared.id}`, { cookie: teammate })).status).toBe(
      403,
    );

    // Made private again by its author, it leaves the teammate's timeline.
    const back = await api.call(
      'PATCH',
      `/api/v1/interactions/${shared.id}`,
      { cookie: owner },
      { shared: false },
    );
    expect(back.status, back.text).toBe(200);
    expect((await ledgerOf(teammate)).entries.find((e) => e.id === shared.id)).toBeUndefined();
  });

  it("another member's private entry does not exist for a teammate: 404 on every write", async () => {
    const own = (await ledgerOf(owner)).entries.find((e) => e.note === 'covered her call')!;
    for (const [method, url] of [
      ['PATCH', `/api/v1/interactions/${own.id}`],
      ['DELETE', `/api/v1/interactions/${own.id}`],
    ] as const) {
      const res = await api.call(
        method,
        url,
        { cookie: teammate },
        method === 'PATCH' ? { note: 'x' } : undefined,
      );
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.text).not.toContain('covered her call');
    }
    // The author removes it; the teammate cannot bring it back, the author can.
    expect((await api.call('DELETE', `/api/v1/interactions/${own.id}`, { cookie: owner })).status).toBe(200);
    expect(
      (await api.call('POST', `/api/v1/interactions/${own.id}/restore`, { cookie: teammate })).status,
    ).toBe(404);
    expect((await api.call('POST', `/api/v1/interactions/${own.id}/restore`, { cookie: owner })).status).toBe(
      201,
    );
    expect((await balanceOf(owner)).deposits).toBe(5);
  });
});
