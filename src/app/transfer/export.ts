import { createHash } from 'node:crypto';
import { parseInput } from '../../contract/common.js';
import { type EXPORT_WHATS, ExportInput } from '../../contract/transfer.js';
import {
  ASSESSMENTS_CSV_HEADER,
  assessmentCsvLine,
  csvLine,
  INTERACTIONS_CSV_HEADER,
  interactionCsvLine,
  PEOPLE_CSV_HEADER,
  personCsvLine,
  type VCardVersion,
  writeVCard,
} from '../../formats/index.js';
import type { Store } from '../../store/index.js';
import type { Rapport } from '../core/context.js';
import { exportBackup } from './backup.js';

/** The export as text: a JSON backup, a CSV of one table, or vCards of everyone. */
export async function exportWorkspace(r: Rapport, raw?: ExportInput): Promise<string> {
  const { format, what, vcardVersion } = parseInput(ExportInput, raw);
  if (format === 'json') return exportBackup(r);
  if (format === 'vcard') return exportVCards(r, vcardVersion);
  return exportCsv(r, what);
}

async function exportCsv(r: Rapport, what: (typeof EXPORT_WHATS)[number]): Promise<string> {
  return r.store.read((store) => csvOf(store, r.ws, what));
}

async function csvOf(store: Store, ws: number, what: (typeof EXPORT_WHATS)[number]): Promise<string> {
  const repo = store.imports;
  const people = await repo.allPeople(ws);
  if (what === 'people') {
    const externalIds = await repo.allExternalIds(ws);
    return (
      csvLine(PEOPLE_CSV_HEADER) +
      people.map((p) => personCsvLine({ ...p, externalIds: externalIds.get(p.id) ?? [] })).join('')
    );
  }
  const byId = new Map(people.map((p) => [p.id, p]));
  const initiatives = new Map(
    (await store.initiatives.list(ws, { includeArchived: true })).map((i) => [i.id, i.name]),
  );
  if (what === 'interactions') {
    const rows = await repo.allInteractions(ws);
    return (
      csvLine(INTERACTIONS_CSV_HEADER) +
      rows
        .map((x) =>
          interactionCsvLine({
            ...x,
            initiative: x.initiativeId === null ? null : (initiatives.get(x.initiativeId) ?? null),
            people: x.personIds.map((id) => ({
              name: byId.get(id)?.name ?? `#${id}`,
              email: byId.get(id)?.emails[0] ?? null,
            })),
          }),
        )
        .join('')
    );
  }
  const rows = await repo.allAssessments(ws);
  return (
    csvLine(ASSESSMENTS_CSV_HEADER) +
    rows
      .map((a) =>
        assessmentCsvLine({
          assessedAt: a.assessedAt,
          initiative: initiatives.get(a.initiativeId) ?? `#${a.initiativeId}`,
          person: byId.get(a.personId)?.name ?? `#${a.personId}`,
          email: byId.get(a.personId)?.emails[0] ?? null,
          influence: a.influence,
          stance: a.stance,
          interconnectedness: a.interconnectedness,
          note: a.note,
        }),
      )
      .join('')
  );
}

/** A UUID derived from the workspace and person, so re-exports update contacts, not duplicate them. */
function stableUuid(seed: string): string {
  const h = createHash('sha1').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

async function exportVCards(r: Rapport, version: VCardVersion): Promise<string> {
  const people = await r.store.read((store) => store.imports.allPeople(r.ws));
  const names = new Map(people.map((p) => [p.id, p.name]));
  return people
    .map((p) =>
      writeVCard(
        {
          uid: stableUuid(`rapport:${r.ws}:${p.id}`),
          name: p.name,
          emails: p.emails,
          title: p.title,
          company: p.company,
          department: p.department,
          phone: p.phone,
          notes: p.notes,
          managerName: p.managerId === null ? null : (names.get(p.managerId) ?? null),
        },
        version,
      ),
    )
    .join('');
}
