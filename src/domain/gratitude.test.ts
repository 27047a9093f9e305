import { describe, expect, it } from 'vitest';
import { forWhat, gratitudeSpread, thanksOwed } from './gratitude.js';

const NOW = new Date('2026-11-23T12:00:00.000Z');
const favour = (personId: number, name: string, day: string, importance = 0, note: string | null = null) => ({
  personId,
  name,
  interactionId: personId * 10 + Number(day.slice(8, 10)),
  occurredAt: `${day}T09:00:00.000Z`,
  kind: 'help-received' as const,
  note,
  importance,
});

describe('gratitude owed', () => {
  it('reads the note as what they did', () => {
    expect(forWhat('help-received', "getting you on Helen's calendar")).toBe(
      "for getting you on Helen's calendar",
    );
    expect(forWhat('help-received', 'for the spec review.')).toBe('for the spec review');
    expect(forWhat('help-received', 'they lent an engineer')).toBe('— they lent an engineer');
    expect(forWhat('introduction-received', 'to the CFO')).toBe('for introducing you to the CFO');
    expect(forWhat('introduction-received', null)).toBe('for the introduction');
  });

  it('one line per person from their oldest unthanked favour; older and more important first', () => {
    const owed = thanksOwed(
      [
        favour(1, 'Ann', '2026-11-20', 90),
        favour(2, 'Bo', '2026-11-01', 0),
        favour(2, 'Bo', '2026-11-15', 0),
        favour(3, 'Cy', '2026-11-19', 0),
      ],
      NOW,
    );
    expect(owed.map((o) => [o.person.name, o.daysAgo, o.favours])).toEqual([
      ['Bo', 22, 2],
      ['Ann', 3, 1],
      ['Cy', 4, 1],
    ]);
    expect(owed[0]!.reason.text).toBe('Thank Bo for helping you (22 days ago), and for 1 more since');
  });

  it('names the directions where I met people but thanked nobody', () => {
    const s = gratitudeSpread(
      [{ personId: 1, count: 2, direction: 'up' }],
      { up: 1, down: 4, across: 0, outside: 2 },
      90,
    );
    expect(s.directions.up).toEqual({ thanks: 2, people: 1 });
    expect(s.thankedNobody).toEqual(['down', 'outside']);
  });
});
