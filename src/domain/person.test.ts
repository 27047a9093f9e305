import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import { applyPersonInput, checkManagerChain, newPersonFields, splitList } from './person.js';

describe('newPersonFields', () => {
  it('fills defaults and normalises emails and interests', () => {
    const p = newPersonFields({
      name: '  Dana Lee ',
      emails: ['Dana@Acme.example', 'dana@acme.example', ''],
      interests: [' jazz', 'jazz', ''],
    });
    expect(p).toMatchObject({
      name: 'Dana Lee',
      category: 'stakeholder',
      tier: 'none',
      emails: ['dana@acme.example'],
      interests: ['jazz'],
    });
  });

  it('explains what is wrong with each field', () => {
    expect(() => newPersonFields({ name: '' })).toThrow('name is required and cannot be empty.');
    expect(() => newPersonFields({ name: 'A', level: '0' })).toThrow('level must be from 1 to 20; got 0.');
    expect(() => newPersonFields({ name: 'A', level: 'senior' })).toThrow(
      'level must be a whole number from 1 to 20; got "senior".',
    );
    expect(() => newPersonFields({ name: 'A', cadenceDays: '2.5' })).toThrow(
      /cadence must be a whole number/,
    );
    expect(() => newPersonFields({ name: 'A', category: 'friend' })).toThrow(
      /category must be one of own-team, stakeholder/,
    );
    expect(() => newPersonFields({ name: 'A', emails: ['not-an-email'] })).toThrow(
      'email "not-an-email" is not an email address.',
    );
  });

  it('an edit changes only what it names, and null clears', () => {
    const p = newPersonFields({ name: 'A', title: 'VP', level: 2, tier: 'partner' });
    const q = applyPersonInput(p, { title: null, tier: 'friend' });
    expect(q).toMatchObject({ name: 'A', title: null, level: 2, tier: 'friend' });
    expect(p.title).toBe('VP');
  });
});

describe('checkManagerChain', () => {
  const managers = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, 3],
  ]);
  const name = (id: number) => `P${id}`;
  it('accepts a manager elsewhere in the tree', () => {
    expect(() => checkManagerChain(4, 1, (id) => managers.get(id), name)).not.toThrow();
  });
  it('rejects a loop and shows it', () => {
    expect(() => checkManagerChain(1, 4, (id) => managers.get(id), name)).toThrow(
      'P4 cannot manage P1: that would make a reporting loop (P1 → P4 → P3 → P2 → P1).',
    );
    expect(() => checkManagerChain(2, 2, (id) => managers.get(id), name)).toThrow(ValidationError);
  });
});

it('splitList keeps every non-empty item, trimmed', () => {
  fc.assert(
    fc.property(fc.array(fc.string().filter((s) => !s.includes(',') && s.trim() !== '')), (items) => {
      expect(splitList(items.join(', '))).toEqual(items.map((s) => s.trim()));
    }),
  );
});
