import type { Backup, BackupPerson } from './backup-records.js';

// A backup: its records (backup-records.ts), the parser that checks one completely
// (backup-parse.ts, field checks in backup-check.ts) and the deterministic writer here.

export { type BackupOptions, parseBackup } from './backup-parse.js';
export * from './backup-records.js';

/**
 * Deterministic JSON: keys sorted at every level, two-space indent, one trailing newline.
 * Arrays keep the order the exporter gives them (it sorts by stable keys).
 */
export function writeBackup(backup: Backup): string {
  return `${JSON.stringify(canonical({ ...backup, people: backup.people.map(withoutUnset) }), null, 2)}\n`;
}

/**
 * The person fields added later in version 1 are written only when set: a backup made before
 * them restores and exports again to the same bytes.
 */
function withoutUnset(p: BackupPerson): BackupPerson {
  const out = { ...p };
  if (out.location === null) delete out.location;
  if (out.hireDate === null) delete out.hireDate;
  if (out.externalIds?.length === 0) delete out.externalIds;
  return out;
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = canonical(x);
    }
    return out;
  }
  return v;
}

export const looksLikeBackup = (head: string): boolean =>
  /^\s*\{[\s\S]*"format"\s*:\s*"rapport-backup"/.test(head);
