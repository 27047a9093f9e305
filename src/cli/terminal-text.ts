// What reaches a terminal: names and notes come from imported files, so a contact could carry
// escape sequences (OSC 52 sets the clipboard, others retitle the window or clear the screen).
// Every text line the CLI prints passes through `forTerminal`; JSON output needs nothing, as
// JSON.stringify already escapes control characters.

// C0 and C1 controls except tab and newline, DEL, and the bidi embeddings, overrides and
// isolates that can make text read in a different order than it is stored.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const visible = (ch: string): string => {
  const code = ch.charCodeAt(0);
  // ESC shows as the caret form people recognise in `cat -A`; the rest as \u escapes.
  if (code === 0x1b) return '^[';
  return `\\u${code.toString(16).padStart(4, '0')}`;
};

/** The text with every control or bidi-override character replaced by a visible escape. */
export const forTerminal = (text: string): string => text.replace(UNSAFE, visible);

// East Asian wide and fullwidth ranges (Unicode's EastAsianWidth W and F), the blocks a terminal
// draws two cells wide. Kept as ranges: JavaScript's regular expressions have no property for it.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x26a1, 0x26a1],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f5],
  [0x26fa, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x16fe0, 0x18cff],
  [0x1b000, 0x1b2ff],
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251],
  [0x1f300, 0x1f64f],
  [0x1f680, 0x1f6ff],
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff],
  [0x1fa70, 0x1faff],
  [0x20000, 0x3fffd],
];

function isWide(cp: number): boolean {
  let lo = 0;
  let hi = WIDE.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [a, b] = WIDE[mid]!;
    if (cp < a) hi = mid - 1;
    else if (cp > b) lo = mid + 1;
    else return true;
  }
  return false;
}

// Marks, zero-width joiners and variation selectors take no cell of their own.
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|[\u200b-\u200f\u2060]|[\ufe00-\ufe0f])$/u;

/** How many terminal cells the text takes: wide characters two, combining marks none. */
export function displayWidth(text: string): number {
  let width = 0;
  let afterJoiner = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x200d) {
      afterJoiner = true;
      continue;
    }
    // The second half of a joined emoji sequence (👩‍💻) draws inside the first one's cells.
    if (afterJoiner) {
      afterJoiner = false;
      continue;
    }
    if (ZERO_WIDTH.test(ch)) continue;
    width += isWide(cp) ? 2 : 1;
  }
  return width;
}

/** Pads on the right to a display width (String#padEnd counts code units, not cells). */
export const padCells = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));

/** Cuts text to a display width, ending in "…" when something was cut. */
export function fitWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let out = '';
  for (const ch of text) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out.trimEnd()}…`;
}
