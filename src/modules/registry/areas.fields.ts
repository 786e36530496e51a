// Who may see which field of a raw-material area. Public (the trace page shows them with a lot): the name, where it
// is, its size, what grows there and its farming standard, and the products that draw on it. Internal (the entity
// and the officers in scope): the certificates' numbers and issuers, the verification and the bookkeeping.
import type { RecordClassification } from '../../app/privacy.js';

export const AREA_FIELDS: RecordClassification = {
  record: 'raw-material area',
  fields: {
    id: 'public', entity: 'public', 'entity.id': 'public', 'entity.name': 'public', name: 'public', provinceCode: 'public', communeCode: 'public',
    location: 'public', latitude: 'public', longitude: 'public', areaHa: 'public', kind: 'public', produce: 'public', farmingStandard: 'public',
    products: 'public', 'products.id': 'public', 'products.name': 'public',
    certificates: 'internal', description: 'internal', status: 'internal', statusReason: 'internal', verifiedAt: 'internal',
    createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};
