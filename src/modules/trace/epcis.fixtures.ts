// Test fixtures for the EPCIS repository: an entity's honey chain from its raw-material area to a shop, one event
// of each of the five types, written after GS1's JSON examples (EPCIS 2.0 repository, JSON/) with OCOP data.
import { checkDigit } from './gs1.rules.js';
import { EPCIS_CONTEXT } from './epcis.rules.js';

export const withCheck = (body: string) => body + checkDigit(body);

/** GS1 keys of one test entity under a company prefix (7 digits): GTIN-13s as 14 digits and GLNs. */
export function keysFor(prefix: string) {
  const gtin = (item: number) => `0${withCheck(prefix + String(item).padStart(5, '0'))}`;
  const gln = (loc: number) => withCheck(prefix + String(loc).padStart(5, '0'));
  return { raw: gtin(1), bottled: gtin(2), carton: gtin(3), area: gln(10), workshop: gln(11), warehouse: gln(12) };
}
export type Keys = ReturnType<typeof keysFor>;

const DL = 'https://id.gs1.org';
/** The SGTIN / LGTIN URN forms of the same keys (company prefix of 7 digits), to show both notations meet. */
export const lgtinUrn = (gtin: string, lot: string) => `urn:epc:class:lgtin:${gtin.slice(1, 8)}.${gtin[0]}${gtin.slice(8, 13)}.${lot}`;
export const sgtinUrn = (gtin: string, serial: string) => `urn:epc:id:sgtin:${gtin.slice(1, 8)}.${gtin[0]}${gtin.slice(8, 13)}.${serial}`;
export const sglnUrn = (gln: string) => `urn:epc:id:sgln:${gln.slice(0, 7)}.${gln.slice(7, 12)}.0`;

export const OCOP_NS = 'https://ocop.gov.vn/epcis/';

export function document(events: Record<string, unknown>[], extraContext: Record<string, string> = { ocop: OCOP_NS }) {
  return {
    '@context': [EPCIS_CONTEXT, extraContext],
    type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-05-02T08:00:00Z',
    epcisBody: { eventList: events },
  };
}

/** Harvest → bottling → packing → shipping, and a temperature logger on the carton: one event of each type. */
export function honeyChain(k: Keys, lot = 'MV2605') {
  const harvest = {
    type: 'ObjectEvent', eventTime: '2026-05-01T06:30:00+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', bizStep: 'commissioning', disposition: 'active',
    quantityList: [{ epcClass: lgtinUrn(k.raw, lot), quantity: 120.5, uom: 'KGM' }],
    readPoint: { id: sglnUrn(k.area) }, bizLocation: { id: `${DL}/414/${k.area}` },
    certificationInfo: 'https://ocop.gov.vn/xac-minh/OCOP-08-2026-0001',
    ilmd: { 'cbvmda:harvestStartDate': '2026-04-28', 'ocop:nectarSource': 'bạc hà' },
    sensorElementList: [{ sensorMetadata: { time: '2026-05-01T06:30:00+07:00' }, sensorReport: [{ type: 'Temperature', value: 24.5, uom: 'CEL' }, { type: 'RelativeHumidity', value: 61, uom: 'P1' }] }],
    'ocop:harvester': 'Tổ thu hoạch số 2',
  };
  const bottling = {
    type: 'TransformationEvent', eventTime: '2026-05-03T09:00:00+07:00', eventTimeZoneOffset: '+07:00', bizStep: 'commissioning', disposition: 'active',
    transformationID: `urn:ocop:transformation:${lot}`,
    inputQuantityList: [{ epcClass: `${DL}/01/${k.raw}/10/${lot}`, quantity: 120.5, uom: 'KGM' }],
    outputQuantityList: [{ epcClass: `${DL}/01/${k.bottled}/10/${lot}B`, quantity: 240, uom: 'H87' }],
    outputEPCList: [`${DL}/01/${k.bottled}/21/${lot}-0001`, `${DL}/01/${k.bottled}/21/${lot}-0002`],
    readPoint: { id: `${DL}/414/${k.workshop}` },
    ilmd: { 'cbvmda:bestBeforeDate': '2028-05-03', 'cbvmda:lotNumber': `${lot}B` },
  };
  const packing = {
    type: 'AggregationEvent', eventTime: '2026-05-03T15:00:00+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', bizStep: 'packing', disposition: 'in_progress',
    parentID: `${DL}/01/${k.carton}/21/C-${lot}-01`,
    childEPCs: [`${DL}/01/${k.bottled}/21/${lot}-0001`, `${DL}/01/${k.bottled}/21/${lot}-0002`],
    childQuantityList: [{ epcClass: `${DL}/01/${k.bottled}/10/${lot}B`, quantity: 22 }],
    readPoint: { id: `${DL}/414/${k.workshop}` },
  };
  const shipping = {
    type: 'TransactionEvent', eventTime: '2026-05-05T07:00:00+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', bizStep: 'shipping', disposition: 'in_transit',
    parentID: `${DL}/01/${k.carton}/21/C-${lot}-01`,
    epcList: [`${DL}/01/${k.bottled}/21/${lot}-0001`],
    bizTransactionList: [{ type: 'po', bizTransaction: 'urn:ocop:po:2026-0042' }, { type: 'desadv', bizTransaction: 'urn:ocop:desadv:2026-0042' }],
    sourceList: [{ type: 'location', source: sglnUrn(k.warehouse) }],
    destinationList: [{ type: 'location', destination: 'urn:epc:id:sgln:8939999.00001.0' }],
    readPoint: { id: `${DL}/414/${k.warehouse}` },
  };
  const logger = {
    type: 'AssociationEvent', eventTime: '2026-05-05T06:50:00+07:00', eventTimeZoneOffset: '+07:00', action: 'ADD', bizStep: 'assembling', disposition: 'active',
    parentID: `${DL}/01/${k.carton}/21/C-${lot}-01`,
    childEPCs: [`${DL}/01/${k.carton}/21/LOGGER-7`],
    readPoint: { id: `${DL}/414/${k.warehouse}` },
  };
  return { harvest, bottling, packing, shipping, logger };
}
