// Who may see which field of the registry's records (Nghị định 13/2023/NĐ-CP). public: anyone; internal: officers in
// scope and the entity itself; sensitive: personal data about the legal representative, shown to the entity, the
// commune and province in scope and the central office, and logged when someone other than the entity reads it.
// Presenters cut records down with `project`; the public-route walk (test/privacy.test.ts) reads these lists.
import type { RecordClassification } from '../../app/privacy.js';

/** An entity (chủ thể). The public catalogue needs the business name, type, the commune and province (not the street
 * or hamlet, which for a household is a home) and the contact the entity chose to publish. */
export const ENTITY_FIELDS: RecordClassification = {
  record: 'entity',
  fields: {
    id: 'public', name: 'public', type: 'public', communeCode: 'public', communeName: 'public', provinceCode: 'public',
    provinceName: 'public', website: 'public', status: 'public', createdAt: 'public', updatedAt: 'public', actions: 'public',
    // The published business contact: present only when the entity chose to publish it (publishesContact).
    contact: 'public', 'contact.phone': 'public', 'contact.email': 'public',
    registrationNumber: 'internal', registrationDate: 'internal', taxCode: 'internal', address: 'internal',
    phone: 'internal', email: 'internal', publishContact: 'internal', workers: 'internal', localWorkers: 'internal', gs1CompanyPrefix: 'internal',
    // Why a registration was refused is between the commune and the applicant.
    statusReason: 'internal',
    // Counts every product, drafts included: a count of unpublished records.
    productCount: 'internal', version: 'internal',
    representative: 'internal', 'representative.fullName': 'internal', 'representative.position': 'internal',
    'representative.sex': 'sensitive', 'representative.ethnicity': 'sensitive', 'representative.disability': 'sensitive',
    'representative.phone': 'sensitive',
  },
};

/** A product: the catalogue is public by nature once the product is published (drafts are not shown at all). */
export const PRODUCT_FIELDS: RecordClassification = {
  record: 'product',
  fields: {
    id: 'public', code: 'public', name: 'public', entity: 'public', 'entity.id': 'public', 'entity.name': 'public', 'entity.type': 'public',
    productSet: 'public', 'productSet.sheet': 'public', 'productSet.code': 'public', 'productSet.name': 'public', 'productSet.nameEn': 'public',
    'productSet.groupCode': 'public', 'productSet.groupName': 'public', 'productSet.groupNameEn': 'public', 'productSet.sectorCode': 'public',
    'productSet.sectorName': 'public', 'productSet.sectorNameEn': 'public',
    description: 'public', ingredients: 'public', rawMaterialArea: 'public', standard: 'public', status: 'public', stars: 'public',
    provinceCode: 'public', provinceName: 'public', communeCode: 'public', communeName: 'public', imageUrl: 'public',
    // The public gets the product's photos only; documents (test reports, certificates of others) stay internal.
    // The identifiers printed on the pack and in its QR code (issue 12): public by nature.
    gtin: 'public', digitalLink: 'public',
    files: 'public', createdAt: 'public', updatedAt: 'public', version: 'public', actions: 'public',
  },
};

/** A stored file as listed beside a product or document. The uploader's file name can carry a person's name or ID
 * number ("CCCD_Nguyen_Van_A.jpg"): internal. */
export const FILE_FIELDS: RecordClassification = {
  record: 'file',
  fields: { id: 'public', url: 'public', kind: 'public', mimeType: 'public', sizeBytes: 'public', caption: 'public', originalName: 'internal' },
};

/** An entity's documents (business registration, food safety…): only for those who may edit the entity. */
export const DOCUMENT_FIELDS: RecordClassification = {
  record: 'entity document',
  fields: { id: 'internal', docType: 'internal', number: 'internal', issuer: 'internal', issuedOn: 'internal', expiresOn: 'internal', file: 'internal' },
};

/** The audit trail of an entity or product: officers' names, and snapshots that hold the representative's data. */
export const HISTORY_FIELDS: RecordClassification = {
  record: 'history',
  fields: {
    items: 'internal', at: 'internal', actorId: 'internal', actorName: 'internal', action: 'internal', changes: 'internal',
    before: 'sensitive', after: 'sensitive',
  },
};

/** An invitation to join an entity: the invitee's e-mail and the one-time token. */
export const INVITATION_FIELDS: RecordClassification = {
  record: 'invitation',
  fields: { email: 'internal', token: 'internal', expiresAt: 'internal' },
};

/** The product classification (ngành, nhóm, bộ sản phẩm): reference data. */
export const CLASSIFICATION_FIELDS: RecordClassification = {
  record: 'classification',
  fields: {
    instrument: 'public', sectors: 'public', groups: 'public', productSets: 'public', code: 'public', sheet: 'public', name: 'public', nameEn: 'public',
    aliases: 'public', agencies: 'public', items: 'public', groupCode: 'public', sectorCode: 'public',
  },
};

export const REGISTRY_RECORDS = [ENTITY_FIELDS, PRODUCT_FIELDS, FILE_FIELDS, DOCUMENT_FIELDS, HISTORY_FIELDS, INVITATION_FIELDS, CLASSIFICATION_FIELDS];
