// The import and export API: what the web page sends and receives. Types only flow to the web app.
import { z } from 'zod';
import type { Representative } from '../registry.tables.js';
import { entityListQuery, productListQuery } from '../registry.contract.js';

const message = z.object({ vi: z.string(), en: z.string() });

/** One problem in one row: the spreadsheet column (its Vietnamese header), the API field, a stable code, the reason. */
export const importError = z.object({ column: z.string(), field: z.string(), code: z.string(), message });
export type ImportError = z.infer<typeof importError>;

/** A field the commit would change on a record that exists: its spreadsheet column and API field. */
export const importChange = z.object({ column: z.string(), field: z.string() });
/** A record already in the system that this new row may repeat (same entity, similar name). */
export const possibleDuplicate = z.object({ code: z.string(), name: z.string(), productSet: z.number() });

export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export const importRow = z.object({
  row: z.number(),
  sheet: z.string(),
  kind: z.enum(['entity', 'product']),
  /** create: a new record; update: a record found (by code, registration number, or entity + name + set) that
   * differs in `changes`; unchanged: found and equal, the commit leaves it alone; error: see `errors`. */
  action: z.enum(IMPORT_ACTIONS),
  label: z.string(),
  errors: z.array(importError),
  changes: z.array(importChange),
  duplicates: z.array(possibleDuplicate),
});
export type ImportRow = z.infer<typeof importRow>;

export const totals = z.object({
  rows: z.number(), create: z.number(), update: z.number(), unchanged: z.number(), duplicates: z.number(), errors: z.number(),
});
export type Totals = z.infer<typeof totals>;

/** Which rows a page lists: all, those of one action, or the possible duplicates. */
export const ROW_FILTERS = ['all', ...IMPORT_ACTIONS, 'duplicate'] as const;
export const IMPORT_PAGE_SIZE = 100;
export const importRowsQuery = z.strictObject({
  show: z.enum(ROW_FILTERS).default('all'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});
export const importRowsPage = z.object({ show: z.enum(ROW_FILTERS), page: z.number(), pageSize: z.number(), total: z.number(), rows: z.array(importRow) });
export type ImportRowsPage = z.infer<typeof importRowsPage>;

/** The preview answers with the counts and the first page of rows (errors first when there are any); the other
 * pages come from GET /imports/{id}/rows, so a 20,000-row file is never one response. */
export const importPreview = z.object({ id: z.string(), fileName: z.string(), totals, first: importRowsPage });
export type ImportPreview = z.infer<typeof importPreview>;

export const commitResult = z.object({ created: z.number(), updated: z.number(), unchanged: z.number() });
export const importIdParams = z.strictObject({ id: z.uuid() });

/** Exports take the list's own filters (paging, if sent, is ignored: the export has every matching row). */
const format = z.enum(['xlsx', 'csv']).default('xlsx');
export const entityExportQuery = entityListQuery.extend({ format });
export const productExportQuery = productListQuery.extend({ format });

// ── what the commit writes or checks, kept in import_row.plan beside each preview row ──

/** An entity exactly as createEntity takes it (the commune resolved to its code). */
export type EntityRecord = {
  name: string; type: 'htx' | 'to_hop_tac' | 'doanh_nghiep' | 'trang_trai' | 'ho_kinh_doanh'; registrationNumber: string;
  registrationDate: string | null; taxCode: string | null; address: string; communeCode: string; provinceCode: string;
  phone: string | null; email: string | null; representative: Representative; workers: number | null; localWorkers: number | null;
};
export type ProductRecord = {
  name: string; productSet: number; description: string | null; ingredients: string | null; rawMaterialArea: string | null;
  standard: string | null; status?: 'draft' | 'registered';
};
export type EntityPlan = { kind: 'entity'; record: EntityRecord; targetId?: string; version?: number };
/** A product names its owner by registration number: an entity of the same file (created at commit) or of the
 * database. A new product of an existing owner carries its folded name, so the commit can tell whether the same
 * product (owner + name + set) appeared since the preview. */
export type ProductPlan = { kind: 'product'; record: ProductRecord; ownerRegistration: string; targetId?: string; version?: number; nameKey?: string };
export type PlannedRow = ImportRow & { plan?: EntityPlan | ProductPlan };
