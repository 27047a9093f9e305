import type { DemoSummary } from '../../contract/workspace.js';
import { PreconditionError } from '../../domain/errors.js';
import { INTERACTION_CAPITAL } from '../../domain/interaction.js';
import { newPersonFields, type PersonFields } from '../../domain/person.js';
import type { NewInteraction, Store } from '../../store/index.js';
import type { DemoInteraction, DemoOrganisation, DemoPerson } from './demo/model.js';

// What the sample and the company demo write alike.

/** Refuses to mix invented people with real ones. */
export async function requireEmpty(store: Store, ws: number): Promise<void> {
  const existing = await store.people.count(ws);
  if (existing > 0) {
    throw new PreconditionError(
      'empty-workspace',
      `This database already holds ${existing} people; the demo needs an empty one.`,
    );
  }
}

export const personFieldsOf = (p: DemoPerson): PersonFields =>
  newPersonFields({
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

/** Me, the initiatives and their assessments; returns the initiatives' ids in order. */
export async function writeInitiatives(
  store: Store,
  ws: number,
  org: DemoOrganisation,
  idOf: (key: number) => number,
  nowIso: string,
): Promise<number[]> {
  await store.workspaces.setMe(ws, idOf(org.meKey));
  const initiativeIds: number[] = [];
  for (const i of org.initiatives)
    initiativeIds.push(await store.initiatives.insert(ws, i.name, i.description, nowIso));
  for (const a of org.assessments) {
    await store.assessments.insert(
      ws,
      initiativeIds[a.initiative]!,
      idOf(a.personKey),
      { influence: a.influence, stance: a.stance, interconnectedness: a.interconnectedness, note: a.note },
      a.assessedAt,
    );
  }
  return initiativeIds;
}

export const interactionRow = (
  it: DemoInteraction,
  initiativeIds: number[],
  idOf: (key: number) => number,
): NewInteraction => ({
  occurredAt: it.occurredAt,
  kind: it.kind,
  capital: INTERACTION_CAPITAL[it.kind],
  note: it.note,
  initiativeId: it.initiative === null ? null : initiativeIds[it.initiative]!,
  personIds: it.personKeys.map(idOf),
  source: 'demo',
});

export const summaryOf = (
  org: DemoOrganisation,
  idOf: (key: number) => number,
  initiativeIds: readonly number[],
): DemoSummary => ({
  company: org.company,
  people: org.people.length,
  me: { id: idOf(org.meKey), name: org.people[org.meKey]!.name },
  initiatives: org.initiatives.map((i, n) => ({ id: initiativeIds[n]!, name: i.name })),
  assessments: org.assessments.length,
  interactions: org.interactions.length,
});
