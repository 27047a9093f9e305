// The public surface of use cases: what the CLI and the API may call, one capability per folder.

export * from './accounts/index.js';
export * from './core/index.js';
export * from './influence/index.js';
export * from './map/index.js';
export * from './people/index.js';
export * from './relationship/index.js';
export * from './transfer/index.js';
export * from './workspace/index.js';
