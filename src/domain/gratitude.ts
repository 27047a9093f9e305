import { ageInDays } from './balance.js';
import { DIRECTIONS, type Direction } from './coverage.js';
import { type Explanation, explain } from './explanation.js';

/** Kinds that are a favour done for me: they call for a thank-you. */
export const FAVOUR_KINDS = ['help-received', 'introduction-received'] as const;
export type FavourKind = (typeof FAVOUR_KINDS)[number];

export interface Favour {
  personId: number;
  name: string;
  interactionId: number;
  occurredAt: string;
  kind: FavourKind;
  note: string | null;
  importance: number;
}

export interface ThanksOwed {
  person: { id: number; name: string };
  /** The oldest favour not yet thanked. */
  interactionId: number;
  kind: FavourKind;
  /** What they did, as noted in the ledger. */
  what: string | null;
  occurredAt: string;
  daysAgo: number;
  /** Favours from them not yet thanked, this one included. */
  favours: number;
  importance: number;
  reason: Explanation;
}

const WHAT_THEY_DID: Record<FavourKind, string> = {
  'help-received': 'helping you',
  'introduction-received': 'the introduction',
};

/**
 * What they did, to follow "Thank Mara": "for getting you on Helen's calendar" when the note
 * reads that way ("for …", "getting …"), an introduction to whom the note names, else the note
 * after a dash, else what the kind says.
 */
export function forWhat(kind: FavourKind, note: string | null): string {
  if (note === null || note.trim() === '') return `for ${WHAT_THEY_DID[kind]}`;
  const n = note.trim().replace(/[.!]+$/, '');
  if (/^for\s/i.test(n)) return n;
  if (/^\p{L}+ing\b/u.test(n)) return `for ${n.charAt(0).toLowerCase()}${n.slice(1)}`;
  if (kind === 'introduction-received') return `for introducing you to ${n.replace(/^to\s+/i, '')}`;
  return `— ${n}`;
}

/**
 * One line per person who did me a favour I have not thanked them for since: their oldest
 * unthanked favour, how long ago, and how many more. Longest owed first, weighed by importance
 * (a month-old favour from someone who matters comes before a week-old one from an acquaintance).
 */
export function thanksOwed(favours: readonly Favour[], now: Date): ThanksOwed[] {
  const byPerson = new Map<number, Favour[]>();
  for (const f of favours) byPerson.set(f.personId, [...(byPerson.get(f.personId) ?? []), f]);
  const out: ThanksOwed[] = [];
  for (const list of byPerson.values()) {
    list.sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
    const f = list[0]!;
    const daysAgo = ageInDays(f.occurredAt, now);
    const what = forWhat(f.kind, f.note);
    out.push({
      person: { id: f.personId, name: f.name },
      interactionId: f.interactionId,
      kind: f.kind,
      what: f.note,
      occurredAt: f.occurredAt,
      daysAgo,
      favours: list.length,
      importance: f.importance,
      reason: explain(
        'thanks-owed',
        { personId: f.personId, interactionId: f.interactionId, daysAgo, favours: list.length },
        `Thank ${f.name} ${what} (${daysAgo === 0 ? 'today' : daysAgo === 1 ? 'yesterday' : `${daysAgo} days ago`})` +
          (list.length > 1 ? `, and for ${list.length - 1} more since` : ''),
      ),
    });
  }
  return out.sort(
    (a, b) =>
      (b.daysAgo + 1) * (1 + b.importance / 100) - (a.daysAgo + 1) * (1 + a.importance / 100) ||
      a.person.name.localeCompare(b.person.name),
  );
}

export interface GratitudeSpread {
  days: number;
  directions: Record<Direction, { thanks: number; people: number }>;
  /** Directions where I have people but thanked nobody in the window. */
  thankedNobody: Direction[];
  gaps: Explanation[];
}

const DIRECTION_WORDS: Record<Direction, string> = {
  up: 'above you',
  across: 'among your peers',
  down: 'below you',
  outside: 'outside the organisation',
};

/**
 * Thank-yous given over the window, by direction, and the directions where I have people but
 * thanked nobody: gratitude that only ever flows upward is noticed.
 */
export function gratitudeSpread(
  thanks: readonly { personId: number; count: number; direction: Direction }[],
  peoplePerDirection: Record<Direction, number>,
  days: number,
): GratitudeSpread {
  const directions = Object.fromEntries(DIRECTIONS.map((d) => [d, { thanks: 0, people: 0 }])) as Record<
    Direction,
    { thanks: number; people: number }
  >;
  for (const t of thanks) {
    directions[t.direction].thanks += t.count;
    directions[t.direction].people += 1;
  }
  const thankedNobody = DIRECTIONS.filter((d) => directions[d].people === 0 && peoplePerDirection[d] > 0);
  const gaps = thankedNobody.map((d) =>
    explain(
      'thanked-nobody',
      { direction: d, days, people: peoplePerDirection[d] },
      `You thanked nobody ${DIRECTION_WORDS[d]} in the last ${days} days.`,
    ),
  );
  return { days, directions, thankedNobody, gaps };
}
