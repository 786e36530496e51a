import { z } from 'zod';
import { cursorParam, nextCursorOut } from '../../app/paging.js';
import { communeCode, provinceCode } from '../geo/index.js';
import { email, password } from '../accounts/index.js';
import { ENTITY_STATUSES, ENTITY_TYPES, PRODUCT_STATUSES, SECTOR_CODES } from './registry.tables.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
// PostgreSQL stores no year 0 and the registry no dates from before the republic's records: keep dates plausible.
const isoDate = z.iso.date().refine((d) => Number(d.slice(0, 4)) >= 1900 && Number(d.slice(0, 4)) <= 2100, 'A date between 1900 and 2100');
const version = z.number().int().min(1);

export const representative = z.strictObject({
  fullName: text(200),
  sex: z.enum(['male', 'female']),
  ethnicity: text(60),
  disability: z.boolean(),
  position: optionalText(100).transform((v) => v ?? undefined),
  phone: optionalText(30).transform((v) => v ?? undefined),
});

const entityFields = {
  name: text(300),
  type: z.enum(ENTITY_TYPES),
  registrationNumber: z.string().trim().regex(/^[0-9A-Za-z][0-9A-Za-z./-]{3,29}$/, 'Registration number: 4–30 letters, digits, . / -'),
  registrationDate: isoDate.nullable().optional(),
  taxCode: z.string().trim().regex(/^\d{10}(-\d{3})?$/, 'Tax code: 10 digits, optionally -NNN').nullable().optional(),
  address: text(500),
  communeCode,
  phone: z.string().trim().regex(/^\+?[0-9 .()-]{6,20}$/, 'Phone number').nullable().optional(),
  email: email.nullable().optional(),
  website: z.url({ protocol: /^https?$/ }).max(300).nullable().optional(), // no javascript: links on public pages
  publishContact: z.boolean().nullable().optional(),
  representative,
  workers: z.number().int().min(0).max(1_000_000).nullable().optional(),
  localWorkers: z.number().int().min(0).max(1_000_000).nullable().optional(),
  /** The entity's own GS1 company prefix (from GS1 Vietnam), when it has one. */
  gs1CompanyPrefix: z.string().trim().regex(/^\d{6,11}$/, 'GS1 company prefix: 6–11 digits').nullable().optional(),
};

export const createEntityBody = z.strictObject(entityFields);
export const updateEntityBody = z.strictObject({ ...z.object(entityFields).partial().shape, version });

/** What anyone may read about a published entity (registry.fields.ts): no street address, no representative, no
 * registration or tax number, and phone and e-mail only inside `contact` when the entity chose to publish them. */
export const entityPublicOut = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ENTITY_TYPES),
  communeCode: z.string(),
  communeName: z.string(),
  provinceCode: z.string(),
  provinceName: z.string(),
  website: z.string().nullable(),
  contact: z.object({ phone: z.string().nullable(), email: z.string().nullable() }).nullable(),
  status: z.enum(ENTITY_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  actions: z.array(z.string()),
});
export type EntityPublicOut = z.infer<typeof entityPublicOut>;

/** The representative as officers in scope see it in lists (name and position); sex, ethnicity, disability and the
 * personal phone are sensitive and come only in the single record to those who need them (logged). */
export const representativeOut = z.object({
  fullName: z.string(), position: z.string().optional(),
  sex: z.enum(['male', 'female']).optional(), ethnicity: z.string().optional(), disability: z.boolean().optional(), phone: z.string().optional(),
});

/** What officers in scope and the entity itself read. */
export const entityOut = entityPublicOut.extend({
  registrationNumber: z.string(),
  registrationDate: z.string().nullable(),
  taxCode: z.string().nullable(),
  address: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  /** The entity's own choice, null until made (then an organisation publishes its contact, a household does not). */
  publishContact: z.boolean().nullable(),
  representative: representativeOut,
  workers: z.number().nullable(),
  localWorkers: z.number().nullable(),
  gs1CompanyPrefix: z.string().nullable(),
  statusReason: z.string().nullable(),
  productCount: z.number(),
  version: z.number(),
});
/** The response of an entity route: the internal shape for those in scope, the public one for everyone else. */
export const entityAnyOut = z.union([entityOut, entityPublicOut]);
export type EntityAnyOut = z.infer<typeof entityAnyOut>;
export type EntityOut = z.infer<typeof entityOut>;

/** Numbered pages for the first pages (the web list's pager), the keyset cursor for the rest and for walking a whole
 * list: a deep page by cursor costs what the first costs. */
const paging = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
  cursor: cursorParam,
};
/** What every list response carries besides its items: the total (exact up to 10,000, else totalExact false) and
 * the next page's cursor. */
const listMeta = {
  total: z.number().describe('Exact up to 10,000; beyond, 10,000 with totalExact false (read "more than 10,000"). A search by relevance (q) reads at most 300 rows of its rarest word: when it stops there, total is the matches it found, with totalExact false (read "at least"). A search in another order (q with sort) whose rarest word begins more than 10,000 names may report the matches among the first 10,001 of them, also with totalExact false'),
  totalExact: z.boolean(),
  page: z.number().describe('The page asked for (1 when paging by cursor)'),
  pageSize: z.number(),
  nextCursor: nextCursorOut,
};
const q = z.string().trim().max(100).optional();

export const entityListQuery = z.strictObject({
  q, province: provinceCode.optional(), commune: communeCode.optional(),
  type: z.enum(ENTITY_TYPES).optional(), status: z.enum(ENTITY_STATUSES).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']).default('name'),
  ...paging,
});
export const entityList = z.object({ ...listMeta, items: z.array(entityAnyOut) });

const productFields = {
  entityId: z.uuid(),
  name: text(300),
  productSet: z.number().int().min(1).max(26),
  description: optionalText(10_000),
  ingredients: optionalText(5_000),
  rawMaterialArea: optionalText(2_000),
  standard: optionalText(500),
  status: z.enum(['draft', 'registered']).optional(),
  /** The product's own GS1 GTIN (8, 12, 13 or 14 digits, check digit checked); without it the programme assigns one. */
  gtin: z.string().trim().regex(/^\d{1,14}$/, 'GTIN: digits only').optional(),
};
export const createProductBody = z.strictObject(productFields);
const { entityId: _e, ...editable } = productFields;
export const updateProductBody = z.strictObject({ ...z.object(editable).partial().shape, version });

/** A file as its readers see it; the uploader's file name (originalName) only for those who may edit the record. */
export const fileOut = z.object({ id: z.string(), url: z.string(), kind: z.string(), mimeType: z.string(), sizeBytes: z.number(), originalName: z.string().optional(), caption: z.string().nullable() });

export const productOut = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  entity: z.object({ id: z.string(), name: z.string(), type: z.enum(ENTITY_TYPES) }),
  productSet: z.object({ sheet: z.number(), code: z.string(), name: z.string(), nameEn: z.string(), groupCode: z.string(), groupName: z.string(), groupNameEn: z.string(), sectorCode: z.string(), sectorName: z.string(), sectorNameEn: z.string() }),
  description: z.string().nullable(),
  ingredients: z.string().nullable(),
  rawMaterialArea: z.string().nullable(),
  standard: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  stars: z.number().nullable(),
  provinceCode: z.string(),
  provinceName: z.string(),
  communeCode: z.string(),
  communeName: z.string(),
  imageUrl: z.string().nullable(),
  /** GS1 GTIN, 14 digits (the entity's own or one under the programme's prefix); null until assigned. */
  gtin: z.string().nullable(),
  /** The product's GS1 Digital Link on this system's resolver (what its QR code holds); null without a GTIN. */
  digitalLink: z.string().nullable(),
  files: z.array(fileOut).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  actions: z.array(z.string()),
});
export type ProductOut = z.infer<typeof productOut>;

export const productListQuery = z.strictObject({
  q, province: provinceCode.optional(), commune: communeCode.optional(),
  productSet: z.coerce.number().int().min(1).max(26).optional(),
  sector: z.enum(SECTOR_CODES).optional(),
  group: z.string().regex(/^[IV]+\.\d$/).optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  entityType: z.enum(ENTITY_TYPES).optional(),
  entity: z.uuid().optional(),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  sort: z.enum(['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'stars', '-stars', 'code']).optional()
    .describe('Default: name; with q, relevance (the words as a phrase at the start of the name or of a word first, then certified and higher stars)'),
  ...paging,
});
export const productList = z.object({ ...listMeta, items: z.array(productOut) });

export const idParams = z.strictObject({ id: z.uuid() });
export const refuseBody = z.strictObject({ reason: text(1000), version });
export const approveBody = z.strictObject({ version });

export const signupBody = z.strictObject({
  email, password, fullName: text(200),
  entity: createEntityBody,
});
export const inviteBody = z.strictObject({ email });
export const invitationOut = z.object({ email: z.string(), token: z.string(), expiresAt: z.string() });
export const acceptInviteBody = z.strictObject({ token: z.string().min(10).max(200), fullName: text(200), password });

export const historyOut = z.object({
  items: z.array(z.object({ id: z.number(), at: z.string(), actorId: z.string().nullable(), actorName: z.string().nullable(), action: z.string(), before: z.unknown(), after: z.unknown(), changes: z.array(z.string()) })),
});

export const documentMeta = z.strictObject({
  docType: z.enum(['business_registration', 'food_safety', 'trademark', 'quality_certificate', 'test_report', 'other']),
  number: optionalText(100),
  issuer: optionalText(300),
  issuedOn: isoDate.nullable().optional(),
  expiresOn: isoDate.nullable().optional(),
});
export const documentOut = z.object({ id: z.string(), docType: z.string(), number: z.string().nullable(), issuer: z.string().nullable(), issuedOn: z.string().nullable(), expiresOn: z.string().nullable(), file: fileOut });

/** A product set of Phụ lục I: its name there, Phụ lục II's differing wording as aliases, the managing agencies. */
const productSetRef = z.object({ code: z.string(), sheet: z.number(), name: z.string(), nameEn: z.string(), aliases: z.array(z.string()), agencies: z.array(z.string()) });
export const classificationOut = z.object({
  instrument: z.string(),
  sectors: z.array(z.object({
    code: z.string(), name: z.string(), nameEn: z.string(),
    groups: z.array(z.object({ code: z.string(), name: z.string(), nameEn: z.string(),
      productSets: z.array(productSetRef) })),
  })),
});
export const productSetQuery = z.strictObject({ q: z.string().trim().max(100).optional() });
export const productSetList = z.object({ items: z.array(productSetRef.extend({ groupCode: z.string(), sectorCode: z.string() })) });
