// The use-case contract: one zod schema per use-case input and for the main results, shared by
// app/ (which validates with them), the CLI, the API and the web app. Pure: zod and domain only.

export * from './accounts.js';
export * from './common.js';
export * from './errors.js';
export * from './influence.js';
export * from './map.js';
export * from './onboarding-lists.js';
export * from './people.js';
export * from './practice.js';
export * from './prep.js';
export * from './relationship.js';
export * from './transfer.js';
export * from './workspace.js';
