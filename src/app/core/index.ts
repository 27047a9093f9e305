// Opening a workspace and finding people and initiatives by name.

// The one reading of typed dates (relative forms need the adapter's clock).
export { DATE_FORMS, readDate } from '../../domain/dates.js';
export type { Store } from '../../store/index.js';
export {
  DEFAULT_WORKSPACE,
  type OpenOptions,
  openRapport,
  openServerStore,
  type Rapport,
} from './context.js';
