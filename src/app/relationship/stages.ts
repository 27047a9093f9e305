import type { StageView } from '../../contract/practice.js';
import type { RelationshipSettings } from '../../domain/settings.js';
import { commonGround, INFORMAL_KINDS, nextStageStep, stageOf } from '../../domain/stages.js';
import type { Engagement, PracticePerson } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { since } from './practice-data.js';

export interface StagedPerson {
  person: PracticePerson;
  engagement: Engagement;
  view: StageView;
}

/**
 * The relationship stage of the given people from the ledger (informal contact ever, one-to-ones
 * in the window), the interests they share with me and the step to the next stage.
 */
export async function stagesFor(
  r: Rapport,
  settings: RelationshipSettings,
  ids: readonly number[],
  /** Me, when the caller has read it already: one round trip fewer. */
  known?: { me: number | null },
): Promise<Map<number, StagedPerson>> {
  const s = settings.stages;
  const me = known ? known.me : await r.store.workspaces.me(r.ws);
  const wanted = [...new Set(ids)];
  const [people, engagement] = await Promise.all([
    r.store.practice.people(r.ws, me === null ? wanted : [...wanted, me]),
    r.store.practice.engagement(r.ws, wanted, {
      informalKinds: INFORMAL_KINDS,
      oneToOneSince: since(r, s.windowDays),
    }),
  ]);
  const mine = people.find((p) => p.id === me)?.interests ?? [];
  const out = new Map<number, StagedPerson>();
  for (const p of people) {
    if (!wanted.includes(p.id)) continue;
    const e = engagement.get(p.id) ?? { personId: p.id, informal: 0, oneToOne: 0 };
    const stage = stageOf(e, s.established);
    const shared = p.id === me ? [] : commonGround(mine, p.interests);
    out.set(p.id, {
      person: p,
      engagement: e,
      view: {
        stage,
        informal: e.informal,
        oneToOne: e.oneToOne,
        windowDays: s.windowDays,
        commonGround: shared,
        next: p.id === me ? null : nextStageStep(p, stage, shared, e, s),
      },
    });
  }
  return out;
}
