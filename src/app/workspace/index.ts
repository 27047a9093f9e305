// The workspace itself: settings, the first start and the demo organisation.
export { DEMO_SEED, type DemoSummary, loadDemo } from './demo.js';
export { listSettings, type SettingView, setSetting } from './settings.js';
export { type StartSummary, start } from './start.js';
