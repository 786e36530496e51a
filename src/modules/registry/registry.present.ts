import type { Actor } from '../../app/actor.js';
import type { EntityOut, ProductOut } from './registry.contract.js';
import { entityActions, productActions } from './registry.policy.js';
import type { EntityRow, ProductRow } from './registry.repo.js';
import type { storedFile } from './registry.tables.js';

export const fileUrl = (id: string) => `/api/v1/files/${id}`;

export function presentEntity(row: EntityRow, actor: Actor): EntityOut {
  const e = row.entity;
  return {
    id: e.id, name: e.name, type: e.type, registrationNumber: e.registrationNumber, registrationDate: e.registrationDate,
    taxCode: e.taxCode, address: e.address, communeCode: e.communeCode, communeName: row.communeName,
    provinceCode: e.provinceCode, provinceName: row.provinceName, phone: e.phone, email: e.email, website: e.website,
    representative: e.representative, workers: e.workers, localWorkers: e.localWorkers, status: e.status,
    statusReason: e.statusReason, productCount: Number(row.productCount), createdAt: e.createdAt.toISOString(),
    updatedAt: e.updatedAt.toISOString(), version: e.version, actions: entityActions(actor, e),
  };
}

export function presentProduct(row: ProductRow, actor: Actor): ProductOut {
  const p = row.product;
  const s = row.set;
  return {
    id: p.id, code: p.code, name: p.name,
    entity: { id: p.entityId, name: row.entityName, type: row.entityType },
    productSet: { sheet: s.sheet, code: s.code, name: s.name, nameEn: s.nameEn, groupCode: s.groupCode, groupName: s.groupName, groupNameEn: s.groupNameEn, sectorCode: s.sectorCode, sectorName: s.sectorName, sectorNameEn: s.sectorNameEn },
    description: p.description, ingredients: p.ingredients, rawMaterialArea: p.rawMaterialArea, standard: p.standard,
    status: p.status, stars: p.stars, provinceCode: p.provinceCode, provinceName: row.provinceName,
    communeCode: p.communeCode, communeName: row.communeName, imageUrl: row.imageFileId ? fileUrl(row.imageFileId) : null,
    createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), version: p.version,
    actions: productActions(actor, p),
  };
}

export function presentFile(file: typeof storedFile.$inferSelect, kind: string, caption: string | null = null) {
  return { id: file.id, url: fileUrl(file.id), kind, mimeType: file.mimeType, sizeBytes: file.sizeBytes, originalName: file.originalName, caption };
}

/** The audited snapshot of an entity or product: its own columns, no joins, no derived fields. */
export function snapshot<T extends { createdAt?: Date; updatedAt?: Date }>(row: T) {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}
