import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepEvent, stepOfEvent, STEPS } from './recording.rules.js';
import { stepOf } from './trace.rules.js';

test('the public journey reads the producer\'s recorded steps as recorded (a harvest is no processing)', () => {
  const public_ = STEPS.map((step) => {
    const e = stepEvent({ step, at: new Date('2026-03-01T00:00:00Z'), gtin: '08930001000017', lot: 'L1', lotId: '00000000-0000-0000-0000-000000000001', gln: '8930001000013', destinationGln: '8930001000020' });
    assert.equal(stepOfEvent(e.type as string, e.bizStep as string), step);
    return stepOf(e.type as string, e.bizStep as string);
  });
  assert.deepEqual(public_, ['harvest', 'processing', 'packing', 'shipping', 'shipping']);
});
