// The public surface of use cases: what the CLI and the API may call, one capability per folder.

export type { InitiativeReview, Quadrant } from '../domain/index.js';
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
export * from './accounts/index.js';
export * from './core/index.js';
export * from './influence/index.js';
export * from './map/index.js';
export * from './people/index.js';
export * from './relationship/index.js';
export * from './transfer/index.js';
export * from './workspace/index.js';
