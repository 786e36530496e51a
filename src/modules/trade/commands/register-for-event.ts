import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound } from '../../../app/errors.js';
import { vnDate } from '../../scoring/index.js';
import type { registerBody, updateRegistrationBody } from '../fairs.contract.js';
import { canReadEvent, isEntityMember } from '../fairs.policy.js';
import { snapshotOf } from '../fairs.present.js';
import { lockEvent, lockRegistration, registrationOf } from '../fairs.repo.js';
import { registrationOpen } from '../fairs.rules.js';
import { eventRegistration, registrationProduct } from '../fairs.tables.js';
import { approvedEntity, checked, ownPublishedProducts } from './_fairs.js';

const closed = () => new AppError('conflict', 'registration_closed', { vi: 'Sự kiện đã hết hạn đăng ký hoặc không còn nhận đăng ký', en: 'Registration for this event is closed' });

/** An entity registers for an event with some of its own published products; the organiser decides. */
export async function registerForEvent(ctx: Ctx, eventId: string, input: z.infer<typeof registerBody>) {
  const actor = ctx.actor;
  if (actor.kind !== 'user' || actor.role !== 'entity' || !actor.entityId) throw forbidden();
  const event = await lockEvent(ctx.tx, eventId);
  if (!event || !canReadEvent(actor, event)) throw notFound('trade_event', 'sự kiện xúc tiến thương mại');
  if (!registrationOpen(event, vnDate(ctx.now))) throw closed();
  const e = await approvedEntity(ctx, actor.entityId);
  if (await registrationOf(ctx.tx, eventId, e.id)) throw new AppError('conflict', 'already_registered', { vi: 'Chủ thể đã đăng ký sự kiện này', en: 'The entity is already registered for this event' });
  await ownPublishedProducts(ctx, e.id, input.productIds);
  const [row] = await ctx.tx.insert(eventRegistration).values({
    eventId, entityId: e.id, note: input.note ?? null, provinceCode: e.provinceCode, communeCode: e.communeCode, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning();
  await ctx.tx.insert(registrationProduct).values(input.productIds.map((productId) => ({ registrationId: row.id, productId })));
  await recordAudit(ctx, { action: 'trade_event.register', recordType: 'trade_event_registration', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: { ...snapshotOf(row), productIds: input.productIds } });
  return row;
}

/** The entity changes the products or the note of a registration still waiting, while registration is open. */
export async function updateRegistration(ctx: Ctx, id: string, input: z.infer<typeof updateRegistrationBody>) {
  const before = checked(await lockRegistration(ctx.tx, id), ['registration', 'đăng ký'], (r) => isEntityMember(ctx.actor, r.entityId), input.version);
  const event = (await lockEvent(ctx.tx, before.eventId))!;
  if (before.status !== 'pending' || !registrationOpen(event, vnDate(ctx.now))) throw closed();
  if (input.productIds) {
    await ownPublishedProducts(ctx, before.entityId, input.productIds);
    await ctx.tx.delete(registrationProduct).where(eq(registrationProduct.registrationId, id));
    await ctx.tx.insert(registrationProduct).values(input.productIds.map((productId) => ({ registrationId: id, productId })));
  }
  const [after] = await ctx.tx.update(eventRegistration).set({ note: input.note === undefined ? before.note : input.note, updatedAt: ctx.now, version: before.version + 1 }).where(eq(eventRegistration.id, id)).returning();
  await recordAudit(ctx, { action: 'trade_event.registration_update', recordType: 'trade_event_registration', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshotOf(before), after: { ...snapshotOf(after), productIds: input.productIds } });
  return after;
}
