import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { table } from './format.js';
import { displayWidth, forTerminal } from './terminal-text.js';

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('text for the terminal', () => {
  it('shows an OSC 52 clipboard sequence as inert text', () => {
    const name = 'Mallory\u001b]52;c;ZWNobyBoaQ==\u0007';
    expect(forTerminal(name)).toBe('Mallory^[]52;c;ZWNobyBoaQ==\\u0007');
  });

  it('never lets a control or bidi-override character through, and keeps tabs and newlines', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = forTerminal(s);
        expect(CONTROL.test(out)).toBe(false);
        expect(out.split('\n').length).toBe(s.split('\n').length);
      }),
    );
  });

  it('counts wide characters as two cells and combining marks as none', () => {
    expect(displayWidth('Ann')).toBe(3);
    expect(displayWidth('王小明')).toBe(6);
    expect(displayWidth('José')).toBe(4);
    expect(displayWidth('Jose\u0301')).toBe(4);
    expect(displayWidth('🎉 Launch')).toBe(9);
    expect(displayWidth('👩‍💻')).toBe(2);
  });
});

describe('tables', () => {
  it('lines up columns after CJK names and emoji', () => {
    const out = table(
      ['name', 'tier'],
      [
        ['王小明', 'partner'],
        ['Ann Lee', 'friend'],
        ['🎉 Mia', 'none'],
      ],
    ).split('\n');
    const tierColumn = out.map((l) => displayWidth(l.slice(0, l.lastIndexOf(' ') + 1)));
    expect(new Set(tierColumn).size).toBe(1);
  });

  it('prints 200,000 rows without overflowing the stack', () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => [`Person ${i}`, i]);
    const out = table(['name', 'n'], rows);
    expect(out.split('\n')).toHaveLength(200_002);
  });
});
