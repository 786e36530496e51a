// The producer's import of recorded steps: what the preview answers and the commit returns. The row errors have the
// registry import's shape (column, field, code, vi + en message).
import { z } from 'zod';
import { importError } from '../../registry/index.js';
import { STEPS } from '../recording.rules.js';

/** A producer's file of steps: 2,000 rows is a season of batches. More is a partner system's job: it sends EPCIS
 * documents to POST /epcis/capture, 1,000 events at a time. */
export const MAX_STEP_ROWS = 2000;

export const EVENT_IMPORT_ACTIONS = ['create', 'unchanged', 'error'] as const;
export const eventImportRow = z.object({
  row: z.number(),
  sheet: z.string(),
  /** create: the step will be recorded; unchanged: the batch already has this step (nothing is written); error: see errors. */
  action: z.enum(EVENT_IMPORT_ACTIONS),
  lot: z.string(),
  /** The batch does not exist yet: the commit opens it first (product and dates from the file). */
  newLot: z.boolean(),
  productName: z.string().nullable(),
  step: z.enum(STEPS).nullable(),
  at: z.string().nullable(),
  placeName: z.string().nullable(),
  destinationName: z.string().nullable(),
  errors: z.array(importError),
});
export type EventImportRow = z.infer<typeof eventImportRow>;

export const eventImportTotals = z.object({ rows: z.number(), create: z.number(), unchanged: z.number(), errors: z.number(), newLots: z.number() });
export type EventImportTotals = z.infer<typeof eventImportTotals>;

/** Every row (a file has at most MAX_STEP_ROWS), those with errors first. */
export const eventImportPreview = z.object({ id: z.string(), fileName: z.string(), totals: eventImportTotals, rows: z.array(eventImportRow) });
export type EventImportPreview = z.infer<typeof eventImportPreview>;

export const eventImportResult = z.object({ recorded: z.number(), unchanged: z.number(), lots: z.number(), eventIds: z.array(z.string()) });
export type EventImportResult = z.infer<typeof eventImportResult>;

export const eventImportParams = z.strictObject({ id: z.uuid() });
export const templateQuery = z.strictObject({ lang: z.enum(['vi', 'en']).default('vi') });
