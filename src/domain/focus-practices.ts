import { type Explanation, explain } from './explanation.js';
import { type FocusItem, round1 } from './focus-item.js';
import type { ThanksOwed } from './gratitude.js';

// The practices' lines of the focus list: a thank-you owed, a deposit before an ask, lopsided
// attention and the next stage with someone who matters. Scores in docs/scoring.md.

/** A person important to me whose relationship has not reached the established stage. */
export interface StageStep {
  id: number;
  name: string;
  importance: number;
  action: Explanation;
  why: Explanation;
}

/** A deposit to make before an ask: the plan step coming, the balance, and an idea. */
export interface DepositDue {
  id: number;
  name: string;
  step: string;
  due: string;
  daysUntil: number;
  balance: number;
  idea: string;
  ideasFrom: string;
}

/** The practices' candidates for the week (issue 12), each list best first. */
export interface PracticeInputs {
  /** Favours owed a thank-you for longer than the setting allows, most owed first. */
  thanks?: readonly ThanksOwed[];
  /** Directions short of attention, when the imbalance is severe. */
  attention?: readonly Explanation[];
  /** Next steps with important people not yet established, most important first. */
  stageSteps?: readonly StageStep[];
  /** Asks coming (a plan step due soon) of people whose balance is low, soonest first. */
  depositsDue?: readonly DepositDue[];
}

/** At most this many lines of one practice (thanks, next stage), so the week's list stays varied. */
const PER_PRACTICE = 2;

/** Thanks owed, attention short in a direction, and the next stage with important people. */
export function practiceItems(inputs: PracticeInputs): FocusItem[] {
  const items: FocusItem[] = [];
  for (const t of (inputs.thanks ?? []).slice(0, PER_PRACTICE)) {
    items.push({
      kind: 'thanks',
      personId: t.person.id,
      name: t.person.name,
      initiative: null,
      action: t.reason,
      why: [
        explain(
          'favour-unthanked',
          { personId: t.person.id, interactionId: t.interactionId, daysAgo: t.daysAgo },
          `they helped you ${t.daysAgo} days ago and no thank-you is logged since`,
        ),
      ],
      strategy: null,
      score: round1(30 + Math.min(25, t.daysAgo / 2) + t.importance * 0.2),
    });
  }
  const worst = [...(inputs.attention ?? [])].sort((a, b) => Number(b.params.gap) - Number(a.params.gap))[0];
  if (worst) {
    items.push({
      kind: 'attention',
      personId: null,
      name: null,
      initiative: null,
      action: explain(
        'rebalance-attention',
        { direction: worst.params.direction ?? null },
        `Spend time ${worst.params.direction === 'outside' ? 'outside' : worst.params.direction} this week: your attention is lopsided.`,
      ),
      why: [...(inputs.attention ?? [])],
      strategy: null,
      score: round1(35 + Math.min(25, Number(worst.params.gap) / 2)),
    });
  }
  for (const d of inputs.depositsDue ?? []) {
    items.push({
      kind: 'deposit',
      personId: d.id,
      name: d.name,
      initiative: null,
      action: explain(
        'deposit-before-ask',
        { personId: d.id, step: d.step, due: d.due, idea: d.idea, ideasFrom: d.ideasFrom },
        `Make a deposit with ${d.name} before "${d.step}" (due ${d.due}): ${d.idea}.`,
      ),
      why: [
        explain(
          'balance-low-before-ask',
          { personId: d.id, balance: d.balance, daysUntil: d.daysUntil },
          `your balance with them is ${d.balance > 0 ? '+' : ''}${d.balance.toFixed(2)} and the ask is ${d.daysUntil === 1 ? 'tomorrow' : `in ${d.daysUntil} days`}`,
        ),
      ],
      strategy: 'proactive',
      score: round1(50 + Math.max(0, 14 - d.daysUntil)),
    });
  }
  for (const st of (inputs.stageSteps ?? []).slice(0, PER_PRACTICE)) {
    items.push({
      kind: 'next-stage',
      personId: st.id,
      name: st.name,
      initiative: null,
      action: st.action,
      why: [st.why],
      strategy: 'connect',
      score: round1(20 + st.importance * 0.3),
    });
  }
  return items;
}
