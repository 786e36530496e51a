// What the council commands share: the council with the actor's membership, the session locked, and the rule that
// nothing about a closed session changes.
import { and, eq } from 'drizzle-orm';
import { getUserById } from '../../accounts/index.js';
import type { Ctx } from '../../../app/actor.js';
import { AppError, notFound } from '../../../app/errors.js';
import { canReadCouncil } from '../councils.policy.js';
import { getCouncil, getMember, getSessionForUpdate } from '../councils.repo.js';
import { conflictDeclaration, type SessionRow } from '../councils.tables.js';

export const me = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.id : null);

export async function loadCouncil(ctx: Ctx, councilId: string) {
  const council = await getCouncil(ctx.tx, councilId);
  const member = await getMember(ctx.tx, councilId, me(ctx));
  if (!council || !canReadCouncil(ctx.actor, council, member)) throw notFound('council', 'hội đồng');
  return { council, member };
}

export const councilDissolved = () => new AppError('conflict', 'council_dissolved', { vi: 'Hội đồng đã giải thể', en: 'The council is dissolved' });

/** A dissolved council schedules nothing new: its sessions already held stay on record. */
export function assertInOffice(council: { dissolvedAt: Date | null }) {
  if (council.dissolvedAt) throw councilDissolved();
}

export const sessionClosed = () => new AppError('conflict', 'session_closed', { vi: 'Phiên họp đã kết thúc; mọi nội dung đã được khóa', en: 'The session is closed; nothing in it can change' });

/** Locks the session; any write to a closed session is refused with 409 session_closed. */
export async function loadOpenableSession(ctx: Ctx, sessionId: string): Promise<{ session: SessionRow } & Awaited<ReturnType<typeof loadCouncil>>> {
  const session = await getSessionForUpdate(ctx.tx, sessionId);
  if (!session) throw notFound('session', 'phiên họp');
  // Out of scope, the session is as unknown as a missing one (the same 404 as reading it).
  const c = await loadCouncil(ctx, session.councilId).catch((e: unknown) => { throw e instanceof AppError && e.kind === 'not_found' ? notFound('session', 'phiên họp') : e; });
  if (session.status === 'closed') throw sessionClosed();
  return { session, ...c };
}


/** A member is conflicted for an entity when they declared it (or the office recorded it), or belong to the entity. */
export async function isConflicted(ctx: Ctx, councilId: string, userId: string, entityId: string): Promise<boolean> {
  const [declared] = await ctx.tx.select({ id: conflictDeclaration.id }).from(conflictDeclaration)
    .where(and(eq(conflictDeclaration.councilId, councilId), eq(conflictDeclaration.userId, userId), eq(conflictDeclaration.entityId, entityId)));
  if (declared) return true;
  return (await getUserById(ctx.tx, userId))?.entityId === entityId;
}
