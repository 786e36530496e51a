// Exports of the entity and product lists: what the caller may see, with the list's filters, under the import
// template's headers (so an export can be edited and imported back), streamed page by page as .xlsx or CSV.
import { PassThrough, Readable } from 'node:stream';
import { inArray, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../../app/actor.js';
import type { Queryable } from '../../../app/db.js';
import { loadExcelJS } from '../../../app/lazy-libraries.js';
import { entityFilter, productFilter } from '../registry.filters.js';
import { entityAudience, productAudience } from '../registry.policy.js';
import { readCursor, type KeyValues } from '../../../app/paging.js';
import { entityKeys, listEntities, listProducts, productKeys, type EntityRow, type ProductRow } from '../registry.repo.js';
import { entity } from '../registry.tables.js';
import {
  ENTITY_COLUMNS, ENTITY_SHEET, ENTITY_STATUS_LABELS, ENTITY_TYPE_LABELS, NO, PRODUCT_COLUMNS, PRODUCT_SHEET,
  PRODUCT_STATUS_LABELS, SEX_LABELS, YES, productSetLabel, type Column,
} from './columns.js';
import type { entityExportQuery, productExportQuery } from './import.contract.js';
import { FROZEN_HEADER, dataSheet } from './template.js';

type Value = string | number | Date | null;
const PAGE = 1000;

const ENTITY_EXTRA: Column[] = [{ key: 'status', header: 'Trạng thái hồ sơ', width: 14 }];
const PRODUCT_EXTRA: Column[] = [
  { key: 'entityName', header: 'Chủ thể (tên)', width: 30 },
  { key: 'stars', header: 'Số sao', width: 8 },
  { key: 'commune', header: 'Xã (nơi sản xuất)', width: 20 },
  { key: 'province', header: 'Tỉnh (nơi sản xuất)', width: 20 },
];

/** A row outside the actor's scope is exported as the public sees it (registry.fields.ts): name, type and place only. */
function entityValues(row: EntityRow, actor: Actor): Value[] {
  const e = row.entity;
  const r = e.representative;
  if (entityAudience(actor, e) === 'public') {
    return [null, e.name, ENTITY_TYPE_LABELS[e.type], null, null, null, e.communeCode, row.communeName, row.provinceName, null, null, null, null, null,
      null, null, null, null, null, null, ENTITY_STATUS_LABELS[e.status]];
  }
  return [
    e.registrationNumber, e.name, ENTITY_TYPE_LABELS[e.type], e.registrationDate ? new Date(`${e.registrationDate}T00:00:00Z`) : null,
    e.taxCode, e.address, e.communeCode, row.communeName, row.provinceName, null, null, null, e.phone, e.email,
    r?.fullName ?? null, r ? SEX_LABELS[r.sex] : null, r?.ethnicity ?? null, r ? (r.disability ? YES : NO) : null,
    e.workers, e.localWorkers, ENTITY_STATUS_LABELS[e.status],
  ];
}

function productValues(row: ProductRow & { registrationNumber: string }, actor: Actor): Value[] {
  const p = row.product;
  return [
    // The producer's registration number is internal to those in scope.
    p.code, productAudience(actor, p) === 'public' ? null : row.registrationNumber, p.name, productSetLabel(row.set), p.description, p.ingredients, p.rawMaterialArea, p.standard,
    PRODUCT_STATUS_LABELS[p.status], row.entityName, p.stars, row.communeName, row.provinceName,
  ];
}

// Pages follow the list's keyset cursor (src/app/paging.ts), so the last page of a national export costs what the
// first does, and memory holds one page at a time.
async function* entityPages(db: Queryable, actor: Actor, where: SQL | undefined, sort: string): AsyncGenerator<Value[][]> {
  const keys = entityKeys(sort);
  for (let after: KeyValues | undefined; ;) {
    const { rows, nextCursor } = await listEntities(db, where, sort, 1, PAGE, after);
    if (rows.length) yield rows.map((row) => entityValues(row, actor));
    if (!nextCursor) return;
    after = readCursor({ cursor: nextCursor, sort }, 'entity', keys);
  }
}

async function* productPages(db: Queryable, actor: Actor, where: SQL | undefined, sort: string, q: string | undefined): AsyncGenerator<Value[][]> {
  const keys = productKeys(sort);
  for (let after: KeyValues | undefined; ;) {
    const { rows, nextCursor } = await listProducts(db, where, sort, 1, PAGE, after, { q });
    if (rows.length) {
      // The owner's registration number is the key the import reads back; one query per page.
      const ids = [...new Set(rows.map((r) => r.product.entityId))];
      const owners = await db.select({ id: entity.id, registrationNumber: entity.registrationNumber }).from(entity).where(inArray(entity.id, ids));
      const reg = new Map(owners.map((o) => [o.id, o.registrationNumber]));
      yield rows.map((r) => productValues({ ...r, registrationNumber: reg.get(r.product.entityId) ?? '' }, actor));
    }
    if (!nextCursor) return;
    after = readCursor({ cursor: nextCursor, sort }, 'product', keys);
  }
}

// ── file formats ─────────────────────────────────────────────────────────────

const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;

/**
 * Text a spreadsheet could take for a formula (OWASP CSV injection): a cell starting with =, +, -, @, a tab or a
 * carriage return. Any text so starting is neutralised, even `+84 912…` or `-5`: `-2+3+cmd|…` starts like a number
 * too. Numbers themselves (stars, worker counts) are written as numbers.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 quoting; a text that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(v: Value): string {
  if (v === null) return '';
  let s = v instanceof Date ? ddmmyyyy(v) : String(v);
  if (typeof v === 'string' && FORMULA_START.test(s)) s = `'${s}`;
  return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** UTF-8 with a byte-order mark, so Excel opens Vietnamese text correctly. */
function csvStream(columns: Column[], pages: AsyncGenerator<Value[][]>): Readable {
  return Readable.from((async function* () {
    yield `\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
    for await (const rows of pages) yield rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
  })());
}

/** The streaming workbook writer: rows go out as pages arrive, the whole file is never held in memory. */
function xlsxStream(sheetName: string, columns: Column[], pages: AsyncGenerator<Value[][]>, onError: (err: unknown) => void): Readable {
  const out = new PassThrough();
  (async () => {
    const wb = new (await loadExcelJS()).stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const ws = wb.addWorksheet(sheetName, FROZEN_HEADER);
    dataSheet(ws, columns);
    ws.getRow(1).commit();
    for await (const rows of pages) for (const values of rows) ws.addRow(values).commit();
    ws.commit();
    await wb.commit();
  })().catch((err) => { onError(err); out.destroy(err as Error); });
  return out;
}

export type ExportFile = { stream: Readable; fileName: string; contentType: string };

function file(kind: string, format: 'xlsx' | 'csv', now: Date) {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return {
    fileName: `${kind}-${day}.${format}`,
    contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
  };
}

export function exportEntities(db: Queryable, actor: Actor, qy: z.infer<typeof entityExportQuery>, onError: (err: unknown) => void): ExportFile {
  const columns = [...ENTITY_COLUMNS, ...ENTITY_EXTRA];
  const pages = entityPages(db, actor, entityFilter(actor, qy), qy.sort);
  const stream = qy.format === 'csv' ? csvStream(columns, pages) : xlsxStream(ENTITY_SHEET, columns, pages, onError);
  return { stream, ...file('chu-the', qy.format, new Date()) };
}

export function exportProducts(db: Queryable, actor: Actor, qy: z.infer<typeof productExportQuery>, onError: (err: unknown) => void): ExportFile {
  const columns = [...PRODUCT_COLUMNS, ...PRODUCT_EXTRA];
  const pages = productPages(db, actor, productFilter(actor, qy), qy.sort ?? 'name', qy.q); // every row: relevance would not help
  const stream = qy.format === 'csv' ? csvStream(columns, pages) : xlsxStream(PRODUCT_SHEET, columns, pages, onError);
  return { stream, ...file('san-pham', qy.format, new Date()) };
}
