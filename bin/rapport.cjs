#!/usr/bin/env node
'use strict';
// The CLI is compiled into one CommonJS file by `npm run build` (which `npm start` and `npm test`
// run). This loader runs it with V8's code cache: parsing the bundle is most of a short command's
// time, and Node 20 offers no compile cache of its own (issue 8's start-up figure, BENCHMARKS.md).
// The cache is an optimisation only: any failure to read or write it just costs the parse.
const { readFileSync, renameSync, statSync, writeFileSync } = require('node:fs');
const Module = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, '..', 'dist', 'rapport.cjs');
let built;
try {
  built = statSync(bundle);
} catch {
  process.stderr.write(
    'rapport: not built yet. Run `npm start` (or `npm run build`) in the Rapport checkout first.\n',
  );
  process.exit(1);
}
// V8 checks a cache against the source's length, not its content: the build's time is in the name.
const cacheFile = `${bundle}.${process.version}.${Math.trunc(built.mtimeMs)}.cache`;
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}

const script = new Script(Module.wrap(readFileSync(bundle, 'utf8')), {
  filename: bundle,
  cachedData,
});
if (cachedData === undefined || script.cachedDataRejected) {
  // Written after the command ran, so the functions it compiled are in the cache too; through a
  // temporary file, so a process starting meanwhile never reads half a cache.
  process.once('exit', () => {
    try {
      const tmp = `${cacheFile}.${process.pid}`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {}
  });
}
// import() fails inside a script compiled from a code cache (Node loses its loader there), so the
// bundle borrows this module's for the one ES module it loads: the server, for `rapport serve`.
globalThis.rapportImport = (url) => import(url);
const mod = new Module(bundle, module);
mod.filename = bundle;
mod.paths = Module._nodeModulePaths(dirname(bundle));
script.runInThisContext()(mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
