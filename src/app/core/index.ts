// Opening a workspace and finding people and initiatives by name.

// The domain's vocabulary every adapter names (tiers, kinds, quadrants, errors), from the files
// that define it rather than the domain's index, so a command loads only what it uses.
export { ASK_SIZES } from '../../domain/ask.js';
// The one reading of typed dates (relative forms need the adapter's clock).
export { DATE_FORMS, readDate } from '../../domain/dates.js';
export { isRapportError, RapportError } from '../../domain/errors.js';
export { INTERACTION_CAPITAL, INTERACTION_KINDS } from '../../domain/interaction.js';
export { CATEGORIES, splitList, TIER_LABELS, TIERS } from '../../domain/person.js';
export { STRATEGIES, STRATEGY_LABELS } from '../../domain/plan.js';
export type { InitiativeReview } from '../../domain/review.js';
export { QUADRANT_LABELS, QUADRANTS, type Quadrant } from '../../domain/stakeholder-map.js';
export type { Store } from '../../store/index.js';
export {
  DEFAULT_WORKSPACE,
  type OpenOptions,
  openRapport,
  openServerStore,
  type Rapport,
} from './context.js';
export { stateCacheSize } from './state-cache.js';
