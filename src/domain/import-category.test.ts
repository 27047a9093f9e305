import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { categoryRules, companyKey, companyList } from './import-category.js';

describe('the category an import gives a new person', () => {
  const rules = (chosen: 'client' | null = null) =>
    categoryRules({
      chosen,
      clients: ['Globex', 'Initech'],
      providers: ['CloudForge Ltd'],
      ownCompany: 'Acme',
    });

  it('company lists match without case, accents, punctuation or a legal suffix', () => {
    expect(rules().categoryOf('GLOBEX, Inc.')).toEqual({ category: 'client', rule: 'clients' });
    expect(rules().categoryOf('cloudforge')).toEqual({ category: 'provider', rule: 'providers' });
    expect(rules().categoryOf('Umbrella')).toEqual({ category: 'stakeholder', rule: 'default' });
    expect(rules().categoryOf(null)).toEqual({ category: 'stakeholder', rule: 'default' });
    expect(companyKey('Pixel & Co.')).toBe('pixel and');
    expect(companyKey('Société Générale S.A.')).toBe('societe generale s a');
  });

  it('a chosen category wins over the lists, but never turns a colleague into a client', () => {
    expect(rules('client').categoryOf('Umbrella')).toEqual({ category: 'client', rule: 'chosen' });
    expect(rules('client').categoryOf('CloudForge')).toEqual({ category: 'client', rule: 'chosen' });
    expect(rules('client').categoryOf('ACME Corp')).toEqual({ category: 'stakeholder', rule: 'own-company' });
  });

  it('a company list is read from text or a list, once per company, blanks dropped', () => {
    expect(companyList(' Globex, Initech ,, globex inc ')).toEqual(['Globex', 'Initech']);
    expect(companyList(['Globex'])).toEqual(['Globex']);
    expect(companyList('')).toEqual([]);
    expect(companyList(3)).toBeNull();
    expect(companyList([3])).toBeNull();
  });

  it('reading a list back from what it stored gives the same list', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 20 }), { maxLength: 20 }), (names) => {
        const once = companyList(names.join(','));
        expect(once).not.toBeNull();
        expect(companyList(once!)).toEqual(once);
        expect(companyList(once!.join(','))).toEqual(once);
      }),
    );
  });
});
