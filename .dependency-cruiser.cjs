// The layer table of DESIGN.md, enforced. Layers point downward only.
const layer = (name) => `^src/${name}/`;
const forbidden = [
  { name: 'domain-is-pure', from: { path: layer('domain') }, to: { path: '^src/(?!domain/)' } },
  { name: 'analytics-is-pure', from: { path: layer('analytics') }, to: { path: '^src/(?!analytics/)' } },
  { name: 'formats-use-domain-only', from: { path: layer('formats') }, to: { path: '^src/(?!(formats|domain)/)' } },
  { name: 'store-uses-domain-only', from: { path: layer('store') }, to: { path: '^src/(?!(store|domain)/)' } },
  {
    name: 'contract-is-pure',
    comment: 'the use-case contract is shared with the API and the web app: zod and domain types only',
    from: { path: layer('contract') },
    to: { path: '^src/(?!(contract|domain)/)' },
  },
  {
    name: 'contract-uses-zod-only',
    from: { path: layer('contract'), pathNot: '\\.test\\.ts$' },
    to: { dependencyTypes: ['core', 'npm'], pathNot: 'node_modules/zod/' },
  },
  {
    name: 'web-through-contract',
    comment: 'the web app talks to the API only and is typed from the contract: nothing else of ours',
    from: { path: layer('web') },
    to: { path: '^src/(?!(web|contract)/)' },
  },
  {
    name: 'app-through-store-index',
    comment: 'the store is sealed: app/ sees only what store/index exports (tests may use store/test-support)',
    from: { path: layer('app') },
    to: { path: '^src/store/', pathNot: '^src/store/(index\\.ts|test-support/)' },
  },
  {
    name: 'cli-through-capability-index',
    comment: 'the CLI reaches app/ only through the capability index files, like the API',
    from: { path: '^src/(cli|api)/' },
    to: { path: '^src/app/', pathNot: '^src/app/index[.]ts$|^src/app/[a-z]+/index[.]ts$' },
  },
  { name: 'app-not-adapters', from: { path: layer('app') }, to: { path: '^src/(api|cli|web)/' } },
  { name: 'cli-through-app', from: { path: layer('cli') }, to: { path: '^src/(domain|analytics|formats|store|api)/' } },
  { name: 'api-through-app', from: { path: layer('api') }, to: { path: '^src/(domain|analytics|formats|store|cli)/' } },
  {
    name: 'domain-analytics-no-io',
    comment: 'domain/ and analytics/ take time, seeds and data as parameters',
    from: { path: '^src/(domain|analytics)/', pathNot: '\\.test\\.ts$' },
    to: { dependencyTypes: ['core', 'npm'] },
  },
  { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
].map((r) => ({ severity: 'error', ...r }));

module.exports = {
  forbidden,
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|test-support/|\\.css$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
