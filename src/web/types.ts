// API shapes, taken from the server's zod contracts (types only: nothing of the server is bundled).
import type { z } from 'zod';
import type { User } from '../modules/accounts/accounts.contract.js';
import type { AdminUnit } from '../modules/geo/geo.contract.js';
import type { classificationOut, documentOut, historyOut } from '../modules/registry/registry.contract.js';
import type { EntityAnyOut, EntityOut, EntityPublicOut, ProductOut } from '../modules/registry/registry.contract.js';

export type { AdminUnit, EntityAnyOut, EntityOut, EntityPublicOut, ProductOut, User };
export type Classification = z.infer<typeof classificationOut>;
export type History = z.infer<typeof historyOut>;
export type HistoryItem = History['items'][number];
export type EntityDocument = z.infer<typeof documentOut>;
/** A page of a list: the total is exact up to 10.000 and otherwise that cap with totalExact false; nextCursor leads on. */
export type Page<T> = { total: number; totalExact?: boolean; page: number; pageSize: number; nextCursor?: string | null; items: T[] };
export type Session = { user: User; csrfToken: string };

export const ENTITY_TYPES = ['htx', 'to_hop_tac', 'doanh_nghiep', 'trang_trai', 'ho_kinh_doanh'] as const;
export const ENTITY_STATUSES = ['pending', 'approved', 'refused'] as const;
export const PRODUCT_STATUSES = ['draft', 'registered', 'certified', 'expired', 'revoked'] as const;
export const DOC_TYPES = ['business_registration', 'food_safety', 'trademark', 'quality_certificate', 'test_report', 'other'] as const;

/** The import preview, as the import API returns it. */
export type ImportRow = {
  row: number; sheet: string; kind: 'entity' | 'product'; action: 'create' | 'update' | 'unchanged' | 'error'; label: string;
  errors: { column: string; field: string; code: string; message: { vi: string; en: string } }[];
  changes: { column: string; field: string }[];
  duplicates: { code: string; name: string; productSet: number }[];
};
export type ImportRowFilter = 'all' | ImportRow['action'] | 'duplicate';
export type ImportRowsPage = { show: ImportRowFilter; page: number; pageSize: number; total: number; rows: ImportRow[] };
export type ImportTotals = { rows: number; create: number; update: number; unchanged: number; duplicates: number; errors: number };
export type ImportPreview = { id: string; fileName: string; totals: ImportTotals; first: ImportRowsPage };

// Traceability (issue 12): the producer's places and batches, the officers' status list.
import type { locationOut, lotOut, statusList } from '../modules/trace/producer.contract.js';
export type LocationOut = z.infer<typeof locationOut>;
export type LotOut = z.infer<typeof lotOut>;
export type TraceStatusList = z.infer<typeof statusList>;
import type { eventImportPreview, eventImportResult } from '../modules/trace/import/import.contract.js';
export type StepImportPreview = z.infer<typeof eventImportPreview>;
export type StepImportRow = StepImportPreview['rows'][number];
export type StepImportResult = z.infer<typeof eventImportResult>;
