// The in-process scheduler: runs at once, then every period; never overlaps itself; survives a failing run; stop()
// waits for the run in flight and no run starts after it.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { nodeArgs } from '../../test/node-args.js';
import { schedule } from './schedule.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quietLog = () => {
  const errors: unknown[] = [];
  return { errors, log: { info: () => {}, error: (o: unknown) => { errors.push(o); } } as never };
};

test('runs once at start, then every period, until stopped', async () => {
  let runs = 0;
  const { log } = quietLog();
  const s = schedule('count', 20, async () => { runs++; }, log);
  assert.equal(runs, 1, 'the first run starts synchronously');
  await sleep(110);
  await s.stop();
  const stoppedAt = runs;
  assert.ok(stoppedAt >= 3, `ran ${stoppedAt} times`);
  await sleep(60);
  assert.equal(runs, stoppedAt, 'nothing after stop');
});

test('a slow run is not overlapped, and stop waits for it', async () => {
  let active = 0;
  let maxActive = 0;
  let finished = 0;
  const { log } = quietLog();
  const s = schedule('slow', 5, async () => {
    active++; maxActive = Math.max(maxActive, active);
    await sleep(50);
    active--; finished++;
  }, log);
  await sleep(20);
  await s.stop();
  assert.equal(maxActive, 1);
  assert.equal(active, 0, 'stop returned after the run in flight');
  assert.equal(finished, 1);
});

test('a failing run is logged and the next tick runs again', async () => {
  let runs = 0;
  const { log, errors } = quietLog();
  const s = schedule('flaky', 10, async () => { runs++; if (runs === 1) throw new Error('database away'); }, log);
  await sleep(45);
  await s.stop();
  assert.ok(runs >= 2, `ran ${runs} times`);
  assert.equal(errors.length, 1);
  assert.match(String((errors[0] as { err: Error }).err), /database away/);
});

test('the timer does not keep the process alive on its own', () => {
  // A process that schedules a daily job and does nothing else must exit by itself.
  const args = nodeArgs(import.meta.filename, 'schedule');
  const [flags, file] = [args.slice(0, -1), args.at(-1)];
  const script = `import('${file}').then((m) => m.schedule('idle', 86400000, async () => {}, { info() {}, error() {} }))`;
  const started = Date.now();
  execFileSync(process.execPath, [...flags, '-e', script], { timeout: 20_000, stdio: 'pipe' });
  assert.ok(Date.now() - started < 20_000);
});
