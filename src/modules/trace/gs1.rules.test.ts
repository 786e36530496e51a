import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalId, checkDigit, digitalLink, epcUrn, Gs1Error, gtinUnderPrefix, normaliseGtin, parseDigitalLinkPath, parseEpcUrn } from './gs1.rules.js';

const problem = (fn: () => unknown) => { try { fn(); } catch (e) { if (e instanceof Gs1Error) return e.problem; throw e; } return 'none'; };

test('check digits and GTIN normalisation (GS1 General Specifications examples)', () => {
  assert.equal(checkDigit('952012345678'), 8); // 9520123456788
  assert.equal(normaliseGtin('9520123456788'), '09520123456788');
  assert.equal(normaliseGtin('96385074'), '00000096385074'); // GTIN-8
  assert.equal(normaliseGtin('036000291452'), '00036000291452'); // GTIN-12 (UPC-A)
  assert.equal(problem(() => normaliseGtin('9520123456787')), 'bad_check_digit');
  assert.equal(problem(() => normaliseGtin('95201234567')), 'malformed');
});

test('a GTIN under the programme prefix carries its check digit and refuses an item reference that does not fit', () => {
  const gtin = gtinUnderPrefix('8930000', 42);
  assert.equal(gtin, '0893000000042' + checkDigit('893000000042'));
  assert.equal(normaliseGtin(gtin), gtin);
  assert.equal(problem(() => gtinUnderPrefix('8930000', 100_000)), 'bad_value');
});

test('Digital Link paths: qualifiers in order, short GTINs normalised, a trailing slash tolerated, errors told apart', () => {
  assert.deepEqual(parseDigitalLinkPath('/01/9520123456788/10/ABC%2F1/21/12345/'), { kind: 'gtin', gtin: '09520123456788', lot: 'ABC/1', serial: '12345' });
  assert.deepEqual(parseDigitalLinkPath('/414/9520123456788'), { kind: 'gln', gln: '9520123456788' });
  assert.equal(problem(() => parseDigitalLinkPath('/01/09520123456788/21/1/10/A')), 'qualifier_order');
  assert.equal(problem(() => parseDigitalLinkPath('/01/09520123456787')), 'bad_check_digit');
  assert.equal(problem(() => parseDigitalLinkPath('/99/123')), 'unknown_ai');
  assert.equal(problem(() => parseDigitalLinkPath('/01/09520123456788/10')), 'malformed');
  assert.equal(problem(() => parseDigitalLinkPath('/01/09520123456788/10/' + 'x'.repeat(21))), 'bad_value');
  assert.equal(digitalLink({ kind: 'gtin', gtin: '09520123456788', lot: 'L 1' }), 'https://id.gs1.org/01/09520123456788/10/L%201');
});

test('EPC URNs and Digital Links convert both ways', () => {
  const serial = { kind: 'gtin', gtin: '09520123456788', serial: '12345' } as const;
  assert.equal(epcUrn(serial, 7), 'urn:epc:id:sgtin:9520123.045678.12345');
  assert.deepEqual(parseEpcUrn('urn:epc:id:sgtin:9520123.045678.12345'), serial);
  const lot = { kind: 'gtin', gtin: '09520123456788', lot: 'A/1' } as const;
  assert.equal(epcUrn(lot, 7), 'urn:epc:class:lgtin:9520123.045678.A%2F1');
  assert.deepEqual(parseEpcUrn(epcUrn(lot, 7)), lot);
  assert.deepEqual(parseEpcUrn(epcUrn({ kind: 'gtin', gtin: '09520123456788' }, 9)), { kind: 'gtin', gtin: '09520123456788' });
  const gln = { kind: 'gln', gln: '9520123456788', extension: '7' } as const;
  assert.equal(epcUrn(gln, 7), 'urn:epc:id:sgln:9520123.45678.7');
  assert.deepEqual(parseEpcUrn('urn:epc:id:sgln:9520123.45678.7'), gln);
  assert.deepEqual(parseEpcUrn('urn:epc:id:sgln:9520123.45678.0'), { kind: 'gln', gln: '9520123456788' });
  assert.equal(parseEpcUrn('urn:epc:id:sscc:9520123.0123456789'), null);
});

test('canonical ids: a URN and a Digital Link on another domain meet; other identifiers stay as written', () => {
  assert.equal(canonicalId('urn:epc:id:sgtin:9520123.045678.12345'), 'https://id.gs1.org/01/09520123456788/21/12345');
  assert.equal(canonicalId('https://ocop.example.vn/01/9520123456788/21/12345'), 'https://id.gs1.org/01/09520123456788/21/12345');
  assert.equal(canonicalId('urn:epc:id:sscc:9520123.0123456789'), 'urn:epc:id:sscc:9520123.0123456789');
  assert.equal(canonicalId('https://partner.example/things/1'), 'https://partner.example/things/1');
  assert.equal(problem(() => canonicalId('https://ocop.example.vn/01/9520123456787')), 'bad_check_digit');
});
