import type { Category } from './person.js';

/** Which rule gave an imported person their category (the import report names it). */
export const CATEGORY_RULES = ['own-company', 'chosen', 'clients', 'providers', 'default'] as const;
export type CategoryRule = (typeof CATEGORY_RULES)[number];

export interface CategoryContext {
  /** The category asked for this file, if any. */
  chosen: Category | null;
  /** The workspace's `import.clients` and `import.providers` lists. */
  clients: readonly string[];
  providers: readonly string[];
  /** The company of "me", when known: people there are colleagues, whatever the file says. */
  ownCompany: string | null;
}

const LEGAL_SUFFIX =
  /\s+(inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|oy|ab|as|corp|corporation|co|company|group)$/;

/**
 * A company name as compared: without case, accents, punctuation or a legal suffix, so
 * "Globex, Inc." in a LinkedIn file is the "globex" of a list.
 */
export function companyKey(name: string): string {
  let k = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  for (let i = 0; i < 2; i++) {
    const shorter = k.replace(LEGAL_SUFFIX, '');
    if (shorter === k || shorter === '') break;
    k = shorter;
  }
  return k;
}

export interface CategoryRules {
  categoryOf(company: string | null): { category: Category; rule: CategoryRule };
}

/**
 * The category a newly imported person gets: a colleague at my own company keeps the default
 * (they are not a client because the file is); otherwise the category chosen for the file,
 * then the company lists (clients before providers), then the default, stakeholder.
 */
export function categoryRules(ctx: CategoryContext): CategoryRules {
  const own = ctx.ownCompany ? companyKey(ctx.ownCompany) : '';
  const clients = new Set(ctx.clients.map(companyKey).filter((k) => k !== ''));
  const providers = new Set(ctx.providers.map(companyKey).filter((k) => k !== ''));
  return {
    categoryOf(company) {
      const k = company ? companyKey(company) : '';
      if (k !== '' && k === own) return { category: 'stakeholder', rule: 'own-company' };
      if (ctx.chosen) return { category: ctx.chosen, rule: 'chosen' };
      if (k !== '' && clients.has(k)) return { category: 'client', rule: 'clients' };
      if (k !== '' && providers.has(k)) return { category: 'provider', rule: 'providers' };
      return { category: 'stakeholder', rule: 'default' };
    },
  };
}

/** A list of company names as typed ("Globex, Initech") or stored (an array). */
export function companyList(value: unknown): string[] | null {
  const items = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : null;
  if (items === null || !items.every((x) => typeof x === 'string')) return null;
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of items as string[]) {
    const name = raw.trim();
    const key = companyKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}
