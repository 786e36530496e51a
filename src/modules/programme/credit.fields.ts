// Who may see which field of credit records. A programme is public information (what is on offer, on which legal
// basis); the office's bookkeeping is internal. An application is never public: an entity's borrowing, its amounts
// and a lender's refusal are the entity's business and its officers' (the entity itself, its commune, its province,
// the central office).
import type { RecordClassification } from '../../app/privacy.js';

export const PROGRAMME_FIELDS: RecordClassification = {
  record: 'credit programme',
  fields: {
    id: 'public', name: 'public', lender: 'public', kind: 'public', description: 'public', conditions: 'public', ratePercent: 'public', rateNote: 'public',
    maxAmountVnd: 'public', opensOn: 'public', deadline: 'public', open: 'public', legalBasis: 'public', contact: 'public', provinceCode: 'public', active: 'public',
    version: 'internal', actions: 'internal',
  },
};

export const APPLICATION_FIELDS: RecordClassification = {
  record: 'credit application',
  fields: {
    id: 'internal', programme: 'internal', 'programme.id': 'internal', 'programme.name': 'internal', 'programme.lender': 'internal',
    entity: 'internal', 'entity.id': 'internal', 'entity.name': 'internal', provinceCode: 'internal', communeCode: 'internal',
    requestedAmountVnd: 'internal', purpose: 'internal', submittedOn: 'internal', status: 'internal', approvedAmountVnd: 'internal',
    decidedOn: 'internal', rejectionReason: 'internal', note: 'internal', createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
    summary: 'internal', 'summary.applications': 'internal', 'summary.approved': 'internal', 'summary.rejected': 'internal', 'summary.pending': 'internal',
    'summary.entitiesHelped': 'internal', 'summary.approvedAmountVnd': 'internal',
  },
};
