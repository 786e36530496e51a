import assert from 'node:assert/strict';
import { test } from 'node:test';
import { changedFields, REDACTED, redact } from './audit-trail.rules.js';

test('the trail masks secrets and sensitive personal data, deep inside, and keeps the rest', () => {
  const out = redact({ name: 'HTX', passwordHash: 'x', representative: { fullName: 'A', sex: 'female', ethnicity: 'Mông', disability: false }, list: [{ tokenHash: 'y', n: 1 }] });
  assert.deepEqual(out, { name: 'HTX', passwordHash: REDACTED, representative: { fullName: 'A', sex: REDACTED, ethnicity: REDACTED, disability: REDACTED }, list: [{ tokenHash: REDACTED, n: 1 }] });
  assert.equal(redact(null), null);
});

test('changed fields: what differs, without the version bookkeeping; one side missing lists the other', () => {
  assert.deepEqual(changedFields({ a: 1, b: [1], version: 1 }, { a: 1, b: [2], c: 3, version: 2 }), ['b', 'c']);
  assert.deepEqual(changedFields(null, { total: 77 }), ['total']);
  assert.deepEqual(changedFields(null, null), []);
});
