// Commits a previewed import: all rows or none, in the caller's transaction. Anything changed since the preview
// (a record edited, a registration number taken, an owner no longer approved, the same product added) fails the whole
// commit with 409. Rows the preview found unchanged write nothing (no version, no audit row); their records are still
// checked, since a record edited since the preview no longer matches what was shown.
import { eq } from 'drizzle-orm';
import type { Ctx, UserActor } from '../../../../app/actor.js';
import { AppError, forbidden, notFound } from '../../../../app/errors.js';
import { canCreateProduct, canEditEntity, canEditProduct, canCreateEntity } from '../../registry.policy.js';
import { assignMissingGtins } from '../../commands/assign-gtins.js';
import { insertEntities, insertProducts, lockEntities, lockProducts, updateEntities, updateProducts, type EntityRow, type Owner, type ProductRow } from '../bulk-write.js';
import type { EntityPlan, PlannedRow, ProductPlan } from '../import.contract.js';
import { importJob } from '../import.tables.js';
import { productKey } from '../compare.js';
import { plannedImportRows } from '../import.repo.js';
import { entitiesByRegistration, productsByOwner } from '../lookups.js';
import { canImport } from './preview-import.js';

const changedSincePreview = (r: PlannedRow, why: { vi: string; en: string }) => new AppError('conflict', 'stale_version', {
  vi: `Dòng ${r.row} (${r.sheet}): ${why.vi} sau khi xem trước; hãy tải tệp lên lại để xem trước lần nữa`,
  en: `Row ${r.row} (${r.sheet}): ${why.en} since the preview; upload the file again for a new preview`,
}, { row: r.row, sheet: r.sheet });
const EDITED = { vi: 'bản ghi đã được người khác sửa', en: 'the record was changed by someone else' };

type Planned<P> = PlannedRow & { plan: P };

/** `gs1Prefix`: the programme's GS1 company prefix; the products the import creates get their GTINs under it. */
export async function commitImport(ctx: Ctx, id: string, opts: { gs1Prefix?: string } = {}): Promise<{ created: number; updated: number; unchanged: number }> {
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw forbidden();
  const [job] = await ctx.tx.select().from(importJob).where(eq(importJob.id, id)).for('update');
  if (!job || (job.createdBy !== actor.id && actor.role !== 'central')) throw notFound('import', 'lần nhập');
  if (!canImport(actor)) throw forbidden();
  if (job.status === 'committed') {
    throw new AppError('conflict', 'import_already_committed', { vi: 'Tệp này đã được nhập rồi', en: 'This import has already been committed' });
  }
  if (job.totals.errors > 0) {
    throw new AppError('conflict', 'import_has_errors', { vi: `Còn ${job.totals.errors} dòng có lỗi; hãy sửa tệp và tải lên lại`, en: `${job.totals.errors} rows have errors; fix the file and upload it again` }, { errorRows: job.totals.errors });
  }
  const rows: PlannedRow[] = [];
  for await (const batch of plannedImportRows(ctx.tx, id)) rows.push(...batch);
  const entities = rows.filter((r): r is Planned<EntityPlan> => r.plan?.kind === 'entity');
  const products = rows.filter((r): r is Planned<ProductPlan> => r.plan?.kind === 'product');

  try {
    const owners = await writeEntities(ctx, actor, entities);
    await writeProducts(ctx, actor, products, owners);
    // The new products' GTINs, in the same transaction: an imported product is as scannable as one typed in.
    if (opts.gs1Prefix) await assignMissingGtins(ctx.tx, opts.gs1Prefix);
  } catch (err) {
    // A registration number or product code taken by a concurrent change between our checks and the insert.
    const e = err as { code?: string; cause?: { code?: string } };
    if (e.code === '23505' || e.cause?.code === '23505') {
      throw new AppError('conflict', 'stale_version', { vi: 'Dữ liệu vừa được người khác thay đổi; hãy tải tệp lên lại để xem trước lần nữa', en: 'The data was just changed by someone else; upload the file again for a new preview' });
    }
    throw err;
  }

  const result = { created: job.totals.create, updated: job.totals.update, unchanged: job.totals.unchanged ?? 0 };
  await ctx.tx.update(importJob).set({ status: 'committed', committedAt: ctx.now, result }).where(eq(importJob.id, id));
  return result;
}

/** Creates and updates the entities; returns every owner a product of the file may name, by registration number. */
async function writeEntities(ctx: Ctx, actor: UserActor, rows: Planned<EntityPlan>[]): Promise<Map<string, Owner & { status: string }>> {
  const creates = rows.filter((r) => !r.plan.targetId);
  const taken = await entitiesByRegistration(ctx.tx, creates.map((r) => r.plan.record.registrationNumber));
  for (const r of creates) {
    if (taken.has(r.plan.record.registrationNumber)) throw changedSincePreview(r, { vi: 'Số ĐKKD đã được đăng ký cho chủ thể khác', en: 'the registration number was taken' });
    if (!canCreateEntity(actor, r.plan.record)) throw forbidden();
  }
  const found = rows.filter((r) => r.plan.targetId);
  const locked = await lockEntities(ctx, found.map((r) => r.plan.targetId!));
  const changes: { before: EntityRow; record: EntityPlan['record'] }[] = [];
  for (const r of found) {
    const before = locked.get(r.plan.targetId!);
    if (!before || before.version !== r.plan.version) throw changedSincePreview(r, EDITED);
    if (r.action === 'unchanged') continue;
    if (!canEditEntity(actor, before) || !canEditEntity(actor, { ...before, ...r.plan.record })) throw forbidden();
    changes.push({ before, record: r.plan.record });
  }

  const created = await insertEntities(ctx, creates.map((r) => r.plan.record));
  await updateEntities(ctx, changes);
  const owners = new Map<string, Owner & { status: string }>();
  for (const e of created) owners.set(e.registrationNumber, e);
  for (const r of found) {
    const before = locked.get(r.plan.targetId!)!;
    owners.set(before.registrationNumber, { id: before.id, provinceCode: r.plan.record.provinceCode, communeCode: r.plan.record.communeCode, status: before.status });
  }
  return owners;
}

async function writeProducts(ctx: Ctx, actor: UserActor, rows: Planned<ProductPlan>[], owners: Map<string, Owner & { status: string }>) {
  const creates = rows.filter((r) => !r.plan.targetId);
  const fromDb = await entitiesByRegistration(ctx.tx, creates.map((r) => r.plan.ownerRegistration).filter((n) => !owners.has(n)));
  const newProducts = creates.map((r) => {
    const owner = owners.get(r.plan.ownerRegistration) ?? fromDb.get(r.plan.ownerRegistration);
    if (!owner || owner.status !== 'approved') throw changedSincePreview(r, { vi: 'chủ thể không còn ở trạng thái đã duyệt', en: 'the owner is no longer approved' });
    if (!canCreateProduct(actor, owner)) throw forbidden();
    return { record: r.plan.record, owner };
  });
  // A product matched by name at the preview must not have been added by someone else since.
  const keyed = creates.filter((r) => r.plan.nameKey);
  if (keyed.length) {
    const now = await productsByOwner(ctx.tx, [...new Set(keyed.map((r) => r.plan.ownerRegistration))]);
    const keys = new Set([...now.values()].flat().map((p) => productKey(p.ownerRegistration, p.name, p.productSet)));
    const added = keyed.find((r) => keys.has(r.plan.nameKey!));
    if (added) throw changedSincePreview(added, { vi: 'sản phẩm cùng tên, cùng bộ đã được thêm cho chủ thể', en: 'a product of the same name and set was added to the entity' });
  }
  const found = rows.filter((r) => r.plan.targetId);
  const locked = await lockProducts(ctx, found.map((r) => r.plan.targetId!));
  const changes: { before: ProductRow; record: ProductPlan['record'] }[] = [];
  for (const r of found) {
    const before = locked.get(r.plan.targetId!);
    if (!before || before.version !== r.plan.version) throw changedSincePreview(r, EDITED);
    if (r.action === 'unchanged') continue;
    if (!canEditProduct(actor, before)) throw forbidden();
    changes.push({ before, record: r.plan.record });
  }
  await insertProducts(ctx, newProducts);
  await updateProducts(ctx, changes);
}
