import { ageInDays } from './balance.js';

/** When I last had contact with a person that counts as care, and when they were added. */
export interface CareContact {
  /** The last interaction with them alone. */
  lastOneToOneAt: string | null;
  /** The last meeting of three or more, up to the large-meeting size (larger ones never count). */
  lastGroupAt: string | null;
  createdAt: string;
}

export interface CareClock {
  /** What last restarted the cadence: a one-to-one, a small meeting, or their being added. */
  by: 'one-to-one' | 'group' | 'added';
  /** Whole days since that moment. */
  daysSince: number;
  /** Days of cadence it bought: all of it for a one-to-one, `groupShare` of it for a meeting. */
  credit: number;
  /** Days past that credit; 0 or less is not due yet. */
  overdueDays: number;
}

/**
 * Where a relationship stands against its care cadence. Contact counts by its intimacy: a
 * one-to-one restarts the whole cadence, a small meeting a share of it (it is contact, but
 * thinner), a large meeting none (sitting in the same all-hands is not care). Whichever contact
 * leaves the most time on the clock decides. Someone never met alone or in a small meeting
 * counts from when they were added.
 */
export function careClock(p: CareContact, cadenceDays: number, groupShare: number, now: Date): CareClock {
  const options: CareClock[] = [];
  const add = (by: CareClock['by'], at: string, credit: number) => {
    const daysSince = ageInDays(at, now);
    options.push({ by, daysSince, credit, overdueDays: daysSince - credit });
  };
  if (p.lastOneToOneAt !== null) add('one-to-one', p.lastOneToOneAt, cadenceDays);
  const groupCredit = Math.round(cadenceDays * groupShare);
  if (p.lastGroupAt !== null && groupCredit > 0) add('group', p.lastGroupAt, groupCredit);
  if (options.length === 0) add('added', p.createdAt, cadenceDays);
  // Fewest days overdue wins; on a tie the more intimate contact, listed first, is named.
  return options.reduce((best, o) => (o.overdueDays < best.overdueDays ? o : best));
}
