/**
 * Errors a user can cause. Each carries a stable code (for the API and scripts), a message
 * that names the input and the fix, and optional details. Adapters print these; anything
 * else that escapes is a bug and is reported as such, never as a stack trace.
 */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'ambiguous'
  | 'conflict'
  | 'usage'
  | 'bad_file'
  | 'database';

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

export class ValidationError extends RapportError {
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
      `"${ref}" matches ${candidates.length} ${what}s: ${candidates.join('; ')}. Use the id or email instead.`,
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
