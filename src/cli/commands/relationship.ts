import type { Command } from 'commander';
import * as ask from './relationship/ask.js';
import * as balance from './relationship/balance.js';
import * as coverage from './relationship/coverage.js';
import * as focus from './relationship/focus.js';
import * as map from './relationship/map.js';
import * as nurture from './relationship/nurture.js';
import * as onboard from './relationship/onboard.js';
import * as plan from './relationship/plan.js';
import * as practice from './relationship/practice.js';
import * as review from './relationship/review.js';
import * as settings from './relationship/settings.js';

/** The weekly questions: map, balances, nurture, coverage, focus, ask, review, plans, settings. */
export function register(program: Command): void {
  for (const m of [map, balance, nurture, coverage, onboard, focus, ask, review, plan, practice, settings])
    m.register(program);
}
