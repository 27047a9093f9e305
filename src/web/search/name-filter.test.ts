import { describe, expect, it } from 'vitest';
import { byName, SHOWN } from './name-filter';

const people = [
  ...Array.from({ length: 3000 }, (_, i) => ({ value: String(i), label: `Person ${i}` })),
  { value: 'j', label: 'José Núñez' },
  { value: 'z', label: 'Zoë Zimmermann' },
];

describe('finding a person in a select', () => {
  it('forgives accents and a typo, best match first', () => {
    expect(byName({ options: people, search: 'jose nunez', limit: Infinity })[0]).toMatchObject({
      value: 'j',
    });
    expect(byName({ options: people, search: 'zoe zimerman', limit: Infinity })[0]).toMatchObject({
      value: 'z',
    });
  });

  it('opens on the first fifty, not on thousands', () => {
    expect(byName({ options: people, search: '', limit: Infinity })).toHaveLength(SHOWN);
    expect(byName({ options: people, search: 'person', limit: Infinity }).length).toBeLessThanOrEqual(12);
  });
});
