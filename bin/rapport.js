#!/usr/bin/env node
// The CLI is compiled by `npm ci` (the prepare script); say so plainly if it was skipped.
import { existsSync } from 'node:fs';
const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('rapport: not built yet. Run `npm ci` (or `npm run build`) in the Rapport checkout first.\n');
  process.exit(1);
}
await import(entry.href);
