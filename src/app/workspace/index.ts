// The workspace itself: settings, the first start and the demo organisation.
export { DEMO_SEED, type DemoSummary, loadDemo } from './demo.js';
export {
  listSettings,
  resetSettings,
  type SettingProblem,
  type SettingView,
  setSetting,
  settingProblems,
} from './settings.js';
export { type StartSummary, start, type WorkspaceSummary, workspaceSummary } from './start.js';
