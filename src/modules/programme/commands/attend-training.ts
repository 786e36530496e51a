// Registration and attendance: a person registers (or withdraws); at the event they check in by opening the QR
// code's signed link on their own phone, or the organiser ticks them by hand (people without an account too).
import { randomBytes } from 'node:crypto';
import { and, eq, or } from 'drizzle-orm';
import type { Ctx, UserActor } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, invalidField, notFound } from '../../../app/errors.js';
import { entity } from '../../registry/index.js';
import { appUser } from '../../accounts/index.js';
import { canRead } from '../trainings.policy.js';
import { placeOf } from '../trainings.repo.js';
import { signCheckin, tokenTraining, verifyCheckin } from '../trainings.rules.js';
import { training, trainingAttendee, trainingInvitation, type AttendeeRow, type TrainingRow } from '../trainings.tables.js';
import { cancelledTraining, lockedTraining } from './_training.js';

const user = (ctx: Ctx): UserActor => { if (ctx.actor.kind !== 'user') throw forbidden(); return ctx.actor; };

async function mayAttend(ctx: Ctx, t: TrainingRow) {
  const actor = user(ctx);
  const [inv] = await ctx.tx.select({ id: trainingInvitation.id }).from(trainingInvitation)
    .where(and(eq(trainingInvitation.trainingId, t.id), actor.entityId ? or(eq(trainingInvitation.userId, actor.id), eq(trainingInvitation.entityId, actor.entityId)) : eq(trainingInvitation.userId, actor.id))).limit(1);
  if (!canRead(actor, t, await placeOf(ctx.tx, actor), Boolean(inv))) throw notFound('training', 'lớp tập huấn');
  if (t.cancelled) throw cancelledTraining();
}

async function mine(ctx: Ctx, trainingId: string): Promise<AttendeeRow | undefined> {
  const [row] = await ctx.tx.select().from(trainingAttendee).where(and(eq(trainingAttendee.trainingId, trainingId), eq(trainingAttendee.userId, user(ctx).id))).for('update');
  return row;
}

async function insertSelf(ctx: Ctx, t: TrainingRow, attended: boolean): Promise<AttendeeRow> {
  const actor = user(ctx);
  const [u] = await ctx.tx.select({ fullName: appUser.fullName }).from(appUser).where(eq(appUser.id, actor.id));
  const [row] = await ctx.tx.insert(trainingAttendee).values({
    trainingId: t.id, userId: actor.id, entityId: actor.entityId, fullName: u.fullName, registeredAt: ctx.now,
    ...(attended ? { attendedAt: ctx.now, checkinMethod: 'qr' as const } : {}),
  }).returning().catch((err) => {
    throw isUniqueViolation(err, 'training_attendee_user_key') ? new AppError('conflict', 'already_registered', { vi: 'Bạn đã đăng ký lớp này', en: 'You are already registered' }) : err;
  });
  return row;
}

/** The person registers for an event they may read (invited, or their place is covered). */
export async function registerForTraining(ctx: Ctx, id: string) {
  const t = await lockedTraining(ctx, id, undefined, () => true);
  await mayAttend(ctx, t);
  if (await mine(ctx, id)) throw new AppError('conflict', 'already_registered', { vi: 'Bạn đã đăng ký lớp này', en: 'You are already registered' });
  const row = await insertSelf(ctx, t, false);
  await recordAudit(ctx, { action: 'training.register', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, after: { attendeeId: row.id, fullName: row.fullName } });
  return row;
}

export async function withdrawFromTraining(ctx: Ctx, id: string) {
  const t = await lockedTraining(ctx, id, undefined, () => true);
  const row = await mine(ctx, id);
  if (!row) throw notFound('registration', 'đăng ký');
  if (row.attendedAt) throw new AppError('conflict', 'already_attended', { vi: 'Đã điểm danh: không thể rút đăng ký', en: 'Already checked in: the registration stays' });
  await ctx.tx.delete(trainingAttendee).where(eq(trainingAttendee.id, row.id));
  await recordAudit(ctx, { action: 'training.withdraw', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, before: { attendeeId: row.id, fullName: row.fullName } });
}

/** The link the organiser's screen shows as a QR code: signed with the event's own key, valid a short while. */
export async function checkinLink(ctx: Ctx, id: string) {
  const t = await lockedTraining(ctx, id);
  if (t.cancelled) throw cancelledTraining();
  let secret = t.checkinSecret;
  if (!secret) {
    secret = randomBytes(32).toString('base64url');
    await ctx.tx.update(training).set({ checkinSecret: secret }).where(eq(training.id, id));
  }
  return { training: t, ...signCheckin(secret, id, ctx.now) };
}

const badToken = (code: string, vi: string, en: string) => new AppError('invalid', code, { vi, en }, { field: 'token', errors: [{ path: 'token', code, message: { vi, en } }] });

/** The person opened the QR code's link, logged in: registered if they were not, and marked present. */
export async function checkIn(ctx: Ctx, token: string) {
  const id = tokenTraining(token);
  const t = id ? await lockedTraining(ctx, id, undefined, () => true).catch(() => undefined) : undefined;
  const verdict = t ? verifyCheckin(t.checkinSecret, token, ctx.now) : 'malformed';
  if (verdict === 'expired') throw badToken('checkin_expired', 'Mã điểm danh đã hết hạn: hãy quét mã mới trên màn hình của ban tổ chức', 'The check-in code has expired: scan the new one on the organiser\'s screen');
  if (verdict !== 'ok' || !t) throw badToken('checkin_invalid', 'Mã điểm danh không hợp lệ', 'Invalid check-in code');
  await mayAttend(ctx, t);
  const before = await mine(ctx, t.id);
  if (before?.attendedAt) return { training: t, attendee: before, already: true };
  const row = before
    ? (await ctx.tx.update(trainingAttendee).set({ attendedAt: ctx.now, checkinMethod: 'qr', markedBy: null }).where(eq(trainingAttendee.id, before.id)).returning())[0]
    : await insertSelf(ctx, t, true);
  await recordAudit(ctx, { action: 'training.checkin', recordType: 'training', recordId: t.id, provinceCode: t.provinceCode, communeCode: t.communeCode, after: { attendeeId: row.id, fullName: row.fullName, method: 'qr' } });
  return { training: t, attendee: row, already: false };
}

/** The organiser adds a person at the door (an account holder, or a name with their entity) and ticks them present. */
export async function addAttendee(ctx: Ctx, id: string, input: { userId?: string; fullName?: string; entityId?: string | null; position?: string | null; attended: boolean }) {
  const t = await lockedTraining(ctx, id);
  if (t.cancelled) throw cancelledTraining();
  let fullName = input.fullName ?? '';
  let entityId = input.entityId ?? null;
  if (input.userId) {
    const [u] = await ctx.tx.select().from(appUser).where(eq(appUser.id, input.userId));
    if (!u) throw invalidField('userId', 'unknown_user', { vi: 'Không có tài khoản này', en: 'Unknown account' });
    fullName = u.fullName;
    entityId = u.entityId ?? entityId;
  }
  if (entityId) {
    const [e] = await ctx.tx.select({ id: entity.id }).from(entity).where(eq(entity.id, entityId));
    if (!e) throw invalidField('entityId', 'unknown_entity', { vi: 'Không có chủ thể này', en: 'Unknown entity' });
  }
  const markedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const [row] = await ctx.tx.insert(trainingAttendee).values({
    trainingId: id, userId: input.userId ?? null, entityId, fullName, position: input.position ?? null, registeredAt: ctx.now,
    ...(input.attended ? { attendedAt: ctx.now, checkinMethod: 'manual' as const, markedBy } : {}),
  }).returning().catch((err) => {
    throw isUniqueViolation(err, 'training_attendee_user_key') ? new AppError('conflict', 'already_registered', { vi: 'Người này đã có trong danh sách', en: 'This person is already on the list' }, { field: 'userId' }) : err;
  });
  await recordAudit(ctx, { action: 'training.attendee_add', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, after: { attendeeId: row.id, fullName, entityId, attended: input.attended } });
  return row;
}

/** The organiser ticks (or unticks) a person's attendance by hand. */
export async function markAttendance(ctx: Ctx, id: string, attendeeId: string, attended: boolean) {
  const t = await lockedTraining(ctx, id);
  const [before] = await ctx.tx.select().from(trainingAttendee).where(and(eq(trainingAttendee.id, attendeeId), eq(trainingAttendee.trainingId, id))).for('update');
  if (!before) throw notFound('attendee', 'người tham dự');
  if (Boolean(before.attendedAt) === attended) return before;
  const markedBy = ctx.actor.kind === 'user' ? ctx.actor.id : null;
  const [after] = await ctx.tx.update(trainingAttendee).set(attended ? { attendedAt: ctx.now, checkinMethod: 'manual', markedBy } : { attendedAt: null, checkinMethod: null, markedBy }).where(eq(trainingAttendee.id, attendeeId)).returning();
  await recordAudit(ctx, { action: attended ? 'training.attendance_mark' : 'training.attendance_unmark', recordType: 'training', recordId: id, provinceCode: t.provinceCode, communeCode: t.communeCode, before: { attendeeId, attendedAt: before.attendedAt?.toISOString() ?? null }, after: { attendeeId, attendedAt: after.attendedAt?.toISOString() ?? null } });
  return after;
}
