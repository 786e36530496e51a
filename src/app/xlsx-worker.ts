// The import worker's side: reads one workbook per message with readXlsx and answers with its rows or its problem.
// Errors cross the thread as plain data; the main thread rebuilds the AppError (xlsx-in-worker.ts). The rows go back
// in messages of ROWS_PER_MESSAGE: 20,000 rows in one message took the main thread ~0.7 s to receive, in one piece.
import { parentPort } from 'node:worker_threads';
import { AppError } from './errors.js';
import { readXlsx, type XlsxLimits } from './xlsx-reader.js';

export type WorkerRequest = { id: number; bytes: Uint8Array; limits: XlsxLimits };
type SheetRows = Awaited<ReturnType<typeof readXlsx>>[number];
export type WorkerReply =
  | { id: number; sheet: string }
  | { id: number; rows: SheetRows['rows'] }
  | { id: number; done: true }
  | { id: number; problem: Pick<AppError, 'kind' | 'code' | 'text' | 'extra'> }
  | { id: number; failure: string };

/** A few milliseconds of the main thread's time to receive. */
const ROWS_PER_MESSAGE = 250;

parentPort!.on('message', (req: WorkerRequest) => {
  const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  readXlsx(bytes, req.limits).then(
    (sheets) => {
      for (const { name, rows } of sheets) {
        parentPort!.postMessage({ id: req.id, sheet: name } satisfies WorkerReply);
        for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) parentPort!.postMessage({ id: req.id, rows: rows.slice(i, i + ROWS_PER_MESSAGE) } satisfies WorkerReply);
      }
      parentPort!.postMessage({ id: req.id, done: true } satisfies WorkerReply);
    },
    (err: unknown) => parentPort!.postMessage((err instanceof AppError
      ? { id: req.id, problem: { kind: err.kind, code: err.code, text: err.text, extra: err.extra } }
      : { id: req.id, failure: err instanceof Error ? err.stack ?? err.message : String(err) }) satisfies WorkerReply),
  );
});
