// Who may see which field of the trade events, registrations, livestream sessions and tourism destinations.
// Public: a published event (what, when, where, who organises, how many booths), who exhibits there (entity, products,
// booth) and the published tourism destinations. Internal: an entity's own results at a fair (its sales, contracts and
// partners are commercial figures: published only as aggregates, in the indicators), its note to the organiser, why a
// registration was rejected, the bookkeeping; livestream sessions are the entity's and its officers' (the public gets
// the aggregate indicator).
import type { RecordClassification } from '../../app/privacy.js';

const area = (k: string) => ({ [k]: 'public', [`${k}.code`]: 'public', [`${k}.name`]: 'public' }) as const;

export const EVENT_FIELDS: RecordClassification = {
  record: 'trade event',
  fields: {
    id: 'public', kind: 'public', name: 'public', level: 'public', ...area('province'), ...area('commune'), organiser: 'public', venue: 'public',
    country: 'public', abroad: 'public', ...area('venueProvince'), startsOn: 'public', endsOn: 'public', registrationDeadline: 'public',
    booths: 'public', boothsTaken: 'public', description: 'public', status: 'public', registrationOpen: 'public', participants: 'public',
    pending: 'internal', createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};

export const REGISTRATION_FIELDS: RecordClassification = {
  record: 'trade event registration',
  fields: {
    id: 'public', event: 'public', 'event.id': 'public', 'event.name': 'public', 'event.kind': 'public', 'event.startsOn': 'public', 'event.endsOn': 'public',
    entity: 'public', 'entity.id': 'public', 'entity.name': 'public', products: 'public', 'products.id': 'public', 'products.name': 'public',
    status: 'public', booth: 'public', provinceCode: 'public', communeCode: 'public',
    note: 'internal', statusReason: 'internal', decidedAt: 'internal',
    results: 'internal', 'results.salesVnd': 'internal', 'results.contracts': 'internal', 'results.newPartners': 'internal', 'results.note': 'internal', 'results.reportedAt': 'internal',
    createdAt: 'internal', version: 'internal', actions: 'internal',
  },
};

export const DESTINATION_FIELDS: RecordClassification = {
  record: 'tourism destination',
  fields: {
    id: 'public', name: 'public', kind: 'public', description: 'public', entity: 'public', 'entity.id': 'public', 'entity.name': 'public',
    product: 'public', 'product.id': 'public', 'product.name': 'public', 'product.stars': 'public', 'product.url': 'public',
    ...area('province'), ...area('commune'), latitude: 'public', longitude: 'public', seasonMonths: 'public', seasonNote: 'public',
    services: 'public', planningZone: 'public', website: 'public', url: 'public',
    published: 'internal', createdAt: 'internal', updatedAt: 'internal', version: 'internal', actions: 'internal',
  },
};

export const FAIRS_RECORDS = [EVENT_FIELDS, REGISTRATION_FIELDS, DESTINATION_FIELDS];
