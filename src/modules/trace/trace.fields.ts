// Who may see which field of the trace module's records (Nghị định 13/2023/NĐ-CP; see src/app/privacy.ts).
// A resolver's links are public by nature (anyone scanning the code reads them in the linkset); who wrote them
// and whether the caller may edit them are the office's and the entity's. A consumer's problem report is internal
// (trace_report: rows before issue 14, moved to the supervision module's report table by migration 0026, which
// the page's form now writes through); the contact the reporter chose to give is personal data.
import type { RecordClassification } from '../../app/privacy.js';

const publicFields = (...names: string[]) => Object.fromEntries(names.map((n) => [n, 'public' as const]));

export const TRACE_LINK_FIELDS: RecordClassification = {
  record: 'trace link',
  fields: {
    ...publicFields('anchor', 'uri', 'links', 'linkType', 'href', 'title', 'hreflang', 'type', 'linkset', 'itemDescription'),
    canEdit: 'internal', 'links.updatedAt': 'internal', ownerEntityId: 'internal',
  },
};

export const TRACE_REPORT_FIELDS: RecordClassification = {
  record: 'trace report',
  fields: { 'report.productId': 'internal', 'report.lot': 'internal', 'report.message': 'internal', 'report.contact': 'sensitive', 'report.status': 'internal' },
};

/** Scan counts: aggregates without any reader's data. */
export const TRACE_SCAN_FIELDS: RecordClassification = {
  record: 'trace scans',
  fields: publicFields('scans', 'day', 'provinceCode'),
};

/**
 * An EPCIS event as the repository answers it (GS1 EPCIS 2.0): the standard's own vocabulary, shared along the value
 * chain and shown on the public trace page, so public. Its `action` (ADD, OBSERVE, DELETE) shares a name with the
 * audit trail's internal field: it is public only as an event's key (in an event list, or an event answered alone).
 */
export const EPCIS_EVENT_FIELDS: RecordClassification = {
  record: 'EPCIS event',
  fields: {
    'eventList.action': 'public', '.action': 'public',
    ...publicFields('quantity', 'uom', 'quantityList', 'childQuantityList', 'inputQuantityList', 'outputQuantityList'),
  },
};
