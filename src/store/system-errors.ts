import { RapportError } from '../domain/errors.js';

// The machine, not the input, failed: a full disk, a file the user may not write, a broken
// disk. Each gets one line that says what happened to which database and that nothing was
// written (every write is one transaction), instead of a driver message presented as a bug.

interface DriverError {
  code?: string;
  message?: string;
}

type Failure = 'full' | 'write' | 'read-only' | 'io' | 'corrupt' | 'cannot-open';

function failureOf(error: unknown): Failure | null {
  const code = (error as DriverError | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === '53100' || code === 'ENOSPC') return 'full';
  if (
    code.startsWith('SQLITE_READONLY') ||
    code === '25006' ||
    code === 'EROFS' ||
    code === 'EACCES' ||
    code === 'EPERM'
  )
    return 'read-only';
  if (code === 'SQLITE_IOERR_WRITE' || code === 'EFBIG' || code === 'EDQUOT') return 'write';
  if (code.startsWith('SQLITE_IOERR') || code === '58030' || code === 'EIO') return 'io';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB' || code === 'XX001') return 'corrupt';
  if (code.startsWith('SQLITE_CANTOPEN')) return 'cannot-open';
  return null;
}

function messageOf(failure: Failure, where: string): string {
  switch (failure) {
    case 'full':
      return `The disk holding the database ${where} is full; nothing was written. Free some space and try again.`;
    case 'read-only':
      return `The database ${where} is read-only for you (the file or its folder cannot be written); nothing was changed. Check its permissions or pick another database location.`;
    case 'write':
      // SQLite reports a full disk as SQLITE_FULL only for ENOSPC; a quota or a file-size
      // limit arrives as a plain write error.
      return `Could not write to the disk holding the database ${where} (it may be full, or over a quota or size limit); nothing was written. Free some space and try again.`;
    case 'io':
      return `The disk holding the database ${where} failed to read or write; nothing was changed. Check the disk, then try again.`;
    case 'corrupt':
      return `The database ${where} is damaged; nothing was changed. Restore it from a backup (an export) or move it away.`;
    case 'cannot-open':
      return `The database ${where} cannot be opened (its folder may be missing or not writable); nothing was changed.`;
  }
}

/** The typed error for a failure of the machine, or null when `error` is something else. */
export function systemError(error: unknown, location: string): RapportError | null {
  if (error instanceof RapportError) return null;
  const failure = failureOf(error);
  if (!failure) return null;
  const typed = new RapportError('database', messageOf(failure, location), { failure });
  (typed as { cause?: unknown }).cause = error;
  return typed;
}
