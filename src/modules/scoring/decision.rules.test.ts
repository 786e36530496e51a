// The decision a council's result leads to, on the real legal numbers (no database).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plannedDecision } from './decision.rules.js';
import type { CouncilResult, DossierStatus } from './dossiers.tables.js';
import { RULES } from './rules.data.js';

const result = (mean: number, stars: number): CouncilResult => ({
  sessionId: 's', itemId: 'i', councilId: 'c', mean, parts: { A: 0, B: 0, C: 0 }, stars, band: stars, unmetMinimums: [], members: 3, closedAt: '2026-06-01T00:00:00Z',
});
const plan = (status: DossierStatus, province: CouncilResult | null, central: CouncilResult | null = null) => plannedDecision({ status, provinceResult: province, centralResult: central }, RULES);

test('on the provincial result: the central threshold sends to the Ministry, 3★/4★ certify, below 3★ is not recognised', () => {
  const threshold = RULES.centralCouncilThreshold;
  assert.deepEqual(plan('scored', result(threshold, 5)), { outcome: 'sent_to_central', stars: 5, basis: 'province_council', mean: threshold });
  // A mean at the threshold goes to the Ministry even when an unmet minimum lowered the stars.
  assert.equal(plan('scored', result(threshold + 2, 4))?.outcome, 'sent_to_central');
  assert.deepEqual(plan('scored', result(threshold - 0.01, 4)), { outcome: 'certified', stars: 4, basis: 'province_council', mean: threshold - 0.01 });
  assert.deepEqual(plan('scored', result(55, RULES.recognisedFromStars)), { outcome: 'certified', stars: RULES.recognisedFromStars, basis: 'province_council', mean: 55 });
  assert.deepEqual(plan('scored', result(45, RULES.recognisedFromStars - 1)), { outcome: 'not_recognised', stars: null, basis: 'province_council', mean: 45 });
});

test('on the central result: any recognised level is certified, lower is not recognised', () => {
  const province = result(95, 5);
  assert.deepEqual(plan('central_scored', province, result(93, 5)), { outcome: 'certified', stars: 5, basis: 'central_council', mean: 93 });
  assert.deepEqual(plan('central_scored', province, result(80, 4)), { outcome: 'certified', stars: 4, basis: 'central_council', mean: 80 });
  assert.deepEqual(plan('central_scored', province, result(40, 2)), { outcome: 'not_recognised', stars: null, basis: 'central_council', mean: 40 });
});

test('no plan without a council result to decide on', () => {
  assert.equal(plan('advisory_review', null), null);
  assert.equal(plan('scored', null), null);
  assert.equal(plan('central_scored', result(95, 5), null), null);
  assert.equal(plan('certified', result(80, 4)), null);
});
