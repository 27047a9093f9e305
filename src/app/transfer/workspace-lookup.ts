import type { ImportsStore } from '../../store/index.js';
import { RefIndex } from './import-reporting-lines.js';
import { externalKey, type PersonLookup } from './person-lookup.js';

/** A set of person ids as one bit each: a million people in 125 kB. */
class IdBits {
  private bits = new Uint8Array(1024);
  add(id: number): void {
    if (id >> 3 >= this.bits.length) {
      const more = new Uint8Array(Math.max(this.bits.length * 2, (id >> 3) + 1));
      more.set(this.bits);
      this.bits = more;
    }
    this.bits[id >> 3]! |= 1 << (id & 7);
  }
  has(id: number): boolean {
    return id >> 3 < this.bits.length && (this.bits[id >> 3]! & (1 << (id & 7))) !== 0;
  }
}

/**
 * For a workspace that has people when the import begins (a re-import, next month's HR
 * export): every external id and email of the workspace read once, in one pass, into memory,
 * so matching a row by them asks the database nothing (it asked four queries per batch).
 * Numeric employee ids go into a typed table (RefIndex), not a Map of a million strings.
 * Names are asked of the database (its name index), a batch at a time: only the rows no id
 * or email matched need them, a few new hires in a monthly file, so loading a million names
 * would cost more than it saves.
 */
export class WorkspaceLookup implements PersonLookup {
  private readonly emailIds = new Map<string, number>();
  private readonly externalIds = new Map<string, RefIndex>();
  /** Per kind of external id, the people holding one. */
  private readonly holders = new Map<string, IdBits>();
  private readonly created = new IdBits();

  private constructor(
    private readonly repo: ImportsStore,
    private readonly ws: number,
  ) {}

  static async load(repo: ImportsStore, ws: number): Promise<WorkspaceLookup> {
    const lookup = new WorkspaceLookup(repo, ws);
    await repo.eachPersonKey(ws, {
      externalId: (kind, value, id) => lookup.keepExternal(kind, value, id),
      email: (email, id) => lookup.emailIds.set(email, id),
    });
    return lookup;
  }

  /** The first person to hold a value keeps it, as in the table (on conflict do nothing). */
  private keepExternal(kind: string, value: string, id: number): void {
    let values = this.externalIds.get(kind);
    let holders = this.holders.get(kind);
    if (!values || !holders) {
      values = new RefIndex();
      holders = new IdBits();
      this.externalIds.set(kind, values);
      this.holders.set(kind, holders);
    }
    if (values.has(value)) return;
    values.set(value, id);
    holders.add(id);
  }

  async idsByExternalIds(ids: readonly { kind: string; value: string }[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const { kind, value } of ids) {
      const id = this.externalIds.get(kind)?.get(value);
      if (id !== undefined) out.set(externalKey(kind, value), id);
    }
    return out;
  }

  async idsByEmails(emails: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const e of emails) {
      const id = this.emailIds.get(e);
      if (id !== undefined) out.set(e, id);
    }
    return out;
  }

  idsByNames(names: readonly string[]): Promise<Map<string, number[]>> {
    return this.repo.idsByNames(this.ws, names);
  }

  addedPerson(id: number, _name: string, emails: readonly string[]): void {
    this.created.add(id);
    this.addedEmails(id, emails);
  }

  addedEmails(id: number, emails: readonly string[]): void {
    for (const e of emails) if (!this.emailIds.has(e)) this.emailIds.set(e, id);
  }

  addedExternalIds(rows: readonly [number, string, string][]): void {
    for (const [id, kind, value] of rows) this.keepExternal(kind, value, id);
  }

  namedOtherwise(id: number, kinds: readonly string[]): boolean {
    return this.created.has(id) || kinds.some((k) => this.holders.get(k)?.has(id) === true);
  }
}
