import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bySuggestionOrder, conclusionError, inspectionState, isOverdue, levelOf, riskReasons } from './inspections.rules.js';

const today = '2026-06-01';

test('the level: the Ministry plans 5★ products, the province 3★ and 4★', () => {
  assert.deepEqual([levelOf(3), levelOf(4), levelOf(5)], ['province', 'province', 'central']);
});

test('risk reasons and the order of the suggestions', () => {
  assert.deepEqual(riskReasons({ complaints: 2, expiresOn: '2026-09-01', lastInspectedOn: null, traceMissing: true }, today), ['complaints', 'trace_missing', 'expiring', 'never_inspected']);
  assert.deepEqual(riskReasons({ complaints: 0, expiresOn: '2028-01-01', lastInspectedOn: '2025-05-01', traceMissing: false }, today), []);
  assert.deepEqual(riskReasons({ complaints: 0, expiresOn: '2026-11-28', lastInspectedOn: '2025-05-01', traceMissing: false }, today), ['expiring'], '180 days ahead');
  const rows = [
    { productCode: 'B', reasons: ['never_inspected' as const], complaints: 0, expiresOn: '2027-01-01' },
    { productCode: 'A', reasons: ['never_inspected' as const], complaints: 0, expiresOn: '2027-01-01' },
    { productCode: 'C', reasons: ['complaints' as const], complaints: 1, expiresOn: '2028-01-01' },
    { productCode: 'D', reasons: ['trace_missing' as const, 'expiring' as const], complaints: 0, expiresOn: '2026-07-01' },
  ];
  assert.deepEqual(bySuggestionOrder(rows).map((r) => r.productCode), ['C', 'D', 'A', 'B']);
});

test('a conclusion carries what it needs, and only that', () => {
  const base = { inspectedOn: '2026-05-20', concludedOn: '2026-05-25' };
  assert.equal(conclusionError({ ...base, conclusion: 'compliant' }, today), null);
  assert.equal(conclusionError({ ...base, inspectedOn: '2026-06-02', conclusion: 'compliant' }, today)?.code, 'date_in_future');
  assert.equal(conclusionError({ ...base, concludedOn: '2026-05-19', conclusion: 'compliant' }, today)?.code, 'conclusion_before_inspection');
  assert.equal(conclusionError({ ...base, conclusion: 'corrective_action' }, today)?.code, 'corrective_action_required');
  assert.equal(conclusionError({ ...base, conclusion: 'corrective_action', correctiveActions: [{ description: 'x', dueOn: '2026-05-25' }] }, today)?.field, 'correctiveActions.0.dueOn');
  assert.equal(conclusionError({ ...base, conclusion: 'corrective_action', correctiveActions: [{ description: 'x', dueOn: '2026-06-25' }] }, today), null);
  assert.equal(conclusionError({ ...base, conclusion: 'compliant', correctiveActions: [{ description: 'x', dueOn: '2026-06-25' }] }, today)?.code, 'corrective_action_not_expected');
  assert.equal(conclusionError({ ...base, conclusion: 'revocation_proposed' }, today)?.code, 'ground_required');
  assert.equal(conclusionError({ ...base, conclusion: 'revocation_proposed', revocationGround: 'c' }, today), null);
  assert.equal(conclusionError({ ...base, conclusion: 'compliant', revocationGround: 'c' }, today)?.code, 'ground_not_expected');
});

test('overdue and the state shown', () => {
  assert.deepEqual([isOverdue('planned', '2026-05-31', today), isOverdue('planned', today, today), isOverdue('done', '2026-01-01', today), isOverdue('open', '2026-05-01', today)], [true, false, false, true]);
  assert.equal(inspectionState({ status: 'planned', conclusion: null }, null, 0), 'planned');
  assert.equal(inspectionState({ status: 'done', conclusion: 'corrective_action' }, null, 1), 'corrective_open');
  assert.equal(inspectionState({ status: 'done', conclusion: 'corrective_action' }, null, 0), 'corrective_closed');
  assert.equal(inspectionState({ status: 'done', conclusion: 'revocation_proposed' }, 'pending', 0), 'revocation_pending');
  assert.equal(inspectionState({ status: 'done', conclusion: 'revocation_proposed' }, 'completed', 0), 'revoked');
});
