// The error catalogue as every surface sees it: codes, their CLI exit codes and HTTP statuses.
export {
  ERROR_CATALOGUE,
  ERROR_CODES,
  type ErrorCode,
  type InputIssue,
  isRapportError,
  RapportError,
} from '../domain/errors.js';
