// The import and export API: what the web page sends and receives. Types only flow to the web app.
import { z } from 'zod';
import type { Representative } from '../registry.tables.js';
import { entityListQuery, productListQuery } from '../registry.contract.js';

const message = z.object({ vi: z.string(), en: z.string() });

/** One problem in one row: the spreadsheet column (its Vietnamese header), the API field, a stable code, the reason. */
export const importError = z.object({ column: z.string(), field: z.string(), code: z.string(), message });
export type ImportError = z.infer<typeof importError>;

export const importRow = z.object({
  row: z.number(),
  sheet: z.string(),
  kind: z.enum(['entity', 'product']),
  action: z.enum(['create', 'update', 'error']),
  label: z.string(),
  errors: z.array(importError),
});
export type ImportRow = z.infer<typeof importRow>;

export const totals = z.object({ rows: z.number(), create: z.number(), update: z.number(), errors: z.number() });
export type Totals = z.infer<typeof totals>;

export const importPreview = z.object({ id: z.string(), fileName: z.string(), totals, rows: z.array(importRow) });
export type ImportPreview = z.infer<typeof importPreview>;

export const commitResult = z.object({ created: z.number(), updated: z.number() });
export const importIdParams = z.strictObject({ id: z.uuid() });

/** Exports take the list's own filters (paging, if sent, is ignored: the export has every matching row). */
const format = z.enum(['xlsx', 'csv']).default('xlsx');
export const entityExportQuery = entityListQuery.extend({ format });
export const productExportQuery = productListQuery.extend({ format });

// ── what the commit writes, kept in import_job.rows beside each preview row ──

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
/** A product names its owner by registration number: an entity of the same file (created at commit) or of the database. */
export type ProductPlan = { kind: 'product'; record: ProductRecord; ownerRegistration: string; targetId?: string; version?: number };
export type PlannedRow = ImportRow & { plan?: EntityPlan | ProductPlan };
