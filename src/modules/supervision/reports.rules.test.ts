import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isOverdue, newReference, nextStatus, normalizeReference, parseReportData, publicStatus, REFERENCE_PATTERN, REPORT_DATA } from './reports.rules.js';

test('a reference is PA-year-8 Crockford characters, random, and read back however people type it', () => {
  const r = newReference(2026, Buffer.from([0, 0, 0, 0, 0]));
  assert.equal(r, 'PA-2026-00000000');
  assert.equal(newReference(2026, Buffer.from([255, 255, 255, 255, 255])), 'PA-2026-ZZZZZZZZ');
  const a = newReference(2026);
  assert.match(a, REFERENCE_PATTERN);
  assert.notEqual(a, newReference(2026));
  assert.equal(normalizeReference(' pa-2026-abcd2345 '), 'PA-2026-ABCD2345');
  assert.equal(normalizeReference('PA 2026 OOIL2345'), 'PA-2026-00112345');
  assert.equal(normalizeReference('PA2026ABCD2345'), 'PA-2026-ABCD2345');
  assert.equal(normalizeReference('PA-2026-ABCU2345'), undefined, 'U is not in the alphabet');
  assert.equal(normalizeReference('<script>'), undefined);
});

test('actions move a report through received → triaging → investigating → closed, or merged; an ended one stays', () => {
  assert.equal(nextStatus('received', 'triage'), 'triaging');
  assert.equal(nextStatus('received', 'triage', { investigate: true }), 'investigating');
  assert.equal(nextStatus('investigating', 'triage'), 'investigating');
  assert.equal(nextStatus('triaging', 'link'), 'investigating');
  assert.equal(nextStatus('investigating', 'close'), 'closed');
  assert.equal(nextStatus('received', 'merge'), 'merged');
  for (const a of ['triage', 'merge', 'link', 'close'] as const) {
    assert.equal(nextStatus('closed', a), undefined);
    assert.equal(nextStatus('merged', a), undefined);
  }
});

test('overdue: open past the service-level date; a merged report reads publicly as the one it joined', () => {
  assert.equal(isOverdue({ status: 'triaging', slaDueOn: '2026-05-14' }, '2026-05-15'), true);
  assert.equal(isOverdue({ status: 'triaging', slaDueOn: '2026-05-14' }, '2026-05-14'), false);
  assert.equal(isOverdue({ status: 'closed', slaDueOn: '2026-05-14' }, '2026-06-01'), false);
  const a = new Date('2026-05-01T00:00:00Z'); const b = new Date('2026-05-03T00:00:00Z');
  assert.deepEqual(publicStatus({ status: 'merged', updatedAt: a }, { status: 'closed', updatedAt: b }), { status: 'closed', updatedAt: b });
  assert.deepEqual(publicStatus({ status: 'received', updatedAt: a }), { status: 'received', updatedAt: a });
});

test('the data: every category once with "other", the service level in working days, limits', () => {
  assert.deepEqual(REPORT_DATA.categories.map((c) => c.code), ['counterfeit_label', 'quality', 'food_safety', 'misleading_claims', 'other']);
  assert.equal(REPORT_DATA.serviceLevel.workingDays, 10);
  assert.throws(() => parseReportData({ ...REPORT_DATA, categories: [REPORT_DATA.categories[0], REPORT_DATA.categories[0]] }));
});
