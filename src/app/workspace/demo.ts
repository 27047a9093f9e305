import { parseInput } from '../../contract/common.js';
import { DemoInput, type DemoSummary } from '../../contract/workspace.js';
import { PreconditionError } from '../../domain/errors.js';
import { INTERACTION_CAPITAL } from '../../domain/interaction.js';
import { newPersonFields, type PersonFields } from '../../domain/person.js';
import type { Rapport } from '../core/context.js';
import { demoOrganisation } from './demo/organisation.js';

export const DEMO_SEED = 20261123;

export type { DemoSummary };

/**
 * Fills an empty workspace with the demo organisation, in one transaction. A workspace that
 * already holds people is refused rather than mixed with invented ones.
 */
export async function loadDemo(r: Rapport, raw?: DemoInput): Promise<DemoSummary> {
  const { seed } = parseInput(DemoInput, raw);
  const org = demoOrganisation(seed ?? DEMO_SEED, r.now());
  return r.store.transaction(async (store) => {
    const existing = await store.people.count(r.ws);
    if (existing > 0) {
      throw new PreconditionError(
        'empty-workspace',
        `This database already holds ${existing} people; the demo needs an empty one.`,
      );
    }
    const nowIso = r.now().toISOString();
    const ids = new Map<number, number>();
    for (const p of org.people) {
      const fields: PersonFields = newPersonFields({
        name: p.name,
        title: p.title,
        team: p.team,
        department: p.department,
        level: p.level,
        emails: p.email ? [p.email] : [],
        company: p.company,
        category: p.category,
        tier: p.tier,
        cadenceDays: p.cadenceDays,
        interests: p.interests,
        communication: p.communication,
      });
      const manager = p.managerKey === null ? null : ids.get(p.managerKey)!;
      ids.set(p.key, await store.people.insert(r.ws, fields, manager, nowIso));
    }
    await store.workspaces.setMe(r.ws, ids.get(org.meKey)!);
    const initiativeIds: number[] = [];
    for (const i of org.initiatives)
      initiativeIds.push(await store.initiatives.insert(r.ws, i.name, i.description, nowIso));
    for (const a of org.assessments) {
      await store.assessments.insert(
        r.ws,
        initiativeIds[a.initiative]!,
        ids.get(a.personKey)!,
        { influence: a.influence, stance: a.stance, interconnectedness: a.interconnectedness, note: a.note },
        a.assessedAt,
      );
    }
    for (const it of org.interactions) {
      await store.interactions.insert(
        r.ws,
        {
          occurredAt: it.occurredAt,
          kind: it.kind,
          capital: INTERACTION_CAPITAL[it.kind],
          note: it.note,
          initiativeId: it.initiative === null ? null : initiativeIds[it.initiative]!,
          personIds: it.personKeys.map((k) => ids.get(k)!),
          source: 'demo',
        },
        nowIso,
      );
    }
    return {
      company: org.company,
      people: org.people.length,
      me: { id: ids.get(org.meKey)!, name: org.people[org.meKey]!.name },
      initiatives: org.initiatives.map((i, n) => ({ id: initiativeIds[n]!, name: i.name })),
      assessments: org.assessments.length,
      interactions: org.interactions.length,
    };
  });
}
