import { describe, expect, it } from 'vitest';
import { parseInput } from './common.js';
import { isRapportError } from './errors.js';
import { InfluenceInput, PathInput } from './influence.js';
import { AssessInput } from './map.js';
import { AddPersonInput } from './people.js';
import { LogInput } from './relationship.js';

/** The validation error parseInput throws for `raw`, as data. */
function refusal(schema: Parameters<typeof parseInput>[0], raw: unknown) {
  try {
    parseInput(schema, raw);
  } catch (e) {
    if (isRapportError(e)) return { code: e.code, message: e.message, details: e.details };
    throw e;
  }
  throw new Error('accepted');
}

describe('use-case inputs', () => {
  it('fills defaults and keeps what was given', () => {
    expect(parseInput(InfluenceInput, undefined)).toEqual({
      top: 10,
      sources: ['declared', 'reporting', 'meetings', 'mine'],
      weighted: false,
    });
    expect(parseInput(PathInput, { from: 'Ann', to: 7 })).toEqual({ from: 'Ann', to: 7, k: 3 });
    expect(parseInput(LogInput, { people: ['Ann', 'Ann'] }).kind).toBe('meeting');
  });

  it('refuses with a validation error naming the input, the range and what was given', () => {
    expect(refusal(AssessInput, { person: 'Dana', initiative: 'Q3', influence: 140, stance: 0 })).toEqual({
      code: 'validation',
      message: 'influence must be from 0 to 100; got 140.',
      details: {
        field: 'influence',
        path: ['influence'],
        issues: [{ path: ['influence'], message: 'influence must be from 0 to 100; got 140.' }],
      },
    });
    expect(
      refusal(AssessInput, { person: 'Dana', initiative: 'Q3', influence: 1, stance: 'high' }).message,
    ).toBe('stance must be a whole number from -100 to 100; got "high".');
    expect(refusal(InfluenceInput, { sources: ['declared', 'emails'] })).toMatchObject({
      message: 'sources must be one of declared, reporting, meetings, mine; got "emails".',
      details: { field: 'sources', path: ['sources', 1] },
    });
    expect(refusal(LogInput, { people: [] }).message).toBe('Log with whom? Name at least one person.');
    expect(refusal(AddPersonInput, { name: '  ' }).message).toBe('name is required and cannot be empty.');
  });

  it('lists every issue, not only the first', () => {
    const r = refusal(AssessInput, { person: '', influence: -1, stance: 101 });
    expect((r.details!.issues as { path: string[] }[]).map((i) => i.path[0])).toEqual([
      'person',
      'initiative',
      'influence',
      'stance',
    ]);
  });

  it('no message names a command-line flag', () => {
    const r = refusal(InfluenceInput, { top: 0 });
    expect(r.message).toBe('top must be a whole number of 1 or more; got 0.');
    expect(r.message).not.toMatch(/--/);
  });
});
