import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stepTime } from './import/parse-rows.js';
import { clashingStep, stepEvent, stepOfEvent, STEPS } from './recording.rules.js';
import { stepOf } from './trace.rules.js';

test('the public journey reads the producer\'s recorded steps as recorded (a harvest is no processing)', () => {
  const public_ = STEPS.map((step) => {
    const e = stepEvent({ step, at: new Date('2026-03-01T00:00:00Z'), gtin: '08930001000017', lot: 'L1', lotId: '00000000-0000-0000-0000-000000000001', gln: '8930001000013', destinationGln: '8930001000020' });
    assert.equal(stepOfEvent(e.type as string, e.bizStep as string), step);
    return stepOf(e.type as string, e.bizStep as string);
  });
  assert.deepEqual(public_, ['harvest', 'processing', 'packing', 'shipping', 'shipping']);
});

test('a step out of its batch\'s order clashes with the step it contradicts; a skipped stage or the same time does not', () => {
  const known = [{ step: 'harvest' as const, at: '2026-03-01T06:00:00+07:00' }, { step: 'packing' as const, at: '2026-03-02T09:00:00+07:00' }];
  assert.equal(clashingStep(known, { step: 'processing', at: '2026-03-01T14:00:00+07:00' }), undefined);
  assert.equal(clashingStep(known, { step: 'processing', at: '2026-03-03T08:00:00+07:00' })?.step, 'packing');
  assert.equal(clashingStep(known, { step: 'shipping', at: '2026-03-01T05:00:00+07:00' })?.step, 'harvest');
  assert.equal(clashingStep(known, { step: 'shipping', at: '2026-03-02T09:00:00+07:00' }), undefined);
});

test('a spreadsheet\'s time of a step is Việt Nam\'s wall-clock time, typed or as a date cell; impossible dates are refused', () => {
  assert.equal(stepTime('01/03/2026 14:30'), '2026-03-01T07:30:00.000Z');
  assert.equal(stepTime('2026-03-01 14:30'), '2026-03-01T07:30:00.000Z');
  assert.equal(stepTime('1/3/2026'), '2026-02-28T17:00:00.000Z');
  assert.equal(stepTime(new Date(Date.UTC(2026, 2, 1, 14, 30))), '2026-03-01T07:30:00.000Z');
  assert.equal(stepTime('2026-03-01T14:30:00+07:00'), '2026-03-01T07:30:00.000Z');
  for (const bad of ['31/02/2026', '01/03/2026 25:00', 'hôm qua', '2026-13-01']) assert.equal(stepTime(bad), undefined, bad);
});
