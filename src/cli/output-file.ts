import { closeSync, existsSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { RapportError } from '../contract/errors.js';

/** Refuses an output path that cannot be written, before any work is done for it. */
export function checkOutputPath(path: string): void {
  const file = resolve(path);
  const folder = dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new RapportError(
      'validation',
      `Cannot write ${path}: the folder ${folder} does not exist. Create it first or pick another file.`,
      {
        input: 'output',
      },
    );
  }
  if (existsSync(file) && statSync(file).isDirectory()) {
    throw new RapportError(
      'validation',
      `Cannot write ${path}: it is a folder, not a file. Name a file inside it instead.`,
      {
        input: 'output',
      },
    );
  }
}

function writeFailure(path: string, e: unknown): RapportError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG'
      ? 'the disk is full'
      : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
        ? 'you may not write there (read-only)'
        : `the system refused (${code ?? 'unknown error'})`;
  return new RapportError('validation', `Cannot write ${path}: ${why}; nothing was written.`, {
    input: 'output',
  });
}

/**
 * Writes an export to a file readable by its owner only (exports hold private notes), whole or
 * not at all: the text goes to a temporary file beside it that is renamed over the target, so
 * a full disk never leaves half a backup behind.
 */
export function writeOutputFile(path: string, content: string | Uint8Array): void {
  checkOutputPath(path);
  const file = resolve(path);
  const temp = join(dirname(file), `.${process.pid}.${Date.now()}.rapport-partial`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      if (typeof content === 'string') writeSync(fd, content);
      else writeSync(fd, content);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw writeFailure(path, e);
  }
}
