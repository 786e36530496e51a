// Who may see which field of a sales channel. Public: where to buy — a verified, current channel of a published
// entity with its type, partner and shop link (and the price listed there). Internal: the contract evidence (a
// commercial document between the entity and its partner, with the uploader's file name), the entity's own note,
// why an officer rejected it and who verified it, and the bookkeeping. The public sees only verified current
// channels at all (channels.policy.ts); presenters cut each record down with `project`.
import type { RecordClassification } from '../../app/privacy.js';

export const CHANNEL_FIELDS: RecordClassification = {
  record: 'sales channel',
  fields: {
    id: 'public', entity: 'public', 'entity.id': 'public', 'entity.name': 'public', product: 'public', 'product.id': 'public', 'product.name': 'public',
    type: 'public', modern: 'public', partnerName: 'public', shopUrl: 'public', priceVnd: 'public', startsOn: 'public', endsOn: 'public',
    current: 'public', status: 'public', provinceCode: 'public', communeCode: 'public',
    evidence: 'internal', 'evidence.id': 'internal', 'evidence.url': 'internal', 'evidence.mimeType': 'internal', 'evidence.sizeBytes': 'internal',
    'evidence.originalName': 'internal',
    note: 'internal', statusReason: 'internal', verifiedAt: 'internal', verifiedBy: 'internal', createdAt: 'internal', updatedAt: 'internal',
    version: 'internal', actions: 'internal',
  },
};

/** The channel types and the modern-channel target: reference data. */
export const CHANNEL_TYPE_FIELDS: RecordClassification = {
  record: 'channel types',
  fields: { version: 'public', instrument: 'public', target: 'public', 'target.percent': 'public', 'target.source': 'public', items: 'public', code: 'public', vi: 'public', en: 'public', modern: 'public' },
};

export const TRADE_RECORDS = [CHANNEL_FIELDS, CHANNEL_TYPE_FIELDS];
