// Opening a workspace and finding people and initiatives by name.
export { DEFAULT_WORKSPACE, type OpenOptions, openRapport, type Rapport } from './context.js';
