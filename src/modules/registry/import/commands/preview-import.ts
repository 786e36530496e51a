// Dry run of an uploaded workbook: parse, validate against the database and the officer's area, store the plan.
// Nothing in the registry is written; the commit replays exactly what was shown.
import { createHash } from 'node:crypto';
import type { Ctx } from '../../../../app/actor.js';
import { forbidden } from '../../../../app/errors.js';
import { listProductSets } from '../../registry.repo.js';
import type { ImportPreview } from '../import.contract.js';
import { importJob } from '../import.tables.js';
import { communeIndex, entitiesByRegistration, productsByCode, translateOldAddresses } from '../lookups.js';
import { parseWorkbook } from '../parse-workbook.js';
import { planRows } from '../plan-rows.js';
import type { WorkbookData } from '../read-workbook.js';

/** Officers import into their own area; the central office anywhere. */
export function canImport(actor: Ctx['actor']): boolean {
  return actor.kind === 'user' && (actor.role === 'central' || actor.role === 'province' || actor.role === 'commune');
}

/** `book` is the workbook already read (readWorkbook, before the transaction opens: reading a large file takes seconds). */
export async function previewImport(ctx: Ctx, file: { bytes: Buffer; fileName: string }, book: WorkbookData): Promise<ImportPreview> {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || !canImport(actor)) throw forbidden();
  const parsed = await parseWorkbook(book, await listProductSets(ctx.tx));

  const registrations = [...new Set([...parsed.entities.map((e) => e.registrationNumber), ...parsed.products.map((p) => p.ownerRegistration)].filter(Boolean))];
  const codes = [...new Set(parsed.products.map((p) => p.code).filter((c): c is string => !!c))];
  const oldAddresses = parsed.entities.filter((e) => !e.place.code && !e.place.name && e.place.oldCommune)
    .map((e) => ({ commune: e.place.oldCommune!, district: e.place.oldDistrict, province: e.place.oldProvince }));
  const lookups = {
    communes: await communeIndex(ctx.tx),
    entities: await entitiesByRegistration(ctx.tx, registrations),
    products: await productsByCode(ctx.tx, codes),
    old: await translateOldAddresses(ctx.tx, oldAddresses),
  };
  const { rows, totals } = planRows(parsed, lookups, actor);

  const [job] = await ctx.tx.insert(importJob).values({
    createdBy: actor.id, provinceCode: actor.provinceCode, communeCode: actor.communeCode, fileName: file.fileName,
    sha256: createHash('sha256').update(file.bytes).digest('hex'), totals, rows, createdAt: ctx.now,
  }).returning({ id: importJob.id });
  return { id: job.id, fileName: file.fileName, totals, rows: rows.map(({ plan: _plan, ...shown }) => shown) };
}
