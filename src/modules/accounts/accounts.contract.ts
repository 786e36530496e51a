import { z } from 'zod';
import { ROLES } from '../../app/actor.js';
import { communeCode, provinceCode } from '../geo/index.js';

export const email = z.string().trim().toLowerCase().max(254).pipe(z.email());
export const password = z.string().min(10, 'At least 10 characters').max(200);

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
});
export const userList = z.object({ total: z.number(), items: z.array(user) });

export const idParams = z.strictObject({ id: z.uuid() });

export const createTokenBody = z.strictObject({ name: z.string().trim().min(1).max(100) });
export const tokenCreated = z.object({ id: z.string(), name: z.string(), token: z.string() });
