// Reading an uploaded workbook off the main thread, so the server keeps answering while a large sheet is read: one
// long-lived worker (started on the first import; starting one costs more than reading a typical file), fed one
// workbook at a time. The worker's heap is capped: a file that still manages to exhaust it, or takes longer than
// any honest file could, loses its worker (a fresh one starts for the next file) and gets 413.
import { Worker } from 'node:worker_threads';
import { AppError } from './errors.js';
import type { SheetRows, XlsxLimits } from './xlsx-reader.js';
import type { WorkerReply, WorkerRequest } from './xlsx-worker.js';
import { damagedZip, inflatedTooLarge } from './zip-reader.js';

/** Heap of the worker: far above what a file within the limits needs, far below what would hurt the server. */
const WORKER_HEAP_MB = 384;
/** A file within the limits reads in seconds even on a busy machine. */
const READ_TIMEOUT_MS = 120_000;

const workerFile = new URL(`./xlsx-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

function startWorker(): Worker {
  const options = { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 32 }, execArgv: [] };
  if (!workerFile.pathname.endsWith('.ts')) return new Worker(workerFile, options);
  // Run from TypeScript sources (tsx): the worker registers tsx's loader before it imports its module.
  const tsx = import.meta.resolve('tsx/esm/api');
  return new Worker(`import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(workerFile.href)}); })`, { ...options, eval: true });
}

let worker: Worker | undefined;
let queue: Promise<unknown> = Promise.resolve();
let nextId = 0;

/** Reads the workbook in the worker; the bytes are copied, so the caller's buffer stays usable. */
export function readXlsxInWorker(bytes: Buffer, limits: XlsxLimits): Promise<SheetRows[]> {
  const run = queue.then(() => readOne(bytes, limits));
  queue = run.catch(() => undefined);
  return run;
}

function readOne(bytes: Buffer, limits: XlsxLimits): Promise<SheetRows[]> {
  const w = (worker ??= startWorker());
  w.unref(); // an idle worker never keeps the process alive
  const id = ++nextId;
  const copy = new Uint8Array(bytes);
  return new Promise<SheetRows[]>((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      w.unref();
    };
    const kill = (err: AppError) => {
      done();
      if (worker === w) worker = undefined;
      void w.terminate();
      reject(err);
    };
    const sheets: SheetRows[] = [];
    const onMessage = (reply: WorkerReply) => {
      if (reply.id !== id) return;
      // The rows arrive a few hundred at a time, each message its own turn of the event loop.
      if ('sheet' in reply) { sheets.push({ name: reply.sheet, rows: [] }); return; }
      if ('rows' in reply) { for (const r of reply.rows) sheets[sheets.length - 1].rows.push(r); return; }
      done();
      if ('done' in reply) resolve(sheets);
      else if ('problem' in reply) reject(new AppError(reply.problem.kind, reply.problem.code, reply.problem.text, reply.problem.extra));
      else reject(Object.assign(damagedZip(), { cause: reply.failure }));
    };
    // ERR_WORKER_OUT_OF_MEMORY: the heap cap was reached; the worker is gone.
    const onError = () => kill(inflatedTooLarge(limits.maxInflatedBytes));
    const onExit = () => kill(inflatedTooLarge(limits.maxInflatedBytes));
    const timer = setTimeout(() => kill(inflatedTooLarge(limits.maxInflatedBytes)), READ_TIMEOUT_MS);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.ref(); // keep the process alive while a file is being read
    w.postMessage({ id, bytes: copy, limits } satisfies WorkerRequest, [copy.buffer]);
  });
}
