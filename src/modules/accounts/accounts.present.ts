import type { User } from './accounts.contract.js';
import type { UserRow } from './accounts.repo.js';

export const presentUser = (u: UserRow): User => ({
  id: u.id, email: u.email, fullName: u.fullName, role: u.role, provinceCode: u.provinceCode,
  communeCode: u.communeCode, entityId: u.entityId, active: u.active,
});
