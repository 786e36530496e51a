// Community and eco-tourism destinations (sector VI): requests and responses.
import { z } from 'zod';
import { communeCode, provinceCode } from '../geo/index.js';
import { shopUrl } from './channels.contract.js';
import { DESTINATION_KINDS, TOURISM_SERVICES } from './fairs.tables.js';

const version = z.number().int().min(1);
const fields = {
  name: z.string().trim().min(1).max(300),
  kind: z.enum(DESTINATION_KINDS).describe('community: community-based tourism; eco: eco-tourism; site: a tourist site'),
  description: z.string().trim().max(5000).nullable().optional(),
  entityId: z.uuid().nullable().optional().describe('The entity managing it (an entity member: its own, implied)'),
  productId: z.uuid().nullable().optional().describe('Its OCOP product of sector VI (product set 26), when rated'),
  communeCode,
  latitude: z.number().min(8).max(24),
  longitude: z.number().min(102).max(118),
  seasonMonths: z.array(z.number().int().min(1).max(12)).max(12).refine((m) => new Set(m).size === m.length, 'Each month once').default([]),
  seasonNote: z.string().trim().max(500).nullable().optional(),
  services: z.array(z.enum(TOURISM_SERVICES)).max(TOURISM_SERVICES.length).refine((m) => new Set(m).size === m.length, 'Each service once').default([]),
  planningZone: z.string().trim().max(300).nullable().optional().describe('The local tourism planning zone it belongs to (as named in the province\'s plan)'),
  website: shopUrl.nullable().optional(),
  published: z.boolean().default(true),
};
export const createDestinationBody = z.strictObject(fields);
export const updateDestinationBody = z.strictObject({ ...z.object(fields).partial().shape, version });

const area = z.object({ code: z.string(), name: z.string() });
export const destinationOut = z.object({
  id: z.string(), name: z.string(), kind: z.enum(DESTINATION_KINDS), description: z.string().nullable(),
  entity: z.object({ id: z.string(), name: z.string() }).nullable(),
  product: z.object({ id: z.string(), name: z.string(), stars: z.number().nullable(), url: z.string() }).nullable(),
  province: area, commune: area, latitude: z.number(), longitude: z.number(), seasonMonths: z.array(z.number()), seasonNote: z.string().nullable(),
  services: z.array(z.enum(TOURISM_SERVICES)), planningZone: z.string().nullable(), website: z.string().nullable(), url: z.string(),
  published: z.boolean().optional(), createdAt: z.string().optional(), updatedAt: z.string().optional(), version: z.number().optional(), actions: z.array(z.string()).optional(),
});
export type DestinationOut = z.infer<typeof destinationOut>;

export const destinationListQuery = z.object({
  province: provinceCode.optional(),
  commune: communeCode.optional(),
  kind: z.enum(DESTINATION_KINDS).optional(),
  bbox: z.string().max(100).optional().describe('west,south,east,north in degrees (WGS 84): the destinations inside the box'),
  entity: z.uuid().optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional().describe('true: the destinations you manage (unpublished ones too)'),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});
export const destinationList = z.object({ total: z.number(), items: z.array(destinationOut) });
