import { ValidationError } from './errors.js';
import { type Explanation, explain } from './explanation.js';
import { foldName } from './names.js';
import { type Category, TIER_LABELS, type Tier } from './person.js';

/**
 * Deposit ideas by department or category: the currency each team values. Keys are department
 * names ("Sales") or categories ("provider", "client"); `general` applies to everyone else.
 */
export type Playbook = Record<string, string[]>;

export const GENERAL = 'general';

export const DEFAULT_PLAYBOOK: Playbook = {
  Sales: ['join a customer call with them', 'bring them a product answer a deal is waiting on'],
  'Customer Success': ['prioritise a defect their customers escalated', 'join a difficult customer review'],
  Support: ['prioritise a defect they escalated', 'turn their most-asked question into documentation'],
  Marketing: ['draft collateral for their next launch', 'help at their event or webinar'],
  Engineering: ['unblock a decision they are waiting on', 'protect their roadmap from a late change'],
  Product: ['share customer evidence for their next decision', 'review their spec early'],
  Finance: ['send the numbers they need before they ask', 'explain the business case in their terms'],
  Legal: ['bring them in early on a risky deal', 'summarise the facts before the review'],
  provider: ['approve or pay promptly', 'give them a reference or a case study'],
  client: ['share the roadmap with them early', 'act on their feedback and tell them you did'],
  [GENERAL]: [
    'help with something they are working on',
    'make an introduction that helps them',
    'give them credit in public',
  ],
};

const MAX_KEYS = 100;
const MAX_IDEAS = 10;
const MAX_IDEA = 200;

/** Checks a playbook as typed or restored; throws naming the key and what was wrong. */
export function checkPlaybook(key: string, value: unknown): Playbook {
  const fail = (why: string): never => {
    throw new ValidationError(
      key,
      `Setting ${key} must be an object of department or category → list of deposit ideas, e.g. {"Sales": ["join a customer call"]}; ${why}.`,
    );
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return fail(`got ${JSON.stringify(value) ?? 'nothing'}`);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) fail('it is empty');
  if (entries.length > MAX_KEYS) fail(`it has ${entries.length} keys, more than ${MAX_KEYS}`);
  const out: Playbook = {};
  for (const [k, ideas] of entries) {
    if (k.trim() === '' || k.length > 100) fail(`"${k.slice(0, 40)}" is not a department name`);
    if (!Array.isArray(ideas) || ideas.length === 0 || ideas.length > MAX_IDEAS) {
      fail(`"${k}" must list 1 to ${MAX_IDEAS} ideas`);
    }
    const list = (ideas as unknown[]).map((i) => {
      if (typeof i !== 'string' || i.trim() === '' || i.length > MAX_IDEA) {
        return fail(`each idea of "${k}" must be text of 1 to ${MAX_IDEA} characters`);
      }
      return i.trim();
    });
    out[k.trim()] = list;
  }
  return out;
}

/**
 * The ideas for one person: their department's (also when it is named inside a longer team
 * name, "Sales EMEA"), else their category's (provider, client), else the general ones.
 */
export function depositIdeas(
  playbook: Playbook,
  person: { department: string | null; team: string | null; category: Category },
): { source: string; ideas: string[] } {
  const byKey = new Map(Object.entries(playbook).map(([k, v]) => [foldName(k), { key: k, ideas: v }]));
  for (const place of [person.department, person.team]) {
    if (!place) continue;
    const exact = byKey.get(foldName(place));
    if (exact) return { source: exact.key, ideas: exact.ideas };
    const folded = ` ${foldName(place)} `;
    for (const [k, v] of byKey)
      if (k !== GENERAL && folded.includes(` ${k} `)) return { source: v.key, ideas: v.ideas };
  }
  const byCategory = byKey.get(person.category);
  if (byCategory) return { source: byCategory.key, ideas: byCategory.ideas };
  const general = byKey.get(GENERAL) ?? { key: GENERAL, ideas: DEFAULT_PLAYBOOK[GENERAL]! };
  return { source: general.key, ideas: general.ideas };
}

/** What is known of a person when deciding whether a deposit pays now. */
/** Days ahead in which an open plan step with someone counts as an ask coming. */
export const ASK_HORIZON_DAYS = 14;

/** The recent window over which a falling balance is measured. */
export const RECENT_DAYS = 30;

export interface DepositCandidate {
  id: number;
  name: string;
  tier: Tier;
  importance: number;
  /** Highest influence on an active initiative's map; null when on no map. */
  influence: number | null;
  initiative: string | null;
  balance: number;
  /** Capital moved over the recent window; negative means the balance is falling. */
  recentCapital: number;
  /** An open plan step with them due soon (an ask coming), with its text and due day. */
  askComing: { step: string; due: string } | null;
  /** Days past their care cadence; 0 or less when not overdue. */
  overdueDays: number;
}

export interface DepositThresholds {
  /** Influence from which a person counts as high-influence. */
  influence: number;
  /** Importance from which a person matters whatever their influence. */
  importance: number;
  /** A balance at or below this is low. */
  lowBalance: number;
}

export interface DepositPick {
  id: number;
  name: string;
  score: number;
  why: Explanation[];
}

/**
 * Where a deposit matters most now: people who matter (a trusted partner or friend, influential
 * on an active initiative, or important by score) and whose account needs it (balance low or
 * falling, an ask coming, overdue).
 * Best first: what is at stake times how much the account needs it.
 */
export function depositsThatPay(
  candidates: readonly DepositCandidate[],
  t: DepositThresholds,
  limit: number,
): DepositPick[] {
  const picks: DepositPick[] = [];
  for (const c of candidates) {
    const influential = c.influence !== null && c.influence >= t.influence;
    const close = c.tier === 'partner' || c.tier === 'friend';
    if (!influential && !close && c.importance < t.importance) continue;
    const personId = c.id;
    const why: Explanation[] = [];
    let need = 0;
    if (c.askComing) {
      need += 3;
      why.push(
        explain(
          'ask-coming',
          { personId, step: c.askComing.step, due: c.askComing.due },
          `an ask is coming: "${c.askComing.step}" is due ${c.askComing.due}`,
        ),
      );
    }
    if (c.balance <= t.lowBalance) {
      need += 2;
      why.push(
        explain(
          'balance-low',
          { personId, balance: c.balance },
          `your balance with them is low (${c.balance > 0 ? '+' : ''}${c.balance.toFixed(2)})`,
        ),
      );
    }
    if (c.recentCapital < 0) {
      need += 1;
      why.push(
        explain(
          'balance-falling',
          { personId, capital: c.recentCapital, days: RECENT_DAYS },
          `you drew ${-c.recentCapital} more than you gave in the last ${RECENT_DAYS} days`,
        ),
      );
    }
    if (c.overdueDays > 0) {
      need += 1;
      why.push(
        explain('overdue', { personId, days: c.overdueDays }, `${c.overdueDays} days past their cadence`),
      );
    }
    if (need === 0) continue;
    why.unshift(
      influential
        ? explain(
            'influential-on-initiative',
            { personId, initiative: c.initiative, influence: c.influence },
            `influence ${c.influence} on ${c.initiative}`,
          )
        : close
          ? explain('close-tier', { personId, tier: c.tier }, `a ${TIER_LABELS[c.tier]} of yours`)
          : explain('important', { personId, importance: c.importance }, `importance ${c.importance}`),
    );
    const stake = Math.max(c.importance, c.influence ?? 0, close ? (c.tier === 'partner' ? 70 : 50) : 0);
    picks.push({ id: c.id, name: c.name, score: Math.round(stake * need) / 10, why });
  }
  return picks.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
}
