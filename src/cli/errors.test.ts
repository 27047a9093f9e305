import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, RapportError } from '../contract/errors.js';
import { errorLine, exitCodeOf } from './errors.js';

const program = new Command('rapport').option('--db <path>');
const influence = program.command('influence').option('--top <n>').option('--sources <list>');
const person = program.command('person').command('add').option('--cadence <days>').option('--due <d>');

describe('catalogued errors in CLI terms', () => {
  it('names the flag that sets the input the core named', () => {
    const e = new RapportError('validation', 'top must be a whole number of 1 or more; got "many".', {
      field: 'top',
    });
    expect(errorLine(e, influence)).toBe('--top must be a whole number of 1 or more; got "many".');
    const cadence = new RapportError('validation', 'cadenceDays must be from 1 to 3650; got 0.', {
      field: 'cadenceDays',
    });
    expect(errorLine(cadence, person)).toBe('--cadence must be from 1 to 3650; got 0.');
    const due = new RapportError('validation', 'Each step needs a due date: YYYY-MM-DD.', { field: 'due' });
    expect(errorLine(due, person)).toBe('Each step needs a due date: YYYY-MM-DD (--due).');
    const db = new RapportError('database', 'Cannot open x.db: the folder does not exist.', { input: 'db' });
    expect(errorLine(db, influence)).toBe('Cannot open x.db: the folder does not exist (--db).');
  });

  it('leaves a message alone when the command has no such flag', () => {
    const e = new RapportError('validation', 'stance must be from -100 to 100; got 140.', {
      field: 'stance',
    });
    expect(errorLine(e, influence)).toBe(e.message);
  });

  it('adds the command that fixes it where the core can only describe the fix', () => {
    const nobody = new RapportError('not_found', 'No person matches "Zed".', { what: 'person', ref: 'Zed' });
    expect(errorLine(nobody, influence)).toBe(
      'No person matches "Zed" (see `rapport people` for who is recorded, or add them with `rapport person add`).',
    );
    const me = new RapportError('precondition', 'Coverage is relative to you: say who you are first.', {
      needs: 'me',
    });
    expect(errorLine(me, undefined)).toBe(
      'Coverage is relative to you: say who you are first (`rapport me "Your Name"`).',
    );
  });

  it('exits with the code the catalogue gives', () => {
    for (const code of Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[]) {
      expect(exitCodeOf(new RapportError(code, 'x'))).toBe(ERROR_CATALOGUE[code].exitCode);
    }
    expect(ERROR_CATALOGUE.validation).toEqual({ exitCode: 1, httpStatus: 400 });
    expect(ERROR_CATALOGUE.not_found.httpStatus).toBe(404);
  });
});
