#!/usr/bin/env node
// The CLI is compiled and bundled by `npm run build` (which `npm start` and `npm test` run):
// loading one file instead of hundreds of modules halves start-up time. Say so if it was skipped.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/rapport.mjs', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write(
    'rapport: not built yet. Run `npm start` (or `npm run build`) in the Rapport checkout first.\n',
  );
  process.exit(1);
}
await import(entry.href);
