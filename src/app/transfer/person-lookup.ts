import type { ImportsStore } from '../../store/index.js';
import { nameKey } from '../../store/index.js';
import { KeyHashes } from './key-hashes.js';

/** An external id as the lookups key it: kind and value. */
export const externalKey = (kind: string, value: string): string => `${kind}\u0000${value}`;

/**
 * How an import finds the people a file names: by external id, email or exact name. The
 * answers are the store's (ImportsStore's lookups of the same names); only how they are
 * found differs.
 */
export interface PersonLookup {
  /** Keyed `kind\u0000value` (externalKey). */
  idsByExternalIds(ids: readonly { kind: string; value: string }[]): Promise<Map<string, number>>;
  idsByEmails(emails: readonly string[]): Promise<Map<string, number>>;
  /** Ids per lower-cased name, oldest first. */
  idsByNames(names: readonly string[]): Promise<Map<string, number[]>>;
  /** Told what the import wrote, so later lookups see it. */
  addedPerson(id: number, name: string, emails: readonly string[]): void;
  addedEmails(id: number, emails: readonly string[]): void;
  addedExternalIds(rows: readonly [number, string, string][]): void;
  /**
   * Whether a person is someone else than a row carrying ids of these kinds, none of them
   * known: they hold an id of one of those kinds (so a different one), or this import created
   * them (from another row). Such a row is not matched to them by name: two people of one
   * name with different employee ids stay two people.
   */
  namedOtherwise(id: number, kinds: readonly string[]): boolean;
}

/**
 * For a workspace that was empty when the import began: everyone in it came from this
 * import, so a key the import never wrote names nobody and needs no query. The keys written
 * are kept as hashes (KeyHashes); a key whose hash was seen is asked of the database, which
 * gives the exact answer. A first import of a million rows then asks almost nothing, and the
 * people table's secondary indexes are not needed until the end (deferIndexes): names
 * are confirmed through the people seen, by id.
 */
export class NewWorkspaceLookup implements PersonLookup {
  private readonly names = new KeyHashes();
  private readonly emails = new KeyHashes();
  /** Per kind of external id, so a value is hashed as it is, with no key built per row. */
  private readonly external = new Map<string, KeyHashes>();

  /**
   * `refs`: the file's own ids seen so far (the import's RefIndex). An org chart's plain rows
   * (import-org-columns.ts) add their employee id, which is their file id, there and not here:
   * one table less to fill per row. Any employee id among them may be someone's.
   */
  constructor(
    private readonly repo: ImportsStore,
    private readonly ws: number,
    private readonly refs: { has(ref: string): boolean } | null = null,
  ) {}

  async idsByExternalIds(ids: readonly { kind: string; value: string }[]): Promise<Map<string, number>> {
    const seen = ids.filter((x) => this.mayHaveExternalId(x.kind, x.value));
    return seen.length === 0 ? new Map() : this.repo.idsByExternalIds(this.ws, seen);
  }

  async idsByEmails(emails: readonly string[]): Promise<Map<string, number>> {
    const seen = emails.filter((e) => this.emails.mayHave(e));
    return seen.length === 0 ? new Map() : this.repo.idsByEmails(this.ws, seen);
  }

  async idsByNames(names: readonly string[]): Promise<Map<string, number[]>> {
    const out = new Map<string, number[]>();
    const wanted = new Map<string, number[]>();
    for (const name of names) {
      const key = nameKey(name);
      if (!this.names.mayHave(key) || wanted.has(key)) continue;
      wanted.set(key, this.names.candidates(key));
    }
    if (wanted.size === 0) return out;
    const keyOf = await this.repo.nameKeysOf(this.ws, [...new Set([...wanted.values()].flat())]);
    for (const [key, ids] of wanted) {
      const same = ids.filter((id) => keyOf.get(id) === key).sort((a, b) => a - b);
      if (same.length > 0) out.set(key, same);
    }
    return out;
  }

  /** Whether someone added may hold this external id (false is certain). */
  mayHaveExternalId(kind: string, value: string): boolean {
    if (kind === 'employee' && this.refs?.has(value)) return true;
    const table = this.external.get(kind);
    return table !== undefined && table.count > 0 && table.mayHave(value);
  }

  /** Whether someone added may have this email (false is certain). */
  mayHaveEmail(email: string): boolean {
    return this.emails.count > 0 && this.emails.mayHave(email);
  }

  /** Whether someone added may have this name key (nameKey; false is certain). */
  mayHaveName(key: string): boolean {
    return this.names.mayHave(key);
  }

  addedPerson(id: number, name: string, emails: readonly string[]): void {
    this.names.add(nameKey(name), id);
    if (emails.length > 0) this.addedEmails(id, emails);
  }

  addedEmails(id: number, emails: readonly string[]): void {
    for (const e of emails) this.emails.add(e, id);
  }

  /** Everyone here came from this import. */
  namedOtherwise(_id: number, _kinds: readonly string[]): boolean {
    return true;
  }

  addedExternalIds(rows: readonly [number, string, string][]): void {
    for (const [id, kind, value] of rows) {
      let table = this.external.get(kind);
      if (!table) {
        table = new KeyHashes();
        this.external.set(kind, table);
      }
      table.add(value, id);
    }
  }
}
