// An import's upload, with its progress: first the bytes going up, then the server reading the
// file (it answers in JSON lines: progress lines, then the answer or the error as the last line).
// XMLHttpRequest, not fetch: only it reports how much of a request body has been sent.

import { API, ApiError, apiError } from './client';
import type { ImportPreview, ImportStreamLine } from './types';

export type UploadProgress =
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'reading'; records: number; bytes: number; totalBytes: number };

/** How far along an upload is, 0–100, and what to say about it. */
export function describeProgress(p: UploadProgress): { percent: number; label: string } {
  if (p.phase === 'sending')
    return {
      percent: p.total > 0 ? (100 * p.sent) / p.total : 0,
      label: `Sending the file: ${megabytes(p.sent)} of ${megabytes(p.total)}`,
    };
  const percent = p.totalBytes > 0 ? (100 * p.bytes) / p.totalBytes : 0;
  return {
    percent,
    label: `Reading: ${p.records.toLocaleString('en')} records so far (${Math.floor(percent)} % of the file)`,
  };
}

const megabytes = (n: number) => `${(n / 1_048_576).toFixed(n < 10_485_760 ? 1 : 0)} MB`;

export function uploadImport(
  file: File,
  dryRun: boolean,
  onProgress: (p: UploadProgress) => void,
): Promise<ImportPreview> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API}/imports?dryRun=${dryRun}`);
    xhr.setRequestHeader('accept', 'application/x-ndjson');
    let seen = 0;
    let last: ImportStreamLine | null = null;
    // Lines arrive whole or in pieces; only complete ones are read.
    const readLines = () => {
      const text = xhr.responseText;
      let nl = text.indexOf('\n', seen);
      while (nl >= 0) {
        const line = JSON.parse(text.slice(seen, nl)) as ImportStreamLine;
        seen = nl + 1;
        last = line;
        if ('progress' in line) onProgress({ phase: 'reading', ...line.progress });
        nl = text.indexOf('\n', seen);
      }
    };
    xhr.upload.onprogress = (e) => onProgress({ phase: 'sending', sent: e.loaded, total: e.total });
    xhr.onprogress = () => {
      if (xhr.status === 200) readLines();
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached; try again.'));
    xhr.onload = () => {
      if (xhr.status !== 200) {
        reject(apiError(xhr.status, xhr.statusText, xhr.responseText));
        return;
      }
      try {
        readLines();
      } catch {
        reject(new ApiError(xhr.status, 'http', 'The server answered something unreadable.'));
        return;
      }
      const end = last as ImportStreamLine | null;
      if (end && 'result' in end) resolve(end.result);
      else if (end && 'error' in end)
        reject(new ApiError(422, end.error.code, end.error.message, end.error.details));
      else reject(new ApiError(xhr.status, 'http', 'The import stopped before it said how it ended.'));
    };
    const form = new FormData();
    form.set('file', file);
    xhr.send(form);
  });
}
