// The public surface of use cases: what the CLI and the API may call.

// Domain vocabulary the adapters need for flags, help texts and error handling.
export {
  CATEGORIES,
  INTERACTION_CAPITAL,
  INTERACTION_KINDS,
  isRapportError,
  RapportError,
  splitList,
  TIERS,
} from '../domain/index.js';
export { type AssessCommand, type AssessResult, assess } from './assess.js';
export { DEFAULT_WORKSPACE, type OpenOptions, openRapport, type Rapport } from './context.js';
export { DEMO_SEED, type DemoSummary, loadDemo } from './demo.js';
export {
  addInitiative,
  archiveInitiative,
  type InitiativeDetail,
  type InitiativeSummary,
  listInitiatives,
  showInitiative,
} from './initiatives.js';
export { type LedgerLine, type LedgerView, ledger } from './ledger.js';
export { type LogCommand, type LogResult, logInteraction } from './log.js';
export {
  addPerson,
  editPerson,
  getMe,
  listPeople,
  type PersonCommand,
  type PersonDetail,
  type PersonView,
  removePerson,
  setMe,
  showPerson,
} from './people.js';
export { type StartSummary, start } from './start.js';
