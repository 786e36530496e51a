// Requests and responses of the producer's traceability records: locations (GLNs), lots, recorded steps, and the
// officers' traceability status list.
import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { LOT_PATTERN, STEPS, UOMS } from './recording.rules.js';
import { LOCATION_KINDS } from './trace.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1900 && Number(d.slice(0, 4)) <= 2100, 'A date between 1900 and 2100');

export const idParams = z.strictObject({ id: z.uuid() });

export const createLocationBody = z.strictObject({
  entityId: z.uuid(),
  kind: z.enum(LOCATION_KINDS),
  name: text(200),
  communeCode: communeCode.nullable().optional(),
  address: optionalText(500),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  description: optionalText(2000),
  /** The entity's own GLN (13 digits, check digit checked); without it the programme numbers the location. */
  gln: z.string().trim().regex(/^\d{1,13}$/, 'GLN: digits only').optional(),
}).refine((b) => (b.latitude == null) === (b.longitude == null), { path: ['longitude'], message: 'Latitude and longitude come together' });

export const locationOut = z.object({
  id: z.string(), entityId: z.string(), gln: z.string(), digitalLink: z.string(), kind: z.enum(LOCATION_KINDS), name: z.string(),
  communeCode: z.string().nullable(), communeName: z.string().nullable(), provinceCode: z.string().nullable(),
  address: z.string().nullable(), latitude: z.number().nullable(), longitude: z.number().nullable(), description: z.string().nullable(),
  createdAt: z.string(),
});
export type LocationOut = z.infer<typeof locationOut>;
export const locationListQuery = z.strictObject({ entity: z.uuid() });
export const locationList = z.object({ items: z.array(locationOut) });

export const createLotBody = z.strictObject({
  productId: z.uuid(),
  /** The lot code printed on the pack; without it one is made from the production date (L260301-1). */
  lot: z.string().trim().regex(LOT_PATTERN, 'Lot: 1–20 letters, digits, . _ -').optional(),
  producedOn: isoDate.optional(),
  expiresOn: isoDate.nullable().optional(),
  quantity: z.number().positive().max(1e9).nullable().optional(),
  uom: z.enum(UOMS).nullable().optional(),
  /** The raw-material area (registry) the batch came from: one of the entity's areas. */
  rawMaterialAreaId: z.uuid().nullable().optional(),
}).refine((b) => !b.expiresOn || !b.producedOn || b.expiresOn >= b.producedOn, { path: ['expiresOn'], message: 'The expiry date comes after the production date' });

export const stepOut = z.object({
  step: z.enum(STEPS), eventId: z.string(), eventTime: z.string(), locationGln: z.string().nullable(), locationName: z.string().nullable(),
});
export const lotOut = z.object({
  id: z.string(), productId: z.string(), productName: z.string(), entityId: z.string(), gtin: z.string(), lot: z.string(),
  digitalLink: z.string(), producedOn: z.string().nullable(), expiresOn: z.string().nullable(), quantity: z.number().nullable(),
  uom: z.string().nullable(), createdAt: z.string(), labelsUrl: z.string(), rawMaterialAreaId: z.string().nullable().optional(),
  steps: z.array(stepOut).optional(), nextStep: z.enum(STEPS).nullable().optional(), actions: z.array(z.string()),
});
export type LotOut = z.infer<typeof lotOut>;
export const lotListQuery = z.strictObject({ product: z.uuid().optional(), entity: z.uuid().optional() })
  .refine((q) => q.product || q.entity, { path: ['product'], message: 'product or entity' });
export const lotList = z.object({ items: z.array(lotOut), capped: z.boolean() });

export const recordStepBody = z.strictObject({
  step: z.enum(STEPS),
  /** When it happened (default: now). */
  at: z.iso.datetime({ offset: true }).optional(),
  locationId: z.uuid(),
  /** Shipping: where the goods go (one of the entity's locations, e.g. its shop). */
  destinationId: z.uuid().optional(),
  quantity: z.number().positive().max(1e9).nullable().optional(),
  uom: z.enum(UOMS).nullable().optional(),
}).refine((b) => b.step !== 'shipping' || b.destinationId, { path: ['destinationId'], message: 'Shipping needs a destination' });
export const recordStepOut = z.object({ lot: lotOut, eventIds: z.array(z.string()), captureId: z.string().nullable() });

export const statusQuery = z.strictObject({
  province: provinceCode.optional(), commune: communeCode.optional(),
  /** Only the products at 4★ or above without a traceability code (the score sheets' criterion). */
  flagged: z.enum(['true', 'false']).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  cursor: cursorParam,
});
export const statusItem = z.object({
  productId: z.string(), code: z.string(), name: z.string(), entityId: z.string(), entityName: z.string(),
  provinceCode: z.string(), communeCode: z.string(), stars: z.number().nullable(), status: z.string(),
  gtin: z.string().nullable(), lots: z.number(), events: z.number(), lastEventAt: z.string().nullable(),
  /** 4★ or above and no traced lot: the product lacks the traceability code QĐ 26/2026 expects on its label. */
  flagged: z.boolean(),
});
export const statusList = z.object({ items: z.array(statusItem), nextCursor: nextCursorOut });
