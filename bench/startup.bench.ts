// Start-up time and memory of the server as `npm start` runs it: compiled JavaScript (NODE_ENV=production,
// dist-server/ from `npm run prepare`) against the TypeScript sources through tsx, on the demo data (embedded
// PGlite). Prints, for each, the time from spawning the process to its first healthy answer, and its resident memory
// (RSS, from /proc) once healthy and after 1,000 requests (health, API lists, server-rendered pages).
//   npx tsx bench/startup.bench.ts            (BENCH_DATA_DIR keeps the prepared demo data between runs)
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const dataDir = process.env.BENCH_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'ocop-startup-'));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const PORT = 3000 + 100 + (process.pid % 800);

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

async function start(env: Record<string, string>): Promise<{ child: ChildProcess; ms: number; base: string }> {
  const base = `http://127.0.0.1:${PORT}`;
  const t0 = performance.now();
  const child = spawn(process.execPath, ['bin/ocop.js', 'serve'], {
    env: { ...process.env, DATABASE_URL: '', OCOP_DATA_DIR: dataDir, PORT: String(PORT), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { child, ms: performance.now() - t0, base };
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
}

if (!existsSync(join(dataDir, 'db'))) {
  console.log(`preparing the demo data in ${dataDir} (once) …`);
  const t0 = Date.now();
  await stop((await start({ NODE_ENV: 'development', OCOP_PUBLIC_URL: 'http://127.0.0.1' })).child);
  console.log(`demo data ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

const MODES = [
  { label: 'compiled (NODE_ENV=production, dist-server/)', env: { NODE_ENV: 'production', OCOP_PUBLIC_URL: 'https://ocop.example.gov.vn' } },
  { label: 'tsx (TypeScript sources)', env: { NODE_ENV: 'development', OCOP_PUBLIC_URL: 'https://ocop.example.gov.vn' } },
];
if (!existsSync('dist-server/cli/ocop.js')) throw new Error('dist-server/ is not built: npm run build:server');

for (const mode of MODES) {
  const starts: number[] = [];
  const rssStart: number[] = [];
  const rssAfter: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const { child, ms, base } = await start(mode.env);
    starts.push(ms);
    rssStart.push(rssMb(child.pid!));
    const products = (await (await fetch(`${base}/api/v1/products?status=certified&pageSize=5`)).json()) as { items: { id: string; entity: { id: string } }[] };
    const paths = ['/api/v1/health', '/api/v1/products?pageSize=20', '/api/v1/products?q=mat%20ong', '/', ...products.items.map((p) => `/san-pham/${p.id}`), `/chu-the/${products.items[0].entity.id}`];
    await autocannon({
      url: base, connections: 10, amount: 1000,
      requests: paths.map((path) => ({ method: 'GET' as const, path, headers: { 'accept-encoding': 'br, gzip' } })),
    });
    rssAfter.push(rssMb(child.pid!));
    await stop(child);
  }
  const avg = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  console.log(`${mode.label}: first healthy answer ${(avg(starts) / 1000).toFixed(2)} s (${starts.map((s) => (s / 1000).toFixed(2)).join(', ')}); RSS ${avg(rssStart).toFixed(0)} MB once healthy, ${avg(rssAfter).toFixed(0)} MB after 1,000 requests`);
}
