import type { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { project, type Audience } from '../../app/privacy.js';
import type { EntityAnyOut, fileOut, ProductOut } from './registry.contract.js';
import { ENTITY_FIELDS, FILE_FIELDS } from './registry.fields.js';
import { entityActions, entityAudience, productActions } from './registry.policy.js';
import { publishesContact } from './registry.rules.js';
import type { EntityRow, ProductRow } from './registry.repo.js';
import type { storedFile } from './registry.tables.js';

export const fileUrl = (id: string) => `/api/v1/files/${id}`;

/**
 * An entity for the actor, cut down by its classification (registry.fields.ts). `maxAudience` caps it: lists give
 * officers the internal fields but leave the representative's sensitive data to the single record, whose reads are
 * logged. Returns whether sensitive fields went out, so the route can log the read.
 */
export function presentEntity(row: EntityRow, actor: Actor, maxAudience: Audience = 'sensitive'): EntityAnyOut {
  return presentEntityFor(row, actor, maxAudience).out;
}

export function presentEntityFor(row: EntityRow, actor: Actor, maxAudience: Audience = 'sensitive'): { out: EntityAnyOut; sensitive: string[] } {
  const e = row.entity;
  const r = e.representative;
  const full = {
    id: e.id, name: e.name, type: e.type, registrationNumber: e.registrationNumber, registrationDate: e.registrationDate,
    taxCode: e.taxCode, address: e.address, communeCode: e.communeCode, communeName: row.communeName,
    provinceCode: e.provinceCode, provinceName: row.provinceName, phone: e.phone, email: e.email, website: e.website,
    contact: publishesContact(e) && (e.phone || e.email) ? { phone: e.phone, email: e.email } : null, publishContact: e.publishContact,
    representative: { fullName: r.fullName, position: r.position, sex: r.sex, ethnicity: r.ethnicity, disability: r.disability, phone: r.phone },
    workers: e.workers, localWorkers: e.localWorkers, gs1CompanyPrefix: e.gs1CompanyPrefix, status: e.status,
    statusReason: e.statusReason, productCount: Number(row.productCount), createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(), version: e.version, actions: entityActions(actor, e),
  };
  const audience = lower(entityAudience(actor, e), maxAudience);
  const out = project(ENTITY_FIELDS, audience, full) as EntityAnyOut;
  return { out, sensitive: audience === 'sensitive' ? sensitiveFieldsOf(ENTITY_FIELDS) : [] };
}

const RANKED: Audience[] = ['public', 'internal', 'sensitive'];
const lower = (a: Audience, b: Audience): Audience => RANKED[Math.min(RANKED.indexOf(a), RANKED.indexOf(b))];
const sensitiveFieldsOf = (c: typeof ENTITY_FIELDS) => Object.entries(c.fields).filter(([, v]) => v === 'sensitive').map(([k]) => k);

/** The Digital Link of a GTIN on this system's own resolver (OCOP_PUBLIC_URL): the URI its QR code carries. */
export const productDigitalLink = (publicUrl: string, gtin: string | null) => (gtin ? `${publicUrl.replace(/\/+$/, '')}/01/${gtin}` : null);

export function presentProduct(row: ProductRow, actor: Actor, publicUrl: string): ProductOut {
  const p = row.product;
  const s = row.set;
  return {
    id: p.id, code: p.code, name: p.name,
    entity: { id: p.entityId, name: row.entityName, type: row.entityType },
    productSet: { sheet: s.sheet, code: s.code, name: s.name, nameEn: s.nameEn, groupCode: s.groupCode, groupName: s.groupName, groupNameEn: s.groupNameEn, sectorCode: s.sectorCode, sectorName: s.sectorName, sectorNameEn: s.sectorNameEn },
    description: p.description, ingredients: p.ingredients, rawMaterialArea: p.rawMaterialArea, standard: p.standard,
    status: p.status, stars: p.stars, provinceCode: p.provinceCode, provinceName: row.provinceName,
    communeCode: p.communeCode, communeName: row.communeName, imageUrl: row.imageFileId ? fileUrl(row.imageFileId) : null,
    gtin: p.gtin, digitalLink: productDigitalLink(publicUrl, p.gtin),
    createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), version: p.version,
    actions: productActions(actor, p),
  };
}

/** A file for its reader: the uploader's file name only for those who may edit the record (registry.fields.ts). */
export function presentFile(file: typeof storedFile.$inferSelect, kind: string, caption: string | null = null, audience: Audience = 'internal') {
  return project(FILE_FIELDS, audience, { id: file.id, url: fileUrl(file.id), kind, mimeType: file.mimeType, sizeBytes: file.sizeBytes, originalName: file.originalName, caption }) as z.infer<typeof fileOut>;
}

/** The audited snapshot of an entity or product: its own columns, no joins, no derived fields. */
export function snapshot<T extends { createdAt?: Date; updatedAt?: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
