import type { RankedPerson } from '../../../app/relationship/index.js';
import { table } from '../../format.js';

/** People by importance with the parts of each score, so no number goes unexplained. */
export function rankedText(people: RankedPerson[]): string {
  if (people.length === 0)
    return 'No people yet. Add one with `rapport person add "Name"`, or try `rapport demo`.';
  const w = people[0]!.importance.weights;
  const pct = (x: number): string => `${Math.round(x * 100)}%`;
  return `${table(
    ['id', 'name', 'tier', 'importance', 'frequency', 'interconnected', 'sway'],
    people.map((p) => [
      p.id,
      p.name,
      p.tier,
      p.importance.score,
      p.importance.components.frequency,
      p.importance.components.interconnectedness,
      p.importance.components.sway,
    ]),
  )}\n\nimportance = ${pct(w.frequency)} frequency + ${pct(w.interconnectedness)} interconnectedness + ${pct(w.sway)} sway (docs/scoring.md)`;
}
