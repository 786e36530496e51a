// Raw-material areas: requests and responses (the web app imports them too). The location is checked by
// areas.rules.ts (GeoJSON Point or Polygon), not by zod, so a bad polygon gets a precise path and message.
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { AREA_KINDS, AREA_STATUSES, FARMING_STANDARDS } from './areas.tables.js';

const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1990 && Number(d.slice(0, 4)) <= 2100, 'A date between 1990 and 2100');
const version = z.number().int().min(1);

export const areaCertificate = z.strictObject({
  number: z.string().trim().min(1).max(100),
  issuer: z.string().trim().min(1).max(200),
  standard: z.enum(FARMING_STANDARDS),
  issuedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
}).refine((c) => !c.issuedOn || !c.expiresOn || c.expiresOn >= c.issuedOn, { path: ['expiresOn'], message: 'The expiry cannot precede the issue date' });

const areaFields = {
  name: z.string().trim().min(2).max(200),
  communeCode: communeCode.optional().describe('Where the area lies; the entity\'s commune when left out'),
  location: z.unknown().describe('GeoJSON Point or Polygon, WGS 84 [longitude, latitude]'),
  areaHa: z.number().positive().max(100_000).nullable().optional().describe('Size in hectares; a polygon\'s own when left out'),
  kind: z.enum(AREA_KINDS),
  produce: z.array(z.string().trim().min(1).max(100)).min(1).max(20).describe('Crops or livestock raised there'),
  farmingStandard: z.enum(FARMING_STANDARDS),
  certificates: z.array(areaCertificate).max(10).default([]),
  description: z.string().trim().max(2000).nullable().optional(),
  productIds: z.array(z.uuid()).max(50).default([]).describe('The entity\'s products that draw on this area'),
};
export const createAreaBody = z.strictObject(areaFields);
export const updateAreaBody = z.strictObject({ ...z.object(areaFields).partial().shape, version });
export const verifyAreaBody = z.strictObject({ version });
export const rejectAreaBody = z.strictObject({ version, reason: z.string().trim().min(3).max(1000) });

export const areaOut = z.object({
  id: z.string(),
  entity: z.object({ id: z.string(), name: z.string() }),
  name: z.string(),
  provinceCode: z.string(),
  communeCode: z.string(),
  location: z.unknown(),
  latitude: z.number(),
  longitude: z.number(),
  areaHa: z.number().nullable(),
  kind: z.enum(AREA_KINDS),
  produce: z.array(z.string()),
  farmingStandard: z.enum(FARMING_STANDARDS),
  products: z.array(z.object({ id: z.string(), name: z.string() })),
  certificates: z.array(z.object({ number: z.string(), issuer: z.string(), standard: z.enum(FARMING_STANDARDS), issuedOn: z.string().nullable(), expiresOn: z.string().nullable() })).optional(),
  description: z.string().nullable().optional(),
  status: z.enum(AREA_STATUSES).optional(),
  statusReason: z.string().nullable().optional(),
  verifiedAt: z.string().nullable().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  version: z.number().optional(),
  actions: z.array(z.string()).optional(),
});
export type AreaOut = z.infer<typeof areaOut>;

export const areaListQuery = z.strictObject({
  entity: z.uuid().optional(),
  product: z.uuid().optional(),
  status: z.enum(AREA_STATUSES).optional(),
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
});
export const areaList = z.object({ total: z.number(), totalExact: z.boolean(), page: z.number(), pageSize: z.number(), nextCursor: nextCursorOut, items: z.array(areaOut) });
export const deleteAreaQuery = z.object({ version: z.coerce.number().int().min(1) });
