import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { ImportReport } from '../app/index.js';
import { type ImportAnswer, RapportError } from '../contract/index.js';

export interface Upload {
  path: string;
  bytes: number;
  /** Deletes the file and its private directory; safe to call twice. */
  remove(): void;
}

/**
 * The uploaded file, written to a private temporary directory as it arrives (a 100 MB org chart
 * never sits in memory whole). The name keeps its extension, which tells the format; nothing of
 * the client's path is used.
 */
export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  const file = await request.file();
  if (!file)
    throw new RapportError('validation', 'file is required: send it as multipart field "file".', {
      field: 'file',
    });
  const dir = mkdtempSync(join(tmpdir(), 'rapport-upload-'));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const path = join(dir, basename(file.filename || 'upload').replace(/[^\w.-]/g, '_') || 'upload');
    let bytes = 0;
    file.file.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
    });
    await pipeline(file.file, createWriteStream(path, { mode: 0o600 }));
    // Past the size limit the part is cut short rather than failed: a partial file must not be
    // imported as if it were the whole.
    if (file.file.truncated) throw request.server.multipartErrors.RequestFileTooLargeError();
    return { path, bytes, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

/** An import's report with the totals a person reads first. */
export function importAnswer(report: ImportReport): ImportAnswer {
  return {
    format: report.format,
    created: report.people.created + report.interactions.created + report.ties.created,
    matched:
      report.people.updated + report.people.unchanged + report.interactions.unchanged + report.ties.unchanged,
    skipped: report.counts.skipped,
    errors: report.skipped.map((s) => ({
      line: Number(/line (\d+)/.exec(s.where)?.[1] ?? 0),
      message: s.reason,
    })),
    dryRun: report.dryRun,
    report,
  };
}
