// The names of the people reasons refer to, by id. Every reason on a page asks for its own
// people; the asks made in one tick go to the server as one request (up to 1,000 ids each), so a
// page of twenty reasons costs one cheap call, whatever the size of the workspace.
import { useQueries } from '@tanstack/react-query';
import { get } from './client';

const BATCH = 1000;
let waiting = new Map<number, ((name: string | null) => void)[]>();
let scheduled = false;

async function flush(): Promise<void> {
  const batch = waiting;
  waiting = new Map();
  scheduled = false;
  const ids = [...batch.keys()];
  for (let i = 0; i < ids.length; i += BATCH) {
    const chunk = ids.slice(i, i + BATCH);
    let found = new Map<number, string>();
    try {
      const named = await get<{ id: number; name: string }[]>('/people/names', { ids: chunk.join(',') });
      found = new Map(named.map((p) => [p.id, p.name]));
    } catch {
      // A reason still reads well without its links; the next visit asks again.
    }
    for (const id of chunk) for (const done of batch.get(id) ?? []) done(found.get(id) ?? null);
  }
}

/** The person's name, or null when there is no such person (removed since the reason was made). */
export function nameOf(id: number): Promise<string | null> {
  return new Promise((resolve) => {
    waiting.set(id, [...(waiting.get(id) ?? []), resolve]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}

/** The people among `ids` whose names are known so far (under the people key: an edit refreshes them). */
export function usePersonNames(ids: number[]): { id: number; name: string }[] {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['people', 'name', id] as const,
      queryFn: () => nameOf(id),
      staleTime: 60_000,
    })),
    combine: (results) => results.flatMap((r, i) => (r.data ? [{ id: ids[i]!, name: r.data }] : [])),
  });
}
