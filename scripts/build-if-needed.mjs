#!/usr/bin/env node
// `npm start` builds the CLI only when the sources are newer than the build, so a built tree
// installed with `npm ci --omit=dev` (no TypeScript, no esbuild) starts without the toolchain.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outputs = ['rapport.cjs', 'server.mjs', join('web', 'index.html')].map((f) => join(root, 'dist', f));
const built = outputs[0];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const hasSources = existsSync(join(root, 'src'));
const stale = outputs.some((f) => !existsSync(f)) || (hasSources && newestSource(join(root, 'src')) > statSync(built).mtimeMs);
if (stale) {
  if (!existsSync(join(root, 'node_modules', 'typescript'))) {
    process.stderr.write(
      'rapport: this tree is not built and has no build tools. Run `npm ci` (with dev dependencies), then `npm start`.\n',
    );
    process.exit(1);
  }
  execSync('npm run --silent build', { cwd: root, stdio: 'inherit' });
}
