// The web app's initial JavaScript: what the browser must fetch before the first page shows
// (the entry script of dist/web/index.html and every module it preloads), gzip-compressed as a
// server would send it, beside the chunks that load on demand (charts, map, network).
// Issue 15 asks for ≤ 250 KB gzip initially.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = new URL('../../dist/web/', import.meta.url).pathname;
const html = readFileSync(join(root, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="\/?(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!),
);
const gz = (file: string) => gzipSync(readFileSync(join(root, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const rows = readdirSync(join(root, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css'))
  .map((f) => ({
    file: `assets/${f}`,
    raw: readFileSync(join(root, 'assets', f)).length,
    gzip: gz(`assets/${f}`),
  }))
  .sort((a, b) => b.gzip - a.gzip);

console.log('| chunk | loads | raw | gzip |\n|---|---|---:|---:|');
for (const r of rows.filter((r) => r.gzip > 4096 || initial.has(r.file)))
  console.log(
    `| ${r.file.replace(/-[\w-]{8}\./, '.')} | ${initial.has(r.file) ? 'initially' : 'on demand'} | ${kb(r.raw)} | ${kb(r.gzip)} |`,
  );
const sum = (pred: (r: (typeof rows)[number]) => boolean) =>
  rows.filter(pred).reduce((s, r) => s + r.gzip, 0);
console.log(
  `\ninitial JavaScript: ${kb(sum((r) => initial.has(r.file) && r.file.endsWith('.js')))} gzip (target ≤ 250 KB)`,
);
console.log(`initial CSS: ${kb(sum((r) => initial.has(r.file) && r.file.endsWith('.css')))} gzip`);
console.log(`on demand JavaScript: ${kb(sum((r) => !initial.has(r.file) && r.file.endsWith('.js')))} gzip`);
