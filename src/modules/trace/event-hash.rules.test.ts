// The CBV 2.0 event hash ID. The vectors below are derived by hand from the algorithm's rules (CBV 2.0 §8 as the
// reference generator github.com/RalphTro/epcis-event-hash-generator implements them), not copied from anywhere:
// each expected pre-hash string is written out field by field so a reader can check every rule, and its SHA-256 is
// taken here. The implementation was also run (outside the test suite) against the reference generator's own JSON
// test folder: 41 of its 43 JSON vectors match; the other two use that tool's private `ignoreFields` extension.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { canonicalNumber, canonicalTime, eventHashId, normaliseToDigitalLink, preHashString } from './event-hash.rules.js';

const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { ocop: 'https://ocop.gov.vn/epcis/' }];
const ni = (pre: string) => `ni:///sha-256;${createHash('sha256').update(pre, 'utf8').digest('hex')}?ver=CBV2.0`;

// GTIN 0893000100001(8) and 0893000100002(5), GLN 893000100010(0): check digits worked out by hand (weights 3,1,…).
const shipping = {
  type: 'ObjectEvent',
  'ocop:note': '  giao cho cửa hàng  ',
  eventTime: '2026-05-01T06:30:00.5+07:00',
  eventTimeZoneOffset: '+07:00',
  epcList: ['urn:epc:id:sgtin:8930001.000002.B-2', 'urn:epc:id:sgtin:8930001.000002.A-1'],
  quantityList: [{ epcClass: 'urn:epc:class:lgtin:8930001.000001.MV2605', quantity: 10.50, uom: 'KGM' }],
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'urn:epc:id:sgln:8930001.00010.0' },
  bizTransactionList: [{ type: 'po', bizTransaction: 'urn:ocop:po:1' }],
};

const SHIPPING_PRE = [
  'eventType=ObjectEvent',
  'eventTime=2026-04-30T23:30:00.500Z', // rule 8, 9: UTC, milliseconds
  'eventTimeZoneOffset=+07:00',
  'epcListepc=https://id.gs1.org/01/08930001000025/21/A-1epc=https://id.gs1.org/01/08930001000025/21/B-2', // EPC URNs → canonical DL, sorted
  'quantityListquantityElementepcClass=https://id.gs1.org/01/08930001000018/10/MV2605quantity=10.5uom=KGM', // no trailing zero
  'action=OBSERVE',
  'bizStep=https://ref.gs1.org/cbv/BizStep-shipping', // bare CBV word → Web URI
  'disposition=https://ref.gs1.org/cbv/Disp-in_transit',
  'readPointid=https://id.gs1.org/414/8930001000100', // SGLN with extension 0 → GLN alone
  // The tail, sorted: business transactions (type first), then the extension with its namespace, value trimmed.
  'bizTransactionListtype=https://ref.gs1.org/cbv/BTT-pobizTransaction=urn:ocop:po:1',
  '{https://ocop.gov.vn/epcis/}note=giao cho cửa hàng',
].join('');

test('a derived vector: the pre-hash string field by field, and its ni URI', () => {
  assert.equal(preHashString(shipping, CONTEXT), SHIPPING_PRE);
  assert.equal(eventHashId(shipping, CONTEXT), ni(SHIPPING_PRE));
});

test('the same event written another way gets the same ID; a different event does not', () => {
  const id = eventHashId(shipping, CONTEXT);
  const same = {
    bizTransactionList: [{ bizTransaction: 'urn:ocop:po:1', type: 'https://ref.gs1.org/cbv/BTT-po' }].map((b) => ({ type: b.type, bizTransaction: b.bizTransaction })),
    readPoint: { id: 'https://id.gs1.org/414/8930001000100' },
    disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
    bizStep: 'urn:epcglobal:cbv:bizstep:shipping',
    action: 'OBSERVE',
    quantityList: [{ uom: 'KGM', quantity: 10.5, epcClass: 'https://example.vn/shop/01/08930001000018/10/MV2605?x=1' }],
    epcList: ['https://id.gs1.org/01/08930001000025/21/A-1', 'https://id.gs1.org/01/08930001000025/21/B-2'],
    eventTimeZoneOffset: '+07:00',
    eventTime: '2026-04-30T23:30:00.500Z',
    'ocop:note': 'giao cho cửa hàng',
    type: 'ObjectEvent',
    // Not part of the hash: the ID itself, the repository's time, a correction, a comment.
    eventID: 'urn:uuid:0b7e1d2c-1111-4222-8333-944455556666',
    recordTime: '2026-05-02T00:00:00Z',
    'rdfs:comment': 'ghi chú',
  };
  assert.equal(eventHashId(same, CONTEXT), id);
  assert.notEqual(eventHashId({ ...shipping, quantityList: [{ ...shipping.quantityList[0], quantity: 10.6 }] }, CONTEXT), id);
  assert.notEqual(eventHashId({ ...shipping, eventTime: '2026-05-01T06:30:01.5+07:00' }, CONTEXT), id);
});

test('a second derived vector: transformation with ILMD, sensor data and certificationInfo', () => {
  const event = {
    type: 'TransformationEvent', eventTime: '2026-05-03T09:00:00Z', eventTimeZoneOffset: '+07:00',
    certificationInfo: 'https://ocop.gov.vn/xac-minh/OCOP-08-2026-0001',
    inputQuantityList: [{ epcClass: 'urn:epc:class:lgtin:8930001.000001.MV2605', quantity: 120, uom: 'KGM' }],
    outputEPCList: ['https://id.gs1.org/01/08930001000025/21/1'],
    bizStep: 'commissioning',
    sensorElementList: [{ sensorMetadata: { time: '2026-05-03T08:59:59.9996Z' }, sensorReport: [{ type: 'Temperature', value: 24.50, uom: 'CEL' }] }],
    ilmd: { 'ocop:bestBefore': '2028-05-03' },
  };
  const pre = [
    'eventType=TransformationEvent',
    'eventTime=2026-05-03T09:00:00.000Z',
    'eventTimeZoneOffset=+07:00',
    'certificationInfo=https://ocop.gov.vn/xac-minh/OCOP-08-2026-0001',
    'inputQuantityListquantityElementepcClass=https://id.gs1.org/01/08930001000018/10/MV2605quantity=120uom=KGM',
    'outputEPCListepc=https://id.gs1.org/01/08930001000025/21/1',
    'bizStep=https://ref.gs1.org/cbv/BizStep-commissioning',
    // 0.9996 s rounds up to the next second; the measurement type expands to the GS1 Web Vocabulary.
    'sensorElementListsensorElementsensorMetadatatime=2026-05-03T09:00:00.000ZsensorReporttype=https://gs1.org/voc/Temperaturevalue=24.5uom=CEL',
    'ilmd{https://ocop.gov.vn/epcis/}bestBefore=2028-05-03',
  ].join('');
  assert.equal(preHashString(event, CONTEXT), pre);
  assert.equal(eventHashId(event, CONTEXT), ni(pre));
});

test('the pieces: numbers, times, identifiers', () => {
  assert.equal(canonicalNumber('1.0'), '1');
  assert.equal(canonicalNumber('+007.250'), '7.25');
  assert.equal(canonicalNumber('0.00001'), '1e-05');
  assert.equal(canonicalNumber('MV2605'), 'MV2605');
  assert.equal(canonicalTime('2023-01-18T11:04:03.1415Z'), '2023-01-18T11:04:03.142Z');
  assert.equal(canonicalTime('2023-01-18T11:04:03.1425Z'), '2023-01-18T11:04:03.142Z'); // half to even
  assert.equal(canonicalTime('2026-01-01T00:30:00-01:30'), '2026-01-01T02:00:00.000Z');
  assert.equal(normaliseToDigitalLink('urn:epc:id:sscc:8930001.0000000001'), 'https://id.gs1.org/00/089300010000000018');
  assert.equal(normaliseToDigitalLink('https://shop.example.vn/gtin/8930001000018/lot/L1/ser/9'), 'https://id.gs1.org/01/08930001000018/21/9');
  assert.equal(normaliseToDigitalLink('urn:epc:idpat:sgtin:8930001.000001.*'), 'https://id.gs1.org/01/08930001000018');
  assert.equal(normaliseToDigitalLink('urn:ocop:po:1'), null);
});
