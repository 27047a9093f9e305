// The relationship with each person: ledger, balances, care (nurture), focus, asks, plans, coverage.
export { ask } from './ask.js';
export { allBalances, type BalanceView, personBalance } from './balances.js';
export { coverage } from './coverage.js';
export { focus } from './focus.js';
export { peopleByImportance, type RankedPerson } from './importance.js';
export { type LedgerLine, type LedgerView, ledger } from './ledger.js';
export { type LogCommand, type LogResult, logInteraction } from './log.js';
export { nurture } from './nurture.js';
export { listPlans, type PlanCommand, type PlanView, plan } from './plans.js';
