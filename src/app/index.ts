// The public surface of use cases: what the CLI and the API may call.

export type {
  AskCheck,
  Coverage,
  FocusItem,
  InitiativeReview,
  NurtureEntry,
  Quadrant,
} from '../domain/index.js';
// Domain vocabulary the adapters need for flags, help texts and error handling.
export {
  ASK_SIZES,
  CATEGORIES,
  INTERACTION_CAPITAL,
  INTERACTION_KINDS,
  isRapportError,
  QUADRANT_LABELS,
  QUADRANTS,
  RapportError,
  STRATEGIES,
  STRATEGY_LABELS,
  splitList,
  TIER_LABELS,
  TIERS,
} from '../domain/index.js';
export { ask } from './ask.js';
export { type AssessCommand, type AssessResult, assess } from './assess.js';
export { allBalances, type BalanceView, personBalance } from './balances.js';
export { DEFAULT_WORKSPACE, type OpenOptions, openRapport, type Rapport } from './context.js';
export { coverage } from './coverage.js';
export { DEMO_SEED, type DemoSummary, loadDemo } from './demo.js';
export { EXPORT_FORMATS, EXPORT_WHATS, type ExportCommand, exportWorkspace } from './export.js';
export { focus } from './focus.js';
export { IMPORT_FORMATS, type ImportCommand, type ImportReport, importFile } from './import.js';
export { peopleByImportance, type RankedPerson } from './importance.js';
export {
  clustersWhereIKnowNobody,
  type InfluenceEntry,
  type InfluenceReport,
  influence,
} from './influence.js';
export { type CoalitionLine, coalition, type InfluencePath, influencePaths } from './influence-paths.js';
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
export { type MergeResult, mergePeople } from './merge.js';
export { exportNetwork, NETWORK_FORMATS } from './network-export.js';
export { nurture } from './nurture.js';
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
export { listPlans, type PlanCommand, type PlanView, plan } from './plans.js';
export { reminders, remindersFeed } from './reminders.js';
export { type ReviewView, review } from './review.js';
export { listSettings, type SettingView, setSetting } from './settings.js';
export { initiativeMap, type MapView, mapText } from './stakeholder-map.js';
export { type StartSummary, start } from './start.js';
export { declareTie, listTies, removeTie } from './ties.js';
