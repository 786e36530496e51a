// Who may see which field of the producer's traceability records. Locations, lots and recorded steps are what the
// public trace page shows once a product is on sale (the resolver's page reads them), so their fields are public;
// the list of a province's traceability status is an officers' working list (internal).
import type { RecordClassification } from '../../app/privacy.js';

export const LOCATION_FIELDS: RecordClassification = {
  record: 'trace location',
  fields: {
    id: 'public', entityId: 'public', gln: 'public', digitalLink: 'public', kind: 'public', name: 'public', communeCode: 'public',
    communeName: 'public', provinceCode: 'public', latitude: 'public', longitude: 'public', description: 'public', createdAt: 'public',
    // A household's farm or workshop address can be its home: officers and the entity only.
    address: 'internal',
  },
};

export const LOT_FIELDS: RecordClassification = {
  record: 'trace lot',
  fields: {
    id: 'public', productId: 'public', productName: 'public', entityId: 'public', gtin: 'public', lot: 'public', digitalLink: 'public',
    producedOn: 'public', expiresOn: 'public', quantity: 'public', uom: 'public', createdAt: 'public', labelsUrl: 'public', rawMaterialAreaId: 'public',
    steps: 'public', 'steps.step': 'public', 'steps.eventId': 'public', 'steps.eventTime': 'public', 'steps.locationGln': 'public',
    'steps.locationName': 'public', nextStep: 'internal', actions: 'internal',
  },
};

export const TRACE_STATUS_FIELDS: RecordClassification = {
  record: 'traceability status',
  fields: {
    productId: 'internal', code: 'internal', name: 'internal', entityId: 'internal', entityName: 'internal', provinceCode: 'internal',
    communeCode: 'internal', stars: 'internal', status: 'internal', gtin: 'internal', lots: 'internal', events: 'internal',
    lastEventAt: 'internal', flagged: 'internal',
  },
};


/** A preview of a spreadsheet of steps (import/): the uploading producer's working file, read by it alone. */
export const STEP_IMPORT_FIELDS: RecordClassification = {
  record: 'trace step import',
  fields: Object.fromEntries(['id', 'fileName', 'totals', 'rows', 'rows.row', 'rows.sheet', 'rows.action', 'rows.lot', 'rows.newLot', 'rows.productName', 'rows.step',
    'rows.at', 'rows.placeName', 'rows.destinationName', 'rows.errors'].map((f) => [f, 'internal'])),
};

export const PRODUCER_TRACE_RECORDS = [LOCATION_FIELDS, LOT_FIELDS, TRACE_STATUS_FIELDS, STEP_IMPORT_FIELDS];
