// The entity keeps its product's checklist: the export markets it aims at, each requirement's state with the
// certificate's number, issuer and dates, and the evidence file (content-checked by the file store).
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField, notFound, staleVersion } from '../../../app/errors.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { product, storeFile } from '../../registry/index.js';
import type { complianceBody } from '../standards.contract.js';
import { canKeepChecklist } from '../standards.policy.js';
import { marketsFor, requirementsFor } from '../standards.rules.js';
import { complianceItem, productTargetMarket, type ComplianceRow } from '../standards.tables.js';

async function ownProduct(ctx: Ctx, productId: string) {
  const [p] = await ctx.tx.select().from(product).where(eq(product.id, productId)).for('update');
  if (!p) throw notFound('product', 'sản phẩm');
  if (!canKeepChecklist(ctx.actor, p)) throw forbidden();
  return p;
}
async function marketsOf(ctx: Ctx, productId: string) {
  return (await ctx.tx.select({ m: productTargetMarket.market }).from(productTargetMarket).where(eq(productTargetMarket.productId, productId))).map((r) => r.m);
}

export async function setMarkets(ctx: Ctx, productId: string, markets: string[]) {
  const p = await ownProduct(ctx, productId);
  const allowed = marketsFor(p.productSet).map((m) => m.code);
  const bad = markets.find((m) => !allowed.includes(m));
  if (bad) throw invalidField('markets', 'unknown_market', { vi: `Chưa có yêu cầu của thị trường ${bad} cho nhóm sản phẩm này`, en: `No requirements of market ${bad} for this product set` });
  const before = await marketsOf(ctx, productId);
  await ctx.tx.delete(productTargetMarket).where(eq(productTargetMarket.productId, productId));
  const unique = [...new Set(markets)];
  if (unique.length) await ctx.tx.insert(productTargetMarket).values(unique.map((market) => ({ productId, market })));
  await recordAudit(ctx, { action: 'compliance.markets', recordType: 'product', recordId: productId, provinceCode: p.provinceCode, communeCode: p.communeCode, before: { markets: before }, after: { markets: unique } });
}

async function lockedLine(ctx: Ctx, productId: string, code: string) {
  const p = await ownProduct(ctx, productId);
  if (!requirementsFor(p.productSet, await marketsOf(ctx, productId)).some((r) => r.code === code)) throw notFound('requirement', 'yêu cầu trong danh mục của sản phẩm');
  const [row] = await ctx.tx.select().from(complianceItem).where(and(eq(complianceItem.productId, productId), eq(complianceItem.requirement, code))).for('update');
  return { p, row };
}

async function upsert(ctx: Ctx, p: typeof product.$inferSelect, code: string, before: ComplianceRow | undefined, set: Partial<typeof complianceItem.$inferInsert>, action: string) {
  const updatedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const [after] = before
    ? await ctx.tx.update(complianceItem).set({ ...set, updatedBy, updatedAt: ctx.now, version: before.version + 1 }).where(eq(complianceItem.id, before.id)).returning()
    : await ctx.tx.insert(complianceItem).values({ productId: p.id, requirement: code, entityId: p.entityId, provinceCode: p.provinceCode, communeCode: p.communeCode, ...set, updatedBy, createdAt: ctx.now, updatedAt: ctx.now }).returning();
  const snap = (r: ComplianceRow | undefined) => r && { requirement: r.requirement, status: r.status, certificateNumber: r.certificateNumber, issuer: r.issuer, issuedOn: r.issuedOn, expiresOn: r.expiresOn, evidenceFileId: r.evidenceFileId, note: r.note, version: r.version };
  await recordAudit(ctx, { action, recordType: 'product', recordId: p.id, provinceCode: p.provinceCode, communeCode: p.communeCode, before: snap(before), after: snap(after) });
  return after;
}

/** Records one line's state (send the version read when the line exists). */
export async function recordCompliance(ctx: Ctx, productId: string, code: string, input: z.infer<typeof complianceBody>) {
  const { version, ...set } = input;
  const { p, row } = await lockedLine(ctx, productId, code);
  if (row && version !== undefined && row.version !== version) throw staleVersion(row.version);
  return upsert(ctx, p, code, row, { ...set, certificateNumber: set.certificateNumber ?? null, issuer: set.issuer ?? null, issuedOn: set.issuedOn ?? null, expiresOn: set.expiresOn ?? null, note: set.note ?? null }, 'compliance.record');
}

/** Attaches the evidence (a certificate scan, a test report: PDF or a photo), checked by its bytes. */
export async function attachComplianceEvidence(ctx: Ctx, files: FileStore, productId: string, code: string, upload: Upload) {
  const { p, row } = await lockedLine(ctx, productId, code);
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES.document);
  return upsert(ctx, p, code, row, { evidenceFileId: file.id }, 'compliance.evidence');
}
