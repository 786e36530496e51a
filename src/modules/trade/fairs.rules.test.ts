import assert from 'node:assert/strict';
import { test } from 'node:test';
import { boothAvailable, boothLabel, distanceKm, monthRanges, parseBbox, registrationOpen, resultsOpen } from './fairs.rules.js';
import { organiserScope, organises } from './fairs.policy.js';

const ev = { status: 'published' as const, startsOn: '2026-12-10', endsOn: '2026-12-12', registrationDeadline: '2026-12-01' };
const user = (role: string, provinceCode: string | null = null, communeCode: string | null = null) => ({ kind: 'user' as const, id: 'u', role: role as never, provinceCode, communeCode, entityId: null, via: 'session' as const });

test('registration is open up to its deadline day (else the first day); results from the first day; drafts and cancelled events take neither', () => {
  assert.equal(registrationOpen(ev, '2026-12-01'), true);
  assert.equal(registrationOpen(ev, '2026-12-02'), false);
  assert.equal(registrationOpen({ ...ev, registrationDeadline: null }, '2026-12-10'), true);
  assert.equal(registrationOpen({ ...ev, status: 'draft' }, '2026-11-01'), false);
  assert.equal(resultsOpen(ev, '2026-12-09'), false);
  assert.equal(resultsOpen(ev, '2026-12-10'), true);
  assert.equal(resultsOpen({ ...ev, status: 'cancelled' }, '2026-12-20'), false);
});

test('booths: a count limits them, none does not; a label is one booth however typed', () => {
  assert.equal(boothAvailable(2, 1), true);
  assert.equal(boothAvailable(2, 2), false);
  assert.equal(boothAvailable(null, 500), true);
  assert.equal(boothLabel('  a 12 '), 'A 12');
});

test('distances, map boxes and seasons', () => {
  const hanoi = { lat: 21.0285, lon: 105.8542 }, hcmc = { lat: 10.8231, lon: 106.6297 };
  assert.ok(Math.abs(distanceKm(hanoi, hcmc) - 1138) < 10);
  assert.deepEqual(parseBbox('105,23,106,24'), { west: 105, south: 23, east: 106, north: 24 });
  for (const bad of ['1,2,3', '106,23,105,24', 'a,b,c,d', '0,95,1,96']) assert.equal(parseBbox(bad), undefined, bad);
  assert.equal(monthRanges([10, 11, 1, 2, 3, 12]), '1–3, 10–12');
  assert.equal(monthRanges([5]), '5');
});

test('an office organises at its own level only', () => {
  assert.deepEqual(organiserScope(user('province', '08')), { level: 'province', provinceCode: '08', communeCode: null });
  assert.equal(organiserScope(user('inspector', '08')), undefined);
  const provinceEvent = { level: 'province' as const, provinceCode: '08', communeCode: null };
  assert.equal(organises(user('province', '08'), provinceEvent), true);
  assert.equal(organises(user('province', '19'), provinceEvent), false);
  assert.equal(organises(user('central'), provinceEvent), false);
  assert.equal(organises(user('central'), { level: 'national', provinceCode: null, communeCode: null }), true);
});
