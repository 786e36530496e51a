import { z } from 'zod';

export const provinceCode = z.string().regex(/^\d{2}$/, 'A province code has 2 digits');
export const communeCode = z.string().regex(/^\d{5}$/, 'A commune code has 5 digits');

export const adminUnitsQuery = z.strictObject({
  level: z.enum(['province', 'commune']).default('province'),
  province: provinceCode.optional(),
  q: z.string().max(100).optional(),
  /** At most this many units (a picker asks for a few; without it, all that match). */
  limit: z.coerce.number().int().min(1).max(5000).optional(),
});

export const adminUnit = z.object({
  code: z.string(),
  level: z.enum(['province', 'commune']),
  name: z.string(),
  nameEn: z.string(),
  fullName: z.string(),
  fullNameEn: z.string(),
  provinceCode: z.string().optional(),
});
export const adminUnitList = z.object({
  version: z.object({ id: z.string(), validFrom: z.string(), instrument: z.string() }),
  total: z.number(),
  items: z.array(adminUnit),
});

export const translateQuery = z.strictObject({
  commune: z.string().min(1).max(200),
  district: z.string().max(200).optional(),
  province: z.string().max(200).optional(),
});
export const translateResult = z.object({
  unambiguous: z.boolean(),
  candidates: z.array(z.object({ code: z.string(), fullName: z.string(), provinceCode: z.string(), provinceName: z.string(), oldName: z.string(), oldDistrict: z.string(), oldProvince: z.string() })),
});

export type AdminUnit = z.infer<typeof adminUnit>;
