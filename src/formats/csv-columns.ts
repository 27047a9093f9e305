import { singleLine } from './clean.js';

/** Header matching shared by the CSV formats: "E-mail Address", "email_address" and "Email address" are one column. */
export const normalizeHeader = (h: string): string =>
  h
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

export class Columns {
  readonly names: string[];
  private readonly index = new Map<string, number>();
  constructor(header: readonly string[]) {
    this.names = header.map((h) => singleLine(h.replace(/^\uFEFF/, '')).trim());
    header.forEach((h, i) => {
      const key = normalizeHeader(h);
      if (key !== '' && !this.index.has(key)) this.index.set(key, i);
    });
  }
  /** The first of the aliases the header has, or -1. */
  find(...aliases: string[]): number {
    for (const a of aliases) {
      const i = this.index.get(normalizeHeader(a));
      if (i !== undefined) return i;
    }
    return -1;
  }
  has(...aliases: string[]): boolean {
    return this.find(...aliases) >= 0;
  }
  /** Every column whose normalized name matches, in file order ("E-mail 1 - Value", "E-mail 2 - Value"...). */
  matching(pattern: RegExp): number[] {
    const out: number[] = [];
    this.names.forEach((n, i) => {
      if (pattern.test(normalizeHeader(n))) out.push(i);
    });
    return out;
  }
  name(i: number): string {
    return this.names[i] ?? `column ${i + 1}`;
  }
}

export const cell = (cells: readonly string[], i: number): string => (i < 0 ? '' : (cells[i] ?? '').trim());

/** Joins non-empty name parts ("Ada", "", "Lovelace" → "Ada Lovelace"). */
export const joinName = (...parts: string[]): string =>
  parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
