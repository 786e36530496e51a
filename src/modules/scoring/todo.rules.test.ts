import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeTodo, todoLink, todoOverdue, type TodoRow } from './todo.rules.js';

const row = (kind: TodoRow['kind'], ref: string, dueOn: string | null): TodoRow =>
  ({ kind, ref, subject: ref, number: null, dueOn, provinceName: null, communeName: null, detail: null, status: null, at: null });

test('merge: by deadline across kinds, undated last, ties in list order, capped', () => {
  const merged = mergeTodo([
    [row('commune_review', 'a', '2026-12-10'), row('commune_review', 'b', '2026-12-20')],
    [row('commune_forward', 'c', '2026-12-10'), row('commune_forward', 'd', '2026-12-01')],
    [row('entity_pending', 'e', null), row('entity_pending', 'f', null)],
  ], 5);
  assert.deepEqual(merged.map((r) => r.ref), ['d', 'a', 'c', 'b', 'e']);
  assert.deepEqual(mergeTodo([], 10), []);
});

test('overdue: past the deadline; a revocation decided late always; a re-rating once its window has closed', () => {
  assert.equal(todoOverdue(row('commune_review', 'a', '2026-12-01'), '2026-12-02'), true);
  assert.equal(todoOverdue(row('commune_review', 'a', '2026-12-02'), '2026-12-02'), false, 'the last day is still on time');
  assert.equal(todoOverdue(row('entity_pending', 'a', null), '2026-12-02'), false);
  assert.equal(todoOverdue(row('revocation_late', 'a', '2026-11-01'), '2026-12-02'), true);
  // Expiry 2027-06-01: the window runs from 180 to 120 days before (2026-12-03 … 2027-02-01).
  const rr = { ...row('rerating_window', 'p', '2027-02-01'), expiresOn: '2027-06-01' };
  assert.equal(todoOverdue(rr, '2026-12-10'), false);
  assert.equal(todoOverdue(rr, '2027-02-01'), false);
  assert.equal(todoOverdue({ ...rr, dueOn: '2027-06-01' }, '2027-02-02'), true);
});

test('links: dossiers to their page, sessions, entities, products for a re-rating, certificates to their workspace page', () => {
  assert.equal(todoLink('dossier_returned', 'x', 'n'), '/ho-so/x');
  assert.equal(todoLink('session_scoring', 's', null), '/phien-hop/s');
  assert.equal(todoLink('entity_pending', 'e', null), '/lam-viec/chu-the/e');
  assert.equal(todoLink('rerating_window', 'p', 'OCOP-08-2024-00001'), '/lam-viec/san-pham/p');
  assert.equal(todoLink('revocation_late', 'OCOP-08-2024-00001', 'OCOP-08-2024-00001'), '/lam-viec/giay-chung-nhan/OCOP-08-2024-00001');
});
