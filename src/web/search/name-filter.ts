import type { ComboboxItem, ComboboxParsedItem, OptionsFilter } from '@mantine/core';
import { search } from './match';

/** At most this many people in an open list: a workspace of thousands never renders them all. */
export const SHOWN = 50;

/**
 * How a select of people finds one: a few letters of the name, accents and small typos forgiven
 * (the CLI's matcher), best first; with nothing typed, the first fifty by name.
 */
export const byName: OptionsFilter = ({ options, search: query }): ComboboxParsedItem[] => {
  const items = options as ComboboxItem[];
  return query.trim() ? search(items, query, (o) => o.label, 12) : items.slice(0, SHOWN);
};
