import type { User } from './accounts.contract.js';
import type { UserRow } from './accounts.repo.js';

export const presentUser = (u: UserRow): User => ({
  id: u.id, email: u.email, fullName: u.fullName, role: u.role, provinceCode: u.provinceCode,
  communeCode: u.communeCode, entityId: u.entityId, active: u.active,
});

type TokenRow = { id: string; name: string; createdAt: Date; expiresAt: Date; revokedAt: Date | null };
export const presentToken = (t: TokenRow, now: Date) => ({
  id: t.id, name: t.name, createdAt: t.createdAt.toISOString(), expiresAt: t.expiresAt.toISOString(), revokedAt: t.revokedAt?.toISOString() ?? null,
  status: t.revokedAt ? 'revoked' as const : t.expiresAt <= now ? 'expired' as const : 'active' as const,
});
