// Hostile inputs benchmark: how fast each nasty upload or body is refused and how much the server's memory (RSS)
// grows while it is, and whether /health stays quick while an honest, large workbook is read (the read runs in the
// import worker). A real server on a local port, default limits. Needs the test template (`npx tsx test/prepare.ts`).
//   npx tsx bench/uploads.bench.ts            (BENCH_ROWS: rows of the honest workbook, 20,000 by default)
import { spawn } from 'node:child_process';
import { bombWorkbook, entry, inlineRow, SHEET_HEAD, SHEET_TAIL, workbookZip } from '../src/app/xlsx.fixtures.js';
import { entityRow, multipart, workbook } from '../src/modules/registry/import/import.fixtures.js';
import { listen, MEO_VAC, testApp, type Session } from '../test/harness.js';

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const t = await testApp();
const base = await listen(t);
const officer: Session = await t.user('province', { provinceCode: '08' });
const auth = { cookie: officer.cookie, 'x-csrf-token': officer.csrf };

/** RSS sampled every 5 ms while `fn` runs: the peak above the level before it. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; rssGrowth: number }> {
  global.gc?.();
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss); }, 5);
  const started = performance.now();
  const value = await fn();
  const elapsed = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, ms: elapsed, rssGrowth: peak - before };
}

async function post(url: string, body: Buffer | string, contentType: string) {
  const res = await fetch(base + url, { method: 'POST', body: typeof body === 'string' ? body : new Uint8Array(body), headers: { ...auth, 'content-type': contentType } });
  const text = await res.text();
  let code = '';
  try { code = JSON.parse(text).code ?? ''; } catch { /* not JSON */ }
  return `${res.status} ${code}`.trim();
}
const upload = (bytes: Buffer, name = 'danh-sach.xlsx', url = '/api/v1/imports/preview') => {
  const m = multipart(bytes, name);
  return post(url, m.body, m.headers['content-type']);
};

// Warm-up: the import worker starts on the first file (a server that has imported once already has it).
await upload(await workbook([entityRow(MEO_VAC)]));

console.log('\n## Nasty inputs (default limits: 50 MB inflated, 20,000 rows, 100 columns; 1 MB JSON, depth 32)');
console.log('| input | upload size | answer | time | RSS growth (peak) |\n|---|---|---|---|---|');
const cases: [string, () => Promise<{ bytes?: Buffer; run: () => Promise<string> }>][] = [
  ['zip bomb: sheet declares 4 KB, inflates to 1.5 GB', async () => { const { bytes } = await bombWorkbook(1.5 * 1024 * 1024 * 1024); return { bytes, run: () => upload(bytes) }; }],
  ['zip bomb to the certificate import', async () => { const { bytes } = await bombWorkbook(1.5 * 1024 * 1024 * 1024); return { bytes, run: () => upload(bytes, 'gcn.xlsx', '/api/v1/certificates/import/preview') }; }],
  ['honest sheet, true sizes, 190 MB of XML', async () => { const { bytes } = await bombWorkbook(190 * 1024 * 1024, 190 * 1024 * 1024); return { bytes, run: () => upload(bytes) }; }],
  ['25,000 rows', async () => { const bytes = workbookZip(entry('', SHEET_HEAD + Array.from({ length: 25_000 }, (_, i) => inlineRow(i + 1, ['x', String(i)])).join('') + SHEET_TAIL)); return { bytes, run: () => upload(bytes) }; }],
  ['a PDF renamed .xlsx', async () => { const bytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(1_000_000)); return { bytes, run: () => upload(bytes) }; }],
  ['a truncated workbook', async () => { const real = await workbook(Array.from({ length: 2_000 }, () => entityRow(MEO_VAC))); const bytes = real.subarray(0, real.length >> 1); return { bytes, run: () => upload(bytes) }; }],
  ['a CSV of 200,000 rows', async () => { const bytes = Buffer.from('Số ĐKKD,Tên chủ thể\n' + '0100109106,HTX\n'.repeat(200_000)); return { bytes, run: () => upload(bytes, 'danh-sach.csv') }; }],
  ['multipart without a boundary', async () => ({ run: () => post('/api/v1/imports/preview', '--x\r\nContent-Disposition: form-data; name="file"; filename="a.xlsx"\r\n\r\nabc', 'multipart/form-data') })],
  ['10,000 nested arrays to /auth/login', async () => { const body = '['.repeat(10_000) + ']'.repeat(10_000); return { bytes: Buffer.from(body), run: () => post('/api/v1/auth/login', body, 'application/json') }; }],
  ['10,000 nested objects to POST /entities', async () => { const body = '{"a":'.repeat(10_000) + '0' + '}'.repeat(10_000); return { bytes: Buffer.from(body), run: () => post('/api/v1/entities', body, 'application/json') }; }],
];
for (const [label, make] of cases) {
  const { bytes, run } = await make();
  const r = await measured(run);
  console.log(`| ${label} | ${bytes ? mb(bytes.length) : '—'} | ${r.value} | ${ms(r.ms)} | ${mb(r.rssGrowth)} |`);
}

console.log(`\n## /health while an honest ${ROWS.toLocaleString('en-GB')}-row workbook is previewed`);
const honest = await workbook(Array.from({ length: ROWS }, () => entityRow(MEO_VAC)));
/** Pings /health from a separate process (a client in this process would be held up by the very blocking it should
 * measure), every 10 ms, until `work` settles or `seconds` pass; returns the latencies. */
async function healthWhile(work: Promise<unknown> | undefined, seconds: number): Promise<number[]> {
  const pinger = spawn(process.execPath, ['-e', `
    const xs = []; let stop = false;
    process.stdin.on('data', () => { stop = true; }); process.stdin.resume();
    (async () => {
      while (!stop) {
        const s = performance.now();
        await fetch(${JSON.stringify(`${base}/api/v1/health`)}).then((r) => r.arrayBuffer());
        xs.push(performance.now() - s);
        await new Promise((r) => setTimeout(r, 10));
      }
      process.stdout.write(JSON.stringify(xs)); process.exit(0);
    })();`], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  pinger.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  const exited = new Promise((r) => pinger.on('exit', r));
  await (work ?? new Promise((r) => setTimeout(r, seconds * 1000)));
  pinger.stdin.write('stop\n');
  await exited;
  return JSON.parse(out) as number[];
}
const idle = await healthWhile(undefined, 3);
let importMs = 0;
let answer = '';
const started = performance.now();
const during = await healthWhile(upload(honest).then((a) => { answer = a; importMs = performance.now() - started; }), 0);
console.log(`workbook ${mb(honest.length)}; preview answered ${answer} in ${ms(importMs)}`);
console.log('| /health | requests | p50 | p99 | max |\n|---|---|---|---|---|');
for (const [label, xs] of [['idle', idle], ['during the preview', during]] as const) {
  console.log(`| ${label} | ${xs.length} | ${ms(pct(xs, 0.5))} | ${ms(pct(xs, 0.99))} | ${ms(Math.max(...xs))} |`);
}
await t.close();
process.exit(0);
