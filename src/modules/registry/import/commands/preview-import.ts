// Dry run of an uploaded workbook: parse, validate against the database and the officer's area, store the plan.
// Nothing in the registry is written; the commit replays exactly what was shown.
//
// A large file must not hold the server: the workbook is read in the import worker, rows are parsed and planned in
// slices that yield to the event loop, the lookups run a thousand values per query, and the plan is stored and
// answered a page at a time (planImport runs before the transaction; previewImport only writes what it planned).
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Actor, Ctx } from '../../../../app/actor.js';
import type { Queryable } from '../../../../app/db.js';
import { forbidden } from '../../../../app/errors.js';
import { listProductSets } from '../../registry.repo.js';
import { IMPORT_PAGE_SIZE, type ImportPreview, type PlannedRow, type Totals } from '../import.contract.js';
import { insertImportRows, pageOfImportRows } from '../import.repo.js';
import { importJob } from '../import.tables.js';
import { communeIndex, entitiesByRegistration, productsByCode, productsByOwner, translateOldAddresses } from '../lookups.js';
import { parseWorkbook } from '../parse-workbook.js';
import { planRows } from '../plan-rows.js';
import type { WorkbookData } from '../read-workbook.js';

/** Officers import into their own area; the central office anywhere. */
export function canImport(actor: Ctx['actor']): boolean {
  return actor.kind === 'user' && (actor.role === 'central' || actor.role === 'province' || actor.role === 'commune');
}

export type PlannedImport = { rows: PlannedRow[]; totals: Totals };

/** Reads only: `book` is the workbook already read (readWorkbook). The commit checks every record's version again. */
export async function planImport(db: Queryable, actor: Actor, book: WorkbookData): Promise<PlannedImport> {
  if (actor.kind !== 'user' || !canImport(actor)) throw forbidden();
  const parsed = await parseWorkbook(book, await listProductSets(db));
  const registrations = [...new Set([...parsed.entities.map((e) => e.registrationNumber), ...parsed.products.map((p) => p.ownerRegistration)].filter(Boolean))];
  const owners = [...new Set(parsed.products.map((p) => p.ownerRegistration).filter(Boolean))];
  const codes = [...new Set(parsed.products.map((p) => p.code).filter((c): c is string => !!c))];
  const oldAddresses = parsed.entities.filter((e) => !e.place.code && !e.place.name && e.place.oldCommune)
    .map((e) => ({ commune: e.place.oldCommune!, district: e.place.oldDistrict, province: e.place.oldProvince }));
  const lookups = {
    communes: await communeIndex(db),
    entities: await entitiesByRegistration(db, registrations),
    products: await productsByCode(db, codes),
    productsByOwner: await productsByOwner(db, owners),
    old: await translateOldAddresses(db, oldAddresses),
  };
  return planRows(parsed, lookups, actor);
}

/** Stores the planned rows and answers the counts with the first page (the errors, when there are any). */
export async function previewImport(ctx: Ctx, file: { bytes: Buffer; fileName: string }, planned: PlannedImport): Promise<ImportPreview> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !canImport(actor)) throw forbidden();
  const { rows, totals } = planned;
  const [job] = await ctx.tx.insert(importJob).values({
    createdBy: actor.id, provinceCode: actor.provinceCode, communeCode: actor.communeCode, fileName: file.fileName,
    sha256: createHash('sha256').update(file.bytes).digest('hex'), totals, createdAt: ctx.now,
  }).returning({ id: importJob.id });
  await insertImportRows(ctx.tx, job.id, rows);
  const show = totals.errors ? 'error' : 'all';
  const shown = rows.filter((r) => show === 'all' || r.action === show).slice(0, IMPORT_PAGE_SIZE).map(({ plan: _plan, ...row }) => row);
  const first = { show, page: 1, pageSize: IMPORT_PAGE_SIZE, total: show === 'all' ? totals.rows : totals.errors, rows: shown } as const;
  return { id: job.id, fileName: file.fileName, totals, first };
}

/** A page of a preview's rows, for the officer who uploaded it (or the central office). */
export async function importRowsPage(db: Queryable, actor: Actor, id: string, show: Parameters<typeof pageOfImportRows>[2], page: number) {
  const job = await db.select({ createdBy: importJob.createdBy }).from(importJob).where(eq(importJob.id, id)).then((r) => r[0]);
  if (!job || actor.kind !== 'user' || (job.createdBy !== actor.id && actor.role !== 'central')) return undefined;
  const { total, rows } = await pageOfImportRows(db, id, show, page, IMPORT_PAGE_SIZE);
  return { show, page, pageSize: IMPORT_PAGE_SIZE, total, rows };
}
