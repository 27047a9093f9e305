// The rows an import reads and writes, and the batches it works in: shared by the reads
// (import-reads.ts) and the writes (imported-people.ts, imports.ts).

/** A person as the importer compares and writes them: the columns an import can set. */
export interface ImportPersonRow {
  name: string;
  title: string | null;
  team: string | null;
  department: string | null;
  level: number | null;
  managerId: number | null;
  phone: string | null;
  company: string | null;
  category: string;
  tier: string;
  cadenceDays: number | null;
  interests: string[];
  communication: string | null;
  notes: string | null;
  location: string | null;
  hireDate: string | null;
  emails: string[];
  createdAt: string;
  updatedAt: string;
}

export interface ImportInteractionRow {
  occurredAt: string;
  kind: string;
  capital: number;
  note: string | null;
  initiativeId: number | null;
  personIds: number[];
  source: string | null;
  createdAt: string;
  /** Shared with the workspace by its author (the importing member); private when absent. */
  shared?: boolean;
}

const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
