import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import { forbidden, notFound } from '../../../app/errors.js';
import type { documentMeta } from '../registry.contract.js';
import { canEditEntity, canEditProduct } from '../registry.policy.js';
import { getEntityForUpdate } from '../registry.repo.js';
import { entityDocument, product, productFile, storedFile } from '../registry.tables.js';

export type Upload = { bytes: Buffer; filename: string };

/** Checks and keeps an upload's bytes and records the file (its row is the registry's): other modules attach it to
 * their own records through this, as the trade module does a channel's contract evidence. */
export async function storeFile(ctx: Ctx, files: FileStore, upload: Upload, allowed: readonly string[]) {
  const put = await files.put(upload.bytes, allowed);
  const [row] = await ctx.tx.insert(storedFile).values({
    ...put, originalName: upload.filename.slice(0, 255), uploadedBy: ctx.actor.kind === 'user' ? ctx.actor.id : null,
  }).returning();
  return row;
}

export async function attachProductFile(ctx: Ctx, files: FileStore, productId: string, kind: 'image' | 'document', upload: Upload, caption: string | null) {
  const [p] = await ctx.tx.select().from(product).where(eq(product.id, productId)).for('update');
  if (!p) throw notFound('product', 'sản phẩm');
  if (!canEditProduct(ctx.actor, p)) throw forbidden();
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES[kind]);
  const [link] = await ctx.tx.insert(productFile).values({ productId, fileId: file.id, kind, caption }).returning();
  await recordAudit(ctx, { action: 'product.attach', recordType: 'product', recordId: productId, provinceCode: p.provinceCode, communeCode: p.communeCode, after: { kind, fileId: file.id, name: file.originalName, sha256: file.sha256 } });
  return { file, link };
}

export async function attachEntityDocument(ctx: Ctx, files: FileStore, entityId: string, meta: z.infer<typeof documentMeta>, upload: Upload) {
  const e = await getEntityForUpdate(ctx.tx, entityId);
  if (!e) throw notFound('entity', 'chủ thể');
  if (!canEditEntity(ctx.actor, e)) throw forbidden();
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES.document);
  const [doc] = await ctx.tx.insert(entityDocument).values({ entityId, fileId: file.id, ...meta }).returning();
  await recordAudit(ctx, { action: 'entity.document', recordType: 'entity', recordId: entityId, provinceCode: e.provinceCode, communeCode: e.communeCode, after: { ...meta, fileId: file.id, sha256: file.sha256 } });
  return { doc, file };
}
