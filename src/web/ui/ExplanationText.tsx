import type { ReactNode } from 'react';
import { usePersonNames } from '../api/person-names';
import type { Explanation } from '../api/types';
import { PersonLink } from './PersonLink';

/** The ids of the people an explanation refers to (`personId`, `personIds`, `allyId`, …). */
function personIds(params: Explanation['params']): number[] {
  const ids = new Set<number>();
  for (const [key, value] of Object.entries(params)) {
    if (!/(^p|P)ersonIds?$|Id$|Ids$/.test(key) || /initiative/i.test(key)) continue;
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'number') ids.add(v);
  }
  return [...ids];
}

/** Splits `text` at each person's name and links it to their page. */
export function linkNames(text: string, people: { id: number; name: string }[]): ReactNode[] {
  const named = people
    .filter((p) => p.name && text.includes(p.name))
    .sort((a, b) => b.name.length - a.name.length);
  if (named.length === 0) return [text];
  const pattern = new RegExp(
    `(${named.map((p) => p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`,
    'g',
  );
  const byName = new Map(named.map((p) => [p.name, p.id]));
  return text.split(pattern).map((part, i) => {
    const id = byName.get(part);
    // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never reorder
    return id === undefined ? part : <PersonLink key={i} id={id} name={part} />;
  });
}

/** A reason Rapport gives, with every person it names as a link to their page. */
export function ExplanationText({ explanation }: { explanation: Explanation }) {
  // By id, not from the people list: that list is the first 1,000 people only.
  const known = usePersonNames(personIds(explanation.params));
  return <>{linkNames(explanation.text, known)}</>;
}
