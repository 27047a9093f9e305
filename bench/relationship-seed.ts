// The relationship benchmarks' workspace: 10,000 people in a five-level org chart, 200
// initiatives with assessments, 1,000,000 interactions over two years, always the same (seeded).
// Shared by bench/relationship.ts and bench/api.ts. Env: BENCH_PEOPLE, BENCH_INTERACTIONS.
import { seededRandom } from '../src/analytics/random.js';
import { INTERACTION_CAPITAL, type InteractionKind } from '../src/domain/interaction.js';
import { newPersonFields, type Tier } from '../src/domain/person.js';
import {
  type BulkPerson,
  insertInteractions,
  insertPeople,
  type NewInteraction,
  type Store,
} from '../src/store/index.js';

export const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
export const INITIATIVES = 200;
export const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 1_000_000);
export const NOW = new Date('2026-11-23T10:00:00.000Z');
export const NOW_ISO = NOW.toISOString();
const DAY = 86_400_000;

const KINDS = Object.keys(INTERACTION_CAPITAL) as InteractionKind[];
/** A 1 / 10 / 100 / 1,000 / rest org chart: five levels, each manager with ten reports. */
const LEVEL_SIZES = [1, 10, 100, 1000];

/** A random assessment of `person` on `initiative`, `ago` days before NOW. */
export function assessAtRandom(
  tx: Pick<Store, 'assessments'>,
  ws: number,
  initiative: number,
  person: number,
  rand: () => number,
  ago: number,
): Promise<unknown> {
  return tx.assessments.insert(
    ws,
    initiative,
    person,
    {
      influence: Math.floor(rand() * 101),
      stance: Math.floor(rand() * 201) - 100,
      interconnectedness: Math.floor(rand() * 6),
      note: null,
    },
    new Date(NOW.getTime() - ago * DAY).toISOString(),
  );
}

export async function seed(store: Store): Promise<{ ws: number; me: number }> {
  const rand = seededRandom(20261123);
  const ws = await store.workspaces.ensure('default', NOW_ISO);
  const tierOf = (): Tier => {
    const x = rand();
    return x < 0.02 ? 'partner' : x < 0.1 ? 'friend' : x < 0.3 ? 'acquaintance' : 'none';
  };
  const ids: number[] = [];
  let previous: number[] = [];
  let made = 0;
  for (let level = 1; made < PEOPLE; level++) {
    const size = LEVEL_SIZES[level - 1] ?? PEOPLE - made;
    const rows: BulkPerson[] = [];
    for (let i = 0; i < size && made < PEOPLE; i++, made++) {
      const outside = level === 5 && rand() < 0.05;
      rows.push({
        fields: newPersonFields({
          name: `Person ${made}`,
          title: `Level ${level}`,
          team: `Team ${level}-${Math.floor(i / 10)}`,
          category: outside ? (rand() < 0.5 ? 'provider' : 'client') : 'stakeholder',
          tier: tierOf(),
          interests: rand() < 0.5 ? ['cycling'] : [],
          emails: [`p${made}@bench.example`],
        }),
        managerId: outside || previous.length === 0 ? null : previous[Math.floor(i / 10) % previous.length]!,
      });
    }
    const inserted = await store.transaction((tx) => insertPeople(tx, ws, rows, NOW_ISO));
    ids.push(...inserted);
    previous = inserted;
  }
  const me = ids[111 + 5]!; // a level-4 manager
  await store.workspaces.setMe(ws, me);

  const initiatives: number[] = [];
  for (let i = 0; i < INITIATIVES; i++)
    initiatives.push(await store.initiatives.insert(ws, `Initiative ${i}`, null, NOW_ISO));
  await store.transaction(async (tx) => {
    for (const initiative of initiatives) {
      for (let k = 0; k < 40; k++) {
        const person = ids[Math.floor(rand() * ids.length)]!;
        for (const ago of [120, 20 + Math.floor(rand() * 40)]) {
          await assessAtRandom(tx, ws, initiative, person, rand, ago);
        }
      }
    }
  });

  const batch = 50_000;
  for (let start = 0; start < INTERACTIONS; start += batch) {
    const rows: NewInteraction[] = [];
    for (let i = start; i < Math.min(INTERACTIONS, start + batch); i++) {
      const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
      const n = rand() < 0.9 ? 1 : 2 + Math.floor(rand() * 2);
      const people = new Set<number>();
      while (people.size < n) people.add(ids[Math.floor(rand() * ids.length)]!);
      rows.push({
        occurredAt: new Date(NOW.getTime() - Math.floor(rand() * 730 * DAY)).toISOString(),
        kind,
        capital: INTERACTION_CAPITAL[kind],
        note: null,
        initiativeId: rand() < 0.2 ? initiatives[Math.floor(rand() * initiatives.length)]! : null,
        personIds: [...people],
        source: 'bench',
      });
    }
    await store.transaction((tx) => insertInteractions(tx, ws, rows, NOW_ISO));
  }
  return { ws, me };
}
