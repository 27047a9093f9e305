// One import in its own process, for bench/import.ts: prints wall time, peak RSS and the report.
import { importFile, openRapport } from '../src/app/index.js';

const [db, file, since, until] = process.argv.slice(2) as [string, string, string?, string?];
const r = await openRapport({ db, now: () => new Date(process.env.RAPPORT_NOW ?? Date.now()) });
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await importFile(r, { path: file, ...(since ? { since } : {}), ...(until ? { until } : {}) });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// CPU time beside wall time: on a shared machine the wall clock counts other processes' turns.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await r.close();
const maxRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
process.stdout.write(
  JSON.stringify({
    seconds,
    cpuSeconds,
    maxRssMb,
    report: { people: report.people, interactions: report.interactions, ties: report.ties },
  }),
);
