import { parseInput } from '../../contract/common.js';
import { MergePeopleInput, type MergeResult } from '../../contract/people.js';
import { ValidationError } from '../../domain/errors.js';
import type { PersonFields } from '../../domain/person.js';
import type { Rapport } from '../core/context.js';
import { resolvePersonId } from '../core/resolve.js';

const fill = <T>(x: T | null, y: T | null): T | null => x ?? y;
const both = (x: string | null, y: string | null): string | null =>
  x && y && x !== y ? `${x}\n${y}` : fill(x, y);

/**
 * Merges duplicate B into A: A keeps its fields and takes B's where A has none; B's emails,
 * ledger entries, assessments, plans, ties and reports move to A; B is deleted. One transaction.
 */
export async function mergePeople(r: Rapport, raw: MergePeopleInput): Promise<MergeResult> {
  const { survivor: survivorRef, duplicate: mergedRef } = parseInput(MergePeopleInput, raw);
  return r.store.transaction(async (store) => {
    const a = await resolvePersonId(store, r.ws, survivorRef);
    const b = await resolvePersonId(store, r.ws, mergedRef);
    if (a === b)
      throw new ValidationError(
        'merged',
        `"${survivorRef}" and "${mergedRef}" are the same person (#${a}); nothing to merge.`,
      );
    const keep = (await store.people.get(r.ws, a))!;
    const gone = (await store.people.get(r.ws, b))!;
    // A's manager may be B; then A reports to whoever B reported to.
    const managerId =
      keep.managerId === b
        ? gone.managerId === a
          ? null
          : gone.managerId
        : (keep.managerId ?? (gone.managerId === a ? null : gone.managerId));
    // Ties go through the network repository so its version (and cached metrics) moves on.
    const existing = await store.network.listTies(r.ws);
    const weightOf = new Map(existing.map((t) => [`${t.fromId}:${t.toId}:${t.kind}`, t.weight]));
    for (const t of existing.filter((t) => t.fromId === b || t.toId === b)) {
      await store.network.removeTies(r.ws, t.fromId, t.toId, t.kind);
      const from = t.fromId === b ? a : t.fromId;
      const to = t.toId === b ? a : t.toId;
      if (from === to) continue;
      const kept = weightOf.get(`${from}:${to}:${t.kind}`) ?? 0;
      await store.network.upsertTie(r.ws, from, to, t.kind, Math.max(kept, t.weight), r.now().toISOString());
    }
    await store.people.mergeInto(r.ws, a, b);
    // Every field of both records survives: A's value where it has one, else B's; lists are
    // unioned; two different notes are both kept. (The person's columns are known in one place,
    // the people repository, which writes them all.)
    const after = (await store.people.get(r.ws, a))!;
    const { id: _id, managerId: _m, createdAt: _c, updatedAt: _u, ...fields } = after;
    const merged: PersonFields = {
      ...fields,
      title: fill(keep.title, gone.title),
      team: fill(keep.team, gone.team),
      department: fill(keep.department, gone.department),
      level: fill(keep.level, gone.level),
      phone: fill(keep.phone, gone.phone),
      company: fill(keep.company, gone.company),
      // 'stakeholder' is what a person gets when nobody said; a stated category wins over it.
      category: keep.category === 'stakeholder' ? gone.category : keep.category,
      tier: keep.tier === 'none' ? gone.tier : keep.tier,
      cadenceDays: fill(keep.cadenceDays, gone.cadenceDays),
      interests: [...new Set([...keep.interests, ...gone.interests])],
      communication: both(keep.communication, gone.communication),
      notes: both(keep.notes, gone.notes),
    };
    await store.people.update(r.ws, a, { ...merged, managerId }, r.now().toISOString());
    return { survivor: { id: a, name: keep.name }, merged: { id: b, name: gone.name }, emails: after.emails };
  });
}
