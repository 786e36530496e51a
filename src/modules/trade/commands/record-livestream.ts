import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { forbidden, invalidField } from '../../../app/errors.js';
import type { createSessionBody, updateSessionBody } from '../fairs.contract.js';
import { mayRecordFor } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { lockEvent, lockSession } from '../fairs.repo.js';
import { livestreamProduct, livestreamSession } from '../fairs.tables.js';
import { actorId, approvedEntity, checked, ownPublishedProducts } from './_fairs.js';

async function eventExists(ctx: Ctx, eventId: string | null | undefined) {
  if (eventId && !(await lockEvent(ctx.tx, eventId))) throw invalidField('eventId', 'event_not_found', { vi: 'Không tìm thấy sự kiện', en: 'No such event' });
}

/** A livestream sales session, recorded by the entity or an office over it, with the products it sold. */
export async function recordLivestream(ctx: Ctx, input: z.infer<typeof createSessionBody>) {
  const actor = ctx.actor;
  const entityId = actor.kind === 'user' && actor.role === 'entity' ? actor.entityId : input.entityId;
  if (!entityId) throw invalidField('entityId', 'entity_required', { vi: 'Cần chọn chủ thể', en: 'The entity is required' });
  const e = await approvedEntity(ctx, entityId).catch((err) => { if (err.code === 'entity_not_found') throw invalidField('entityId', 'entity_not_found', { vi: 'Không tìm thấy chủ thể', en: 'No such entity' }); throw err; });
  if (!mayRecordFor(actor, { entityId: e.id, provinceCode: e.provinceCode, communeCode: e.communeCode })) throw forbidden();
  await ownPublishedProducts(ctx, e.id, input.productIds);
  await eventExists(ctx, input.eventId);
  const [row] = await ctx.tx.insert(livestreamSession).values({
    entityId: e.id, eventId: input.eventId ?? null, platform: input.platform, title: input.title ?? null, host: input.host, heldOn: input.heldOn,
    url: input.url ?? null, viewers: input.viewers, orders: input.orders, salesVnd: input.salesVnd, recordedBy: actorId(ctx),
    provinceCode: e.provinceCode, communeCode: e.communeCode, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await ctx.tx.insert(livestreamProduct).values(input.productIds.map((productId) => ({ sessionId: row.id, productId })));
  await recordAudit(ctx, { action: 'livestream.create', recordType: 'livestream_session', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: { ...snapshotOf(row), productIds: input.productIds } });
  return row;
}

export async function updateLivestream(ctx: Ctx, id: string, input: z.infer<typeof updateSessionBody>) {
  const { version, productIds, ...changes } = input;
  const before = checked(await lockSession(ctx.tx, id), ['livestream', 'phiên livestream'], (s) => mayRecordFor(ctx.actor, s), version);
  if (productIds) {
    await ownPublishedProducts(ctx, before.entityId, productIds);
    await ctx.tx.delete(livestreamProduct).where(eq(livestreamProduct.sessionId, id));
    await ctx.tx.insert(livestreamProduct).values(productIds.map((productId) => ({ sessionId: id, productId })));
  }
  await eventExists(ctx, changes.eventId);
  const [after] = await ctx.tx.update(livestreamSession).set({ ...changes, updatedAt: ctx.now, version: before.version + 1 }).where(eq(livestreamSession.id, id)).returning();
  await recordAudit(ctx, { action: 'livestream.update', recordType: 'livestream_session', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: { ...snapshotOf(after), productIds } });
  return after;
}

export async function deleteLivestream(ctx: Ctx, id: string, version: number) {
  const before = checked(await lockSession(ctx.tx, id), ['livestream', 'phiên livestream'], (s) => mayRecordFor(ctx.actor, s), version);
  await ctx.tx.delete(livestreamSession).where(eq(livestreamSession.id, id));
  await recordAudit(ctx, { action: 'livestream.delete', recordType: 'livestream_session', recordId: id, provinceCode: before.provinceCode, communeCode: before.communeCode, before: snapshotOf(before) });
}
