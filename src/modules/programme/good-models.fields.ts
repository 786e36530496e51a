// Who may see which field of a good model. A published model is a public case study: everything it says is public
// (the public sees published models only); the bookkeeping is the offices'. The entity and product it names are
// named by their public names only.
import type { RecordClassification } from '../../app/privacy.js';

export const GOOD_MODEL_FIELDS: RecordClassification = {
  record: 'good model',
  fields: {
    id: 'public', slug: 'public', name: 'public', summary: 'public', whatTheyDid: 'public', results: 'public', lessons: 'public', topic: 'public',
    sectorCode: 'public', provinceCode: 'public', provinceName: 'public',
    entity: 'public', 'entity.id': 'public', 'entity.name': 'public', product: 'public', 'product.id': 'public', 'product.name': 'public',
    before: 'public', 'before.score': 'public', 'before.stars': 'public', 'before.on': 'public', 'before.source': 'public',
    after: 'public', 'after.score': 'public', 'after.stars': 'public', 'after.on': 'public', 'after.source': 'public',
    status: 'public', publishedAt: 'public', pageUrl: 'public',
    attachments: 'public', 'attachments.id': 'public', 'attachments.kind': 'public', 'attachments.url': 'public', 'attachments.caption': 'public',
    createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};
