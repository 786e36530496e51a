// Who may see which field of a consumer report. The public — the reporter included, who has no account — reads only
// the reference, the status and when it last changed (GET /api/v1/reports/{reference}). Everything else is the
// officers' and inspectors' in scope: the product and lot, the message, the photos, the handling. The contact the
// reporter left (a phone number or an e-mail address) is personal data (Nghị định 13/2023/NĐ-CP): read by the
// officers in scope only, each read logged.
import type { RecordClassification } from '../../app/privacy.js';

export const REPORT_STATUS_FIELDS: RecordClassification = {
  record: 'report status',
  fields: { reference: 'public', status: 'public', updatedAt: 'public' },
};

export const REPORT_FIELDS: RecordClassification = {
  record: 'report',
  fields: {
    reference: 'public', status: 'public', updatedAt: 'public',
    id: 'internal', category: 'internal', product: 'internal', 'product.id': 'internal', 'product.name': 'internal', 'product.code': 'internal',
    lot: 'internal', certificate: 'internal', 'certificate.id': 'internal', 'certificate.number': 'internal',
    provinceCode: 'internal', communeCode: 'internal', message: 'internal', source: 'internal', channel: 'internal',
    assignedTo: 'internal', 'assignedTo.id': 'internal', 'assignedTo.name': 'internal',
    duplicateOf: 'internal', duplicates: 'internal', inspectionId: 'internal', slaDueOn: 'internal', overdue: 'internal',
    resolution: 'internal', createdAt: 'internal', closedAt: 'internal',
    photos: 'internal', 'photos.id': 'internal', 'photos.url': 'internal', 'photos.mimeType': 'internal', 'photos.sizeBytes': 'internal',
    version: 'internal', actions: 'internal',
    contact: 'sensitive',
  },
};

/** The categories and the service level: reference data. */
export const REPORT_CATEGORY_FIELDS: RecordClassification = {
  record: 'report categories',
  fields: {
    serviceLevel: 'public', 'serviceLevel.workingDays': 'public', 'serviceLevel.note': 'public', 'serviceLevel.noteEn': 'public',
    attachments: 'public', 'attachments.maxFiles': 'public', 'attachments.maxBytes': 'public', 'attachments.types': 'public',
    items: 'public', code: 'public', name: 'public', nameEn: 'public',
  },
};

export const REPORT_RECORDS = [REPORT_STATUS_FIELDS, REPORT_FIELDS, REPORT_CATEGORY_FIELDS];
