// The import worker's side: reads one workbook per message with readXlsx and answers with its rows or its problem.
// Errors cross the thread as plain data; the main thread rebuilds the AppError (xlsx-in-worker.ts).
import { parentPort } from 'node:worker_threads';
import { AppError } from './errors.js';
import { readXlsx, type XlsxLimits } from './xlsx-reader.js';

export type WorkerRequest = { id: number; bytes: Uint8Array; limits: XlsxLimits };
export type WorkerReply =
  | { id: number; sheets: Awaited<ReturnType<typeof readXlsx>> }
  | { id: number; problem: Pick<AppError, 'kind' | 'code' | 'text' | 'extra'> }
  | { id: number; failure: string };

parentPort!.on('message', (req: WorkerRequest) => {
  const bytes = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
  readXlsx(bytes, req.limits).then(
    (sheets) => parentPort!.postMessage({ id: req.id, sheets } satisfies WorkerReply),
    (err: unknown) => parentPort!.postMessage((err instanceof AppError
      ? { id: req.id, problem: { kind: err.kind, code: err.code, text: err.text, extra: err.extra } }
      : { id: req.id, failure: err instanceof Error ? err.stack ?? err.message : String(err) }) satisfies WorkerReply),
  );
});
