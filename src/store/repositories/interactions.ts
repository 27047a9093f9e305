import type { Kysely } from 'kysely';
import type { Interaction, InteractionKind } from '../../domain/interaction.js';
import type { Database } from '../schema.js';

export interface NewInteraction {
  occurredAt: string;
  kind: InteractionKind;
  capital: number;
  note: string | null;
  initiativeId: number | null;
  personIds: number[];
  source: string | null;
  /** Shared with the workspace; private to its author when absent. */
  shared?: boolean;
}

/** One line of a person's ledger: an interaction seen from that person's side. */
export interface LedgerEntry {
  interactionId: number;
  occurredAt: string;
  kind: InteractionKind;
  capital: number;
  note: string | null;
  initiativeId: number | null;
  withPersonIds: number[];
  /** Who logged it: the asking member, or another member who shared it. */
  authorId: number;
  shared: boolean;
}

/**
 * The social-capital ledger of one member (migration 0760): what they logged, private unless
 * shared. Another member's shared entries can be read (a person's timeline, one entry), never
 * changed; another member's private entries are not there at all.
 */
export class InteractionsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    /** Whose ledger: the member this store acts as. */
    private readonly member: number,
  ) {}

  async insert(ws: number, input: NewInteraction, now: string): Promise<number> {
    const { id } = await this.db
      .insertInto('interactions')
      .values({
        workspace_id: ws,
        occurred_at: input.occurredAt,
        kind: input.kind,
        capital: input.capital,
        note: input.note,
        initiative_id: input.initiativeId,
        source: input.source,
        created_at: now,
        author_id: this.member,
        shared: input.shared ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.db
      .insertInto('interaction_people')
      .values(
        input.personIds.map((person_id) => ({
          workspace_id: ws,
          interaction_id: id,
          person_id,
          party: input.personIds.length,
          occurred_at: input.occurredAt,
          capital: input.capital,
          member_id: this.member,
          kind: input.kind,
        })),
      )
      .execute();
    return id;
  }

  /** Every entry of the member's ledger with a person summed, however many of them a page shows. */
  async ledgerTotals(
    ws: number,
    personId: number,
  ): Promise<{ entries: number; deposits: number; withdrawals: number }> {
    const row = await this.db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('entries'),
        eb.fn
          .sum<number>(eb.case().when('i.capital', '>', 0).then(eb.ref('i.capital')).else(0).end())
          .as('deposits'),
        eb.fn
          .sum<number>(eb.case().when('i.capital', '<', 0).then(eb.ref('i.capital')).else(0).end())
          .as('withdrawals'),
      ])
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.member)
      .where('ip.person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return {
      entries: Number(row.entries),
      deposits: Number(row.deposits ?? 0),
      withdrawals: Math.abs(Number(row.withdrawals ?? 0)),
    };
  }

  /**
   * The member's ledger with a person, newest first, with who else took part in each entry;
   * with `shared`, other members' shared entries with them too (a timeline, not a balance).
   */
  async ledger(
    ws: number,
    personId: number,
    opts: { limit?: number; shared?: boolean } = {},
  ): Promise<LedgerEntry[]> {
    const columns = [
      'i.id',
      'i.occurred_at',
      'i.kind',
      'i.capital',
      'i.note',
      'i.initiative_id',
      'i.author_id',
      'i.shared',
    ] as const;
    let own = this.db
      .selectFrom('interaction_people as ip')
      .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
      .select(columns)
      .where('ip.workspace_id', '=', ws)
      .where('ip.member_id', '=', this.member)
      .where('ip.person_id', '=', personId)
      .orderBy('ip.occurred_at', 'desc')
      .orderBy('i.id', 'desc');
    if (opts.limit !== undefined) own = own.limit(opts.limit);
    let rows = await own.execute();
    if (opts.shared) {
      // Read through the person's index: a person's shared entries are few beside the ledger.
      let theirs = this.db
        .selectFrom('interaction_people as ip')
        .innerJoin('interactions as i', 'i.id', 'ip.interaction_id')
        .select(columns)
        .where('ip.person_id', '=', personId)
        .where('ip.workspace_id', '=', ws)
        .where('ip.member_id', '!=', this.member)
        .where('i.shared', '=', 1)
        .orderBy('ip.occurred_at', 'desc')
        .orderBy('i.id', 'desc');
      if (opts.limit !== undefined) theirs = theirs.limit(opts.limit);
      const others = await theirs.execute();
      if (others.length > 0) {
        rows = [...rows, ...others].sort((a, b) =>
          a.occurred_at === b.occurred_at ? b.id - a.id : a.occurred_at < b.occurred_at ? 1 : -1,
        );
        if (opts.limit !== undefined) rows = rows.slice(0, opts.limit);
      }
    }
    if (rows.length === 0) return [];
    const others = await this.db
      .selectFrom('interaction_people')
      .select(['interaction_id', 'person_id'])
      .where('workspace_id', '=', ws)
      .where(
        'interaction_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('person_id', '!=', personId)
      .orderBy('person_id')
      .execute();
    const withBy = new Map<number, number[]>();
    for (const o of others) {
      const l = withBy.get(o.interaction_id);
      if (l) l.push(o.person_id);
      else withBy.set(o.interaction_id, [o.person_id]);
    }
    return rows.map((r) => ({
      interactionId: r.id,
      occurredAt: r.occurred_at,
      kind: r.kind as InteractionKind,
      capital: r.capital,
      note: r.note,
      initiativeId: r.initiative_id,
      withPersonIds: withBy.get(r.id) ?? [],
      authorId: r.author_id,
      shared: r.shared === 1,
    }));
  }

  /** Changes a logged interaction; the ledger rows of everyone in it follow (and the rollup). */
  async update(
    ws: number,
    id: number,
    fields: {
      occurredAt: string;
      kind: InteractionKind;
      capital: number;
      note: string | null;
      initiativeId: number | null;
      shared: boolean;
    },
  ): Promise<void> {
    await this.db
      .updateTable('interactions')
      .set({
        occurred_at: fields.occurredAt,
        kind: fields.kind,
        capital: fields.capital,
        note: fields.note,
        initiative_id: fields.initiativeId,
        shared: fields.shared ? 1 : 0,
      })
      .where('workspace_id', '=', ws)
      .where('author_id', '=', this.member)
      .where('id', '=', id)
      .execute();
    await this.db
      .updateTable('interaction_people')
      .set({ occurred_at: fields.occurredAt, capital: fields.capital, kind: fields.kind })
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where('interaction_id', '=', id)
      .execute();
  }

  /** Removes one of the member's logged interactions and its ledger rows; true when there was one. */
  async remove(ws: number, id: number): Promise<boolean> {
    await this.db
      .deleteFrom('interaction_people')
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where('interaction_id', '=', id)
      .execute();
    const r = await this.db
      .deleteFrom('interactions')
      .where('workspace_id', '=', ws)
      .where('author_id', '=', this.member)
      .where('id', '=', id)
      .executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  /**
   * Keeps a removed entry for `keepDays` so it can be restored; older ones are dropped here,
   * so the table never holds more than the last weeks' removals.
   */
  async keepRemoved(ws: number, entry: Interaction, at: string, keepDays: number): Promise<void> {
    const cutoff = new Date(Date.parse(at) - keepDays * 86_400_000).toISOString();
    await this.db
      .deleteFrom('removed_interactions')
      .where('workspace_id', '=', ws)
      .where((eb) => eb.or([eb('removed_at', '<', cutoff), eb('id', '=', entry.id)]))
      .execute();
    await this.db
      .insertInto('removed_interactions')
      .values({ workspace_id: ws, id: entry.id, entry: JSON.stringify(entry), removed_at: at })
      .execute();
  }

  /**
   * Takes one of the member's kept removed entries out of the keep, once; undefined when none
   * of theirs is kept by that id (another member's removal is not theirs to bring back).
   */
  async takeRemoved(ws: number, id: number): Promise<Interaction | undefined> {
    const row = await this.db
      .selectFrom('removed_interactions')
      .select('entry')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    const entry = JSON.parse(row.entry) as Interaction;
    // Entries kept before migration 0760 carry no author: the local member's or the owner's.
    if ((entry.authorId ?? this.member) !== this.member) return undefined;
    await this.db
      .deleteFrom('removed_interactions')
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .execute();
    return entry;
  }

  /** One entry of the member's, or one another member shared; another's private entry is not found. */
  async get(ws: number, id: number): Promise<Interaction | undefined> {
    const r = await this.db
      .selectFrom('interactions')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('id', '=', id)
      .where((eb) => eb.or([eb('author_id', '=', this.member), eb('shared', '=', 1)]))
      .executeTakeFirst();
    if (!r) return undefined;
    const people = await this.db
      .selectFrom('interaction_people')
      .select('person_id')
      .where('interaction_id', '=', id)
      .orderBy('person_id')
      .execute();
    return {
      id: r.id,
      occurredAt: r.occurred_at,
      kind: r.kind as InteractionKind,
      capital: r.capital,
      note: r.note,
      initiativeId: r.initiative_id,
      personIds: people.map((p) => p.person_id),
      source: r.source,
      authorId: r.author_id,
      shared: r.shared === 1,
    };
  }

  async countForPerson(ws: number, personId: number): Promise<{ count: number; last: string | null }> {
    const r = await this.db
      .selectFrom('interaction_people')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('occurred_at').as('last')])
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    return { count: Number(r.n), last: (r.last as string | null) ?? null };
  }

  /** The latest interaction with this person and nobody else: a one-to-one, not a meeting. */
  async lastOneToOne(ws: number, personId: number): Promise<string | null> {
    const r = await this.db
      .selectFrom('interaction_people')
      .select((eb) => eb.fn.max('occurred_at').as('last'))
      .where('workspace_id', '=', ws)
      .where('member_id', '=', this.member)
      .where('person_id', '=', personId)
      .where('party', '=', 1)
      .executeTakeFirstOrThrow();
    return (r.last as string | null) ?? null;
  }

  /** Entries in the member's ledger. */
  async count(ws: number): Promise<number> {
    const r = await this.db
      .selectFrom('interactions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('workspace_id', '=', ws)
      .where('author_id', '=', this.member)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
