// The relationship with each person: ledger, balances, care (nurture), focus, asks, plans, coverage.

export type {
  AttentionInput,
  AttentionView,
  DepositPick,
  DepositsInput,
  StageView,
  ThanksInput,
  ThanksView,
} from '../../contract/practice.js';
export type {
  AddPlanStepInput,
  AskCheck,
  AskInput,
  BalanceView,
  CompletePlanStepInput,
  Coverage,
  FocusItem,
  LedgerInput,
  LedgerLine,
  LedgerView,
  LogInput,
  NurtureEntry,
  PersonBalance,
} from '../../contract/relationship.js';
export { ask } from './ask.js';
export { attention } from './attention.js';
export { allBalances, personBalance } from './balances.js';
export { coverage } from './coverage.js';
export { deposits } from './deposits.js';
export { focus, focusUncached } from './focus.js';
export { peopleByImportance, peopleListed, type RankedPerson } from './importance.js';
export { ledger } from './ledger.js';
export { editInteraction, RESTORE_DAYS, removeInteraction, restoreInteraction } from './ledger-edit.js';
export { type LogResult, logInteraction } from './log.js';
export { nurture } from './nurture.js';
export { listSuggestions, type OnboardingView, onboarding } from './onboarding.js';
export { addPlanStep, completePlanStep, listPlans, type PlanView, plansFor } from './plans.js';
export { prep } from './prep.js';
export { thanks } from './thanks.js';
