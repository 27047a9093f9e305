// One hostile input read in its own process, for bench/hostile-input.ts: prints wall time,
// records read and the peak RSS above what the process held once the input bytes were built.
import { openImport } from '../src/formats/index.js';

const [kind, sizeText] = process.argv.slice(2) as [string, string];
const size = Number(sizeText);
const CHUNK = 256 * 1024;

function input(): { bytes: Buffer; format: 'vcard' | 'org-chart' } {
  if (kind === 'vcard-emails') {
    const lines = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Many Mails'];
    for (let i = 0; i < size; i++) lines.push(`EMAIL;TYPE=work:person${i}@example.com`);
    lines.push('END:VCARD', '');
    return { bytes: Buffer.from(lines.join('\r\n')), format: 'vcard' };
  }
  const head = Buffer.from('Name,Title,Notes\r\nAda,CEO,');
  if (kind === 'csv-line')
    return {
      bytes: Buffer.concat([head, Buffer.alloc(size, 'x'), Buffer.from('\r\n')]),
      format: 'org-chart',
    };
  // One quoted cell with a line break every 80 characters (a pasted document).
  const body = Buffer.alloc(size, 'y');
  for (let i = 80; i < size; i += 81) body[i] = 0x0a;
  return { bytes: Buffer.concat([head, Buffer.from('"'), body, Buffer.from('"\r\n')]), format: 'org-chart' };
}

const { bytes, format } = input();
const baseRssMb = process.memoryUsage().rss / 2 ** 20;
function* chunks(): Generator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += CHUNK) yield bytes.subarray(i, i + CHUNK);
}
const started = performance.now();
const opened = await openImport(chunks(), { file: 'bench', format });
let records = 0;
const kinds = new Map<string, number>();
if (opened.format !== 'backup') {
  for await (const r of opened.records) {
    records++;
    kinds.set(r.kind, (kinds.get(r.kind) ?? 0) + 1);
  }
}
const seconds = (performance.now() - started) / 1000;
const peakMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(
  JSON.stringify({
    seconds,
    inputMb: bytes.length / 2 ** 20,
    peakAboveInputMb: Math.round(peakMb - baseRssMb),
    records,
    kinds: Object.fromEntries(kinds),
  }),
);
