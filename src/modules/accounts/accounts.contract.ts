import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { ROLES } from '../../app/actor.js';
import { communeCode, provinceCode } from '../geo/index.js';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
// The length rule here (so the form and the OpenAPI document show it); the list of common passwords is checked
// where an account's password is set (accounts.passwords.ts).
export const password = z.string().min(12, 'At least 12 characters').max(200);

export const loginBody = z.strictObject({ email: z.string().max(254), password: z.string().max(200) });

export const user = z.object({
  id: z.uuid(),
  email: z.string(),
  fullName: z.string(),
  role: z.enum(ROLES),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  entityId: z.string().nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof user>;

export const sessionResponse = z.object({ user, csrfToken: z.string() });

export const createUserBody = z.strictObject({
  email,
  fullName: z.string().trim().min(1).max(200),
  password,
  role: z.enum(['central', 'province', 'commune', 'council', 'advisory', 'inspector']),
  provinceCode: provinceCode.optional(),
  communeCode: communeCode.optional(),
});

export const usersQuery = z.strictObject({
  role: z.enum(ROLES).optional(),
  province: provinceCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam,
});
export const userList = z.object({ total: z.number(), totalExact: z.boolean(), nextCursor: nextCursorOut, items: z.array(user) });

export const idParams = z.strictObject({ id: z.uuid() });

export const createTokenBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  /** Days until the token expires: 90 unless asked, at most 365. */
  days: z.number().int().min(1).max(365).optional(),
});
export const tokenCreated = z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string(), expiresAt: z.string() });
export const tokenOut = z.object({
  id: z.string(), name: z.string(), createdAt: z.string(), expiresAt: z.string(), revokedAt: z.string().nullable(),
  status: z.enum(['active', 'expired', 'revoked']),
});
export const tokenList = z.object({ items: z.array(tokenOut) });

export const resetRequestBody = z.strictObject({ email });
export const resetConfirmBody = z.strictObject({ token: z.string().min(20).max(200), password });
export const acceptedResponse = z.object({ status: z.literal('accepted'), message: z.object({ vi: z.string(), en: z.string() }) });
export const demoResponse = z.object({ demo: z.boolean() });
