import { TIE_KINDS, type TieKind } from '../domain/influence.js';
import { singleLine } from './clean.js';
import { Columns, cell } from './csv-columns.js';
import { csvRowBatches } from './csv-rows.js';
import { BadFileError, type Place, quote } from './errors.js';
import { LIMITS } from './person-row.js';
import type { InvalidRecord, TieRecord } from './records.js';

export const isTiesHeader = (c: Columns): boolean => c.has('from') && c.has('to');

/** Characters tokenized at a time: rows of a 16 K window die young (as the org import found). */
const WINDOW = 16 * 1024;

/**
 * Kumu's connections sheet: From, To, Type, Weight (and Kumu's own Direction, Tags,
 * Description, which we ignore). A row means "From goes to To for <Type>". People are named
 * by id, email or name; matching them is the importer's job.
 *
 * Records come in the batches each window of text completes, so a million-row file costs the
 * importer one async step per batch, not per row.
 */
export async function* readTiesCsvBatches(
  text: AsyncIterable<string>,
  file: string,
): AsyncGenerator<(TieRecord | InvalidRecord)[]> {
  let cols: { from: number; to: number; type: number; weight: number; names: Columns } | null = null;
  for await (const batch of csvRowBatches(text, file, WINDOW)) {
    const out: (TieRecord | InvalidRecord)[] = [];
    for (const row of batch) {
      if (cols === null) {
        const c = new Columns(row.cells);
        if (!isTiesHeader(c)) {
          throw new BadFileError(
            file,
            { unit: 'line', n: row.line },
            null,
            'expected a ties header: From,To,Type,Weight.',
          );
        }
        cols = {
          from: c.find('from'),
          to: c.find('to'),
          type: c.find('type'),
          weight: c.find('weight', 'strength'),
          names: c,
        };
        continue;
      }
      if (row.cells.every((v) => v.trim() === '')) continue;
      const at: Place = { unit: 'line', n: row.line };
      try {
        out.push(tieRecord(file, at, cols, row.cells));
      } catch (e) {
        if (e instanceof BadFileError) out.push({ kind: 'invalid', at, error: e });
        else throw e;
      }
    }
    if (out.length > 0) yield out;
  }
  if (cols === null)
    throw new BadFileError(
      file,
      null,
      null,
      'expected a ties CSV with a header (From,To,Type,Weight); the file is empty.',
    );
}

function tieRecord(
  file: string,
  at: Place,
  cols: { from: number; to: number; type: number; weight: number; names: Columns },
  cells: string[],
): TieRecord {
  const from = singleLine(cell(cells, cols.from)).trim();
  const to = singleLine(cell(cells, cols.to)).trim();
  for (const [v, i] of [
    [from, cols.from],
    [to, cols.to],
  ] as const) {
    if (v.length > LIMITS.name)
      throw new BadFileError(
        file,
        at,
        cols.names.name(i),
        `expected a name or email of at most ${LIMITS.name} characters, got ${v.length.toLocaleString('en-US')}.`,
      );
  }
  if (from === '')
    throw new BadFileError(file, at, cols.names.name(cols.from), 'expected who goes to whom; From is empty.');
  if (to === '')
    throw new BadFileError(file, at, cols.names.name(cols.to), 'expected who goes to whom; To is empty.');
  const rawType = cell(cells, cols.type).toLowerCase();
  const tieKind = (rawType === '' ? 'advice' : rawType) as TieKind;
  if (!TIE_KINDS.includes(tieKind)) {
    throw new BadFileError(
      file,
      at,
      cols.names.name(cols.type),
      `expected one of ${TIE_KINDS.join(', ')}, got ${quote(rawType)}.`,
    );
  }
  const rawWeight = cell(cells, cols.weight);
  const weight = rawWeight === '' ? 1 : Number(rawWeight);
  if (!Number.isInteger(weight) || weight < 1 || weight > 5) {
    throw new BadFileError(
      file,
      at,
      cols.names.name(cols.weight),
      `expected a whole weight from 1 to 5, got ${quote(rawWeight)}.`,
    );
  }
  if (from.toLowerCase() === to.toLowerCase()) {
    throw new BadFileError(
      file,
      at,
      cols.names.name(cols.to),
      `expected two different people; ${quote(from)} points at itself.`,
    );
  }
  return { kind: 'tie', at, from, to, tieKind, weight };
}
