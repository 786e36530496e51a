// The good-model use cases: an office records a case study (draft), changes it, publishes or withdraws it, attaches
// photos and documents. The product or entity it names places it (its province); each change audited.
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { storeFile } from '../../registry/index.js';
import { canUnpublish } from '../content.policy.js';
import { goodModel, goodModelFile, type GoodModelRow } from '../content.tables.js';
import type { createGoodModelBody, updateGoodModelBody } from '../good-models.contract.js';
import { canEditModel, goodModelSnapshot } from '../good-models.present.js';
import { entityPlace, getGoodModelForUpdate, modelSlugsLike, productPlace } from '../good-models.repo.js';
import { canMoveTo, slugify, uniqueSlug } from '../news.rules.js';

type Links = { provinceCode?: string; entityId?: string | null; productId?: string | null };
const MAX_ATTACHMENTS = 20;
const audit = (ctx: Ctx, action: string, m: GoodModelRow, before?: GoodModelRow, extra: object = {}) =>
  recordAudit(ctx, { action, recordType: 'good_model', recordId: m.id, provinceCode: m.provinceCode, before: before && goodModelSnapshot(before), after: { ...goodModelSnapshot(m), ...extra } });

/** The model's province and links: a product brings its entity and province; an entity its province; otherwise the
 * province given, or the office's own. A linked product or entity must be in the office's reach (its province). */
async function place(ctx: Ctx, input: Links, current?: { provinceCode: string; entityId: string | null; productId: string | null }) {
  const productId = input.productId === undefined ? current?.productId ?? null : input.productId;
  let entityId = input.entityId === undefined ? current?.entityId ?? null : input.entityId;
  let provinceCode = input.provinceCode ?? current?.provinceCode ?? (ctx.actor.kind === 'user' && ctx.actor.role === 'province' ? ctx.actor.provinceCode : null);
  if (productId) {
    const p = await productPlace(ctx.tx, productId);
    if (!p) throw invalidField('productId', 'product_not_found', { vi: 'Không tìm thấy sản phẩm', en: 'Product not found' });
    if (entityId && entityId !== p.entityId) throw invalidField('entityId', 'product_not_of_entity', { vi: 'Sản phẩm không thuộc chủ thể này', en: 'The product does not belong to this entity' });
    entityId = p.entityId;
    provinceCode = p.provinceCode;
  } else if (entityId) {
    const e = await entityPlace(ctx.tx, entityId);
    if (!e) throw invalidField('entityId', 'entity_not_found', { vi: 'Không tìm thấy chủ thể', en: 'Entity not found' });
    provinceCode = e.provinceCode;
  }
  if (!provinceCode) throw invalidField('provinceCode', 'province_required', { vi: 'Cần chọn tỉnh của mô hình', en: 'Choose the model\'s province' });
  if (!canEditModel(ctx.actor, { provinceCode })) throw forbidden('outside_scope');
  return { provinceCode, entityId, productId };
}

async function freeSlug(ctx: Ctx, wanted: string | undefined, name: string, exceptId?: string) {
  if (wanted) {
    if ((await modelSlugsLike(ctx.tx, wanted, exceptId)).has(wanted)) throw invalidField('slug', 'slug_taken', { vi: 'Địa chỉ (slug) này đã được dùng', en: 'This slug is already used' });
    return wanted;
  }
  const base = slugify(name);
  return uniqueSlug(base, await modelSlugsLike(ctx.tx, base, exceptId));
}

export async function createGoodModel(ctx: Ctx, input: z.infer<typeof createGoodModelBody>) {
  const where = await place(ctx, input);
  const { slug: wanted, provinceCode: _p, entityId: _e, productId: _pr, ...fields } = input;
  const [row] = await ctx.tx.insert(goodModel).values({
    ...fields, lessons: fields.lessons ?? null, scoreBefore: fields.scoreBefore ?? null, starsBefore: fields.starsBefore ?? null,
    scoreAfter: fields.scoreAfter ?? null, starsAfter: fields.starsAfter ?? null, ...where, slug: await freeSlug(ctx, wanted, input.name),
    createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await audit(ctx, 'good_model.create', row);
  return row;
}

async function locked(ctx: Ctx, id: string, version: number | undefined, may: (m: GoodModelRow) => boolean) {
  const m = await getGoodModelForUpdate(ctx.tx, id);
  if (!m) throw notFound('good_model', 'mô hình');
  if (!may(m)) throw forbidden();
  if (version !== undefined && m.version !== version) throw staleVersion(m.version);
  return m;
}

export async function updateGoodModel(ctx: Ctx, id: string, input: z.infer<typeof updateGoodModelBody>) {
  const before = await locked(ctx, id, input.version, (m) => canEditModel(ctx.actor, m));
  const { version: _v, slug: wanted, provinceCode: _p, entityId: _e, productId: _pr, ...changes } = input;
  const where = await place(ctx, input, before);
  let slug = before.slug;
  if (wanted && wanted !== before.slug) {
    if (before.publishedAt) throw invalidField('slug', 'slug_fixed', { vi: 'Mô hình đã đăng thì không đổi được địa chỉ', en: 'The address of a published model cannot change' });
    slug = await freeSlug(ctx, wanted, changes.name ?? before.name, id);
  }
  const [after] = await ctx.tx.update(goodModel).set({ ...changes, ...where, slug, updatedAt: ctx.now, version: before.version + 1 }).where(eq(goodModel.id, id)).returning();
  await audit(ctx, 'good_model.update', after, before);
  return after;
}

export async function setGoodModelStatus(ctx: Ctx, id: string, version: number, to: 'published' | 'unpublished') {
  const before = await locked(ctx, id, version, (m) => (to === 'published' ? canEditModel(ctx.actor, m) : canUnpublish(ctx.actor, m.provinceCode)));
  if (!canMoveTo(before.status, to)) {
    throw new AppError('conflict', to === 'published' ? 'already_published' : 'not_published', to === 'published'
      ? { vi: 'Mô hình đã được đăng', en: 'The model is already published' } : { vi: 'Mô hình chưa được đăng', en: 'The model is not published' });
  }
  const [after] = await ctx.tx.update(goodModel).set({ status: to, publishedAt: before.publishedAt ?? ctx.now, updatedAt: ctx.now, version: before.version + 1 }).where(eq(goodModel.id, id)).returning();
  await audit(ctx, to === 'published' ? 'good_model.publish' : 'good_model.unpublish', after, before);
  return after;
}

export async function attachToGoodModel(ctx: Ctx, files: FileStore, id: string, kind: 'image' | 'document', upload: Upload, caption: string | null) {
  const before = await locked(ctx, id, undefined, (m) => canEditModel(ctx.actor, m));
  const [{ n }] = await ctx.tx.select({ n: goodModelFile.id }).from(goodModelFile).where(eq(goodModelFile.modelId, id)).then((rows) => [{ n: rows.length }]);
  if (n >= MAX_ATTACHMENTS) throw new AppError('unprocessable', 'too_many_attachments', { vi: `Mỗi mô hình tối đa ${MAX_ATTACHMENTS} tệp`, en: `At most ${MAX_ATTACHMENTS} files per model` }, { field: 'file' });
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES[kind]);
  const [row] = await ctx.tx.insert(goodModelFile).values({ modelId: id, fileId: file.id, kind, caption }).returning();
  const [after] = await ctx.tx.update(goodModel).set({ updatedAt: ctx.now, version: before.version + 1 }).where(eq(goodModel.id, id)).returning();
  await audit(ctx, 'good_model.attach', after, before, { attachment: { id: row.id, kind, sha256: file.sha256, caption } });
  return row;
}
