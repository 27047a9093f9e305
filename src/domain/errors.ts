/**
 * Errors a user can cause, in one catalogue. Each has a stable code (for the API and scripts),
 * a message that names the input and the fix in words every surface shares (never a CLI flag
 * or an HTTP route), optional details, and how each adapter reports it. The CLI and the API
 * translate from this table; anything else that escapes is a bug and is reported as such.
 */
export const ERROR_CATALOGUE = {
  /** An input is missing, malformed or out of range; `details.field` names it. */
  validation: { exitCode: 1, httpStatus: 400 },
  /** No person, initiative, tie, step or file matches the reference given. */
  not_found: { exitCode: 1, httpStatus: 404 },
  /** A reference matches several records; `details.candidates` lists them. */
  ambiguous: { exitCode: 1, httpStatus: 409 },
  /** The input clashes with what is stored (a taken email, a duplicate initiative name). */
  conflict: { exitCode: 1, httpStatus: 409 },
  /** The workspace is not in a state the request needs (no "me" yet, not empty, archived). */
  precondition: { exitCode: 1, httpStatus: 409 },
  /** A file handed in is not what it claims to be; details name the file and the place. */
  bad_file: { exitCode: 1, httpStatus: 422 },
  /** The database cannot be opened, reached or prepared. */
  database: { exitCode: 1, httpStatus: 503 },
  /** No valid session or token: sign in first (the server only). */
  unauthenticated: { exitCode: 1, httpStatus: 401 },
  /** Signed in, but the role in this workspace does not allow it. */
  forbidden: { exitCode: 1, httpStatus: 403 },
  /** Too many attempts (sign-in); `details.retryAfterSeconds` says when to try again. */
  rate_limited: { exitCode: 1, httpStatus: 429 },
} as const satisfies Record<string, { exitCode: number; httpStatus: number }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;
export const ERROR_CODES = Object.keys(ERROR_CATALOGUE) as ErrorCode[];

export class RapportError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'RapportError';
    this.code = code;
    this.details = details;
  }
}

/** One failed check of an input: where in the input (`path`) and what is wrong. */
export interface InputIssue {
  path: (string | number)[];
  message: string;
}

export class ValidationError extends RapportError {
  /** The input at fault, as the contract names it (`top`, `initiative`, `cadence.partner`). */
  readonly field: string;
  constructor(field: string, message: string, details?: Record<string, unknown>) {
    super('validation', message, { field, ...details });
    this.name = 'ValidationError';
    this.field = field;
  }
}

export class NotFoundError extends RapportError {
  constructor(what: string, ref: string, hint?: string) {
    super('not_found', `No ${what} matches "${ref}".${hint ? ` ${hint}` : ''}`, { what, ref });
    this.name = 'NotFoundError';
  }
}

export class AmbiguousError extends RapportError {
  constructor(what: string, ref: string, candidates: string[]) {
    super(
      'ambiguous',
      `"${ref}" matches ${candidates.length} ${what === 'person' ? 'people' : `${what}s`}: ${candidates.join('; ')}. Use the id or email instead.`,
      { what, ref, candidates },
    );
    this.name = 'AmbiguousError';
  }
}

export const isRapportError = (e: unknown): e is RapportError => e instanceof RapportError;

/** The input clashes with what is stored (a taken email, a duplicate initiative name). */
export class ConflictError extends RapportError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
    this.name = 'ConflictError';
  }
}

/** The workspace must first be put in another state; `details.needs` says which. */
export class PreconditionError extends RapportError {
  constructor(needs: string, message: string, details?: Record<string, unknown>) {
    super('precondition', message, { needs, ...details });
    this.name = 'PreconditionError';
  }
}
