import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ImportStreamLine } from '../contract/index.js';
import { describeEachDialect } from '../store/test-support/dialects.js';
import { TestApi } from './test-support/client.js';

// Issue 14: a long import shows its progress. The upload's answer is a stream of JSON lines when
// the client asks for one; a real server over a real socket, so the lines are seen arriving.

const ROWS = 20_000;

function orgChart(rows: number, lastLine?: string): string {
  const lines = ['Employee ID,Name,Email,Manager ID,Department'];
  for (let i = 1; i <= rows; i++)
    lines.push(
      `E${i},Person ${i},person${i}@acme.example,${i === 1 ? '' : `E${Math.ceil(i / 6)}`},Dept ${i % 9}`,
    );
  if (lastLine) lines.push(lastLine);
  return `${lines.join('\n')}\n`;
}

interface Streamed {
  status: number;
  type: string | null;
  /** The lines as they arrived, each with the number of the network chunk that brought it. */
  lines: { line: ImportStreamLine; chunk: number }[];
}

describeEachDialect('an upload answered as JSON lines', ({ fresh }) => {
  let api: TestApi;
  let cleanup: () => Promise<void>;
  let base: string;
  let cookie: string;
  let ws: number;

  beforeAll(async () => {
    ({ api, cleanup } = await TestApi.fresh(fresh));
    ({ cookie, ws } = await api.owner());
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(api.app.server.address() as AddressInfo).port}`;
  });
  afterAll(() => cleanup());

  const upload = (csv: string, query: string, accept: string) => {
    const form = new FormData();
    form.set('file', new Blob([csv], { type: 'text/csv' }), 'org-chart.csv');
    return fetch(`${base}/api/v1/imports?${query}`, {
      method: 'POST',
      body: form,
      headers: { cookie: `rapport_session=${cookie}`, accept },
    });
  };

  async function streamed(csv: string, query: string): Promise<Streamed> {
    const res = await upload(csv, query, 'application/x-ndjson');
    const lines: Streamed['lines'] = [];
    const decoder = new TextDecoder();
    let rest = '';
    let chunk = 0;
    for await (const part of res.body as unknown as AsyncIterable<Uint8Array>) {
      chunk++;
      rest += decoder.decode(part, { stream: true });
      let nl = rest.indexOf('\n');
      while (nl >= 0) {
        // Every line is one of the documented shapes, nothing more.
        lines.push({ line: ImportStreamLine.parse(JSON.parse(rest.slice(0, nl))), chunk });
        rest = rest.slice(nl + 1);
        nl = rest.indexOf('\n');
      }
    }
    expect(rest).toBe('');
    return { status: res.status, type: res.headers.get('content-type'), lines };
  }

  const people = () => api.store.people.count(ws);

  it('reports progress while the file is read, then the same answer a plain upload gets; a preview writes nothing', async () => {
    const csv = orgChart(ROWS);
    const { status, type, lines } = await streamed(csv, 'dryRun=true');
    expect(status).toBe(200);
    expect(type).toContain('application/x-ndjson');
    const progress = lines.flatMap(({ line }) => ('progress' in line ? [line.progress] : []));
    const last = lines.at(-1)!;
    // The first line says the work started, before anything was read, and reaches the client
    // before the answer does.
    expect(progress[0]).toEqual({ records: 0, bytes: 0, totalBytes: Buffer.byteLength(csv) });
    expect(lines[0]!.chunk).toBeLessThan(last.chunk);
    for (let i = 1; i < progress.length; i++) {
      expect(progress[i]!.records).toBeGreaterThanOrEqual(progress[i - 1]!.records);
      expect(progress[i]!.bytes).toBeLessThanOrEqual(progress[i]!.totalBytes);
    }
    expect(progress.at(-1)!.records).toBeGreaterThan(0);
    if (!('result' in last.line)) throw new Error(`the stream ended with ${JSON.stringify(last.line)}`);
    expect(last.line.result).toMatchObject({ format: 'org-chart', created: ROWS, dryRun: true });
    const plain = await upload(csv, 'dryRun=true', 'application/json');
    expect(plain.headers.get('content-type')).toContain('application/json');
    expect(await plain.json()).toEqual(last.line.result);
    expect(await people()).toBe(0); // both were previews
  });

  it('an import that fails on its last line ends the stream with the error naming that line, and writes nothing', async () => {
    const before = await people();
    const { status, lines } = await streamed(
      orgChart(ROWS, 'E99999,Late Person,late@acme.example,E1,Dept 1,a stray,cell'),
      '',
    );
    expect(status).toBe(200); // the status went out before the file was read to its end
    const last = lines.at(-1)!.line;
    if (!('error' in last)) throw new Error(`the stream ended with ${JSON.stringify(last)}`);
    expect(last.error.code).toBe('bad_file');
    expect(last.error.message).toContain(`line ${ROWS + 2}`);
    expect(lines.filter(({ line }) => 'result' in line)).toEqual([]);
    expect(await people()).toBe(before);
  });

  it('a committed import streams its result, and the activity log records it once', async () => {
    const { lines } = await streamed(orgChart(300), '');
    const last = lines.at(-1)!.line;
    expect('result' in last && last.result).toMatchObject({ created: 300, dryRun: false });
    expect(await people()).toBe(300);
    const log = (await api.call('GET', '/api/v1/activity', { cookie })).body as {
      items: { action: string }[];
    };
    expect(log.items.filter((e) => e.action === 'imported a file')).toHaveLength(1);
  });

  it('a bad query is refused with a 400 before anything streams', async () => {
    const res = await upload(orgChart(3), 'dryRun=perhaps', 'application/x-ndjson');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('validation');
  });
});
