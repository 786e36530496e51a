import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { getCommune } from '../../geo/index.js';
import { canManageUser } from '../accounts.policy.js';
import { presentUser } from '../accounts.present.js';
import { getUserByEmail } from '../accounts.repo.js';
import { assertAcceptablePassword } from '../accounts.passwords.js';
import { hashPassword } from '../accounts.rules.js';
import { appUser } from '../accounts.tables.js';
import type { Role } from '../../../app/actor.js';
import { isUniqueViolation } from '../../../app/db.js';

const emailTaken = () => new AppError('conflict', 'email_taken', { vi: 'E-mail này đã được dùng', en: 'This e-mail is already in use' }, { field: 'email' });

export type NewUser = {
  email: string; fullName: string; password: string | null; role: Role;
  provinceCode?: string | null; communeCode?: string | null; entityId?: string | null;
};

/**
 * Creates an account. `checkPolicy: false` is for trusted callers (sign-up, seeding, the first admin);
 * `checkPassword: false` only for the demo accounts seeded directly, whose published password is on the list of
 * common passwords on purpose.
 */
export async function createUser(ctx: Ctx, input: NewUser, opts: { checkPolicy?: boolean; checkPassword?: boolean } = {}) {
  if (input.password && opts.checkPassword !== false) assertAcceptablePassword(input.password);
  let provinceCode = input.provinceCode ?? null;
  const communeCode = input.communeCode ?? null;
  if (communeCode) {
    const commune = await getCommune(ctx.tx, communeCode);
    if (!commune) throw invalidField('communeCode', 'unknown_commune', { vi: 'Mã xã không tồn tại', en: 'Unknown commune code' });
    if (provinceCode && provinceCode !== commune.provinceCode) throw invalidField('communeCode', 'commune_not_in_province', { vi: 'Xã không thuộc tỉnh đã chọn', en: 'The commune is not in that province' });
    provinceCode = commune.provinceCode;
  }
  if (input.role === 'province' && !provinceCode) throw invalidField('provinceCode', 'scope_required', { vi: 'Cần chọn tỉnh', en: 'A province is required' });
  if (input.role === 'commune' && !communeCode) throw invalidField('communeCode', 'scope_required', { vi: 'Cần chọn xã', en: 'A commune is required' });
  if (opts.checkPolicy !== false && !canManageUser(ctx.actor, { role: input.role, provinceCode })) throw forbidden();
  if (await getUserByEmail(ctx.tx, input.email)) throw emailTaken();
  const [row] = await ctx.tx.insert(appUser).values({
    email: input.email, fullName: input.fullName, role: input.role, provinceCode, communeCode,
    entityId: input.entityId ?? null, passwordHash: input.password ? await hashPassword(input.password) : null,
  }).returning().catch((err: unknown) => { throw isUniqueViolation(err, 'app_user_email_idx') ? emailTaken() : err; }); // a concurrent sign-up won the race
  await recordAudit(ctx, { action: 'user.create', recordType: 'user', recordId: row.id, provinceCode, communeCode, after: presentUser(row) });
  return row;
}
