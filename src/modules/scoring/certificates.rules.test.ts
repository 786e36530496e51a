// The re-rating window (Điều 7.6.a) and the Điều 12.3 extension as pure rules: every boundary day, and the numbers
// taken from the rule data (a different instrument's numbers move the boundaries).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, graceEndsOn, reRatingFiling, reRatingWindow, standingOn } from './certificates.rules.js';
import { RULES } from './rules.data.js';

const EXPIRES = '2027-06-15';

test('the filing window runs from 180 to 120 days before expiry, both days included', () => {
  assert.deepEqual([RULES.reRating.windowOpensDaysBeforeExpiry, RULES.reRating.windowClosesDaysBeforeExpiry], [180, 120], 'the decree\'s numbers, from data');
  const w = reRatingWindow(EXPIRES, '2026-12-01');
  assert.deepEqual([w.opensOn, w.closesOn], ['2026-12-17', '2027-02-15']);
  assert.equal(addDays(w.opensOn, 180), EXPIRES);
  assert.equal(addDays(w.closesOn, 120), EXPIRES);
});

test('filing: refused the day before the window opens, on time from its first to its last day, late after it', () => {
  const at = (d: number) => reRatingFiling(EXPIRES, addDays(EXPIRES, -d));
  assert.deepEqual(at(181), { ok: false, code: 'rerating_window_not_open', window: reRatingWindow(EXPIRES, addDays(EXPIRES, -181)) });
  assert.equal(at(400).ok, false);
  for (const d of [180, 150, 120]) assert.deepEqual([at(d).ok, (at(d) as { late: boolean }).late], [true, false], `${d} days before`);
  for (const d of [119, 30, 1, 0]) assert.deepEqual([at(d).ok, (at(d) as { late: boolean }).late], [true, true], `${d} days before`);
});

test('filing after the expiry day is refused: the product starts over with a first rating', () => {
  const f = reRatingFiling(EXPIRES, addDays(EXPIRES, 1));
  assert.equal(f.ok, false);
  assert.equal(!f.ok && f.code, 'certificate_expired');
  assert.equal(reRatingFiling(EXPIRES, '2030-01-01').ok, false);
});

test('the window follows the rule data, not constants', () => {
  const rules = { reRating: { windowOpensDaysBeforeExpiry: 90, windowClosesDaysBeforeExpiry: 30, maxDurationDays: 20 } };
  assert.equal(reRatingFiling(EXPIRES, addDays(EXPIRES, -91), rules).ok, false);
  assert.deepEqual(reRatingFiling(EXPIRES, addDays(EXPIRES, -90), rules), { ok: true, late: false, window: reRatingWindow(EXPIRES, addDays(EXPIRES, -90), rules) });
  assert.equal((reRatingFiling(EXPIRES, addDays(EXPIRES, -29), rules) as { late: boolean }).late, true);
});

test('a certificate with a pending late re-rating stays valid after expiry up to 180 days, then expires', () => {
  const c = { status: 'valid' as const, expiresOn: EXPIRES };
  const until = graceEndsOn(EXPIRES);
  assert.equal(until, addDays(EXPIRES, RULES.transition.graceDaysAfterExpiry));
  assert.equal(until, '2027-12-12');
  // Before expiry nothing is extended, pending or not.
  assert.deepEqual(standingOn(c, EXPIRES, true), { status: 'valid', extendedUntil: null, extensionReason: null });
  // The day after expiry: valid only because of the pending late filing.
  assert.deepEqual(standingOn(c, addDays(EXPIRES, 1), true), { status: 'valid', extendedUntil: until, extensionReason: 'late_rerating_pending' });
  assert.deepEqual(standingOn(c, addDays(EXPIRES, 1), false), { status: 'expired', extendedUntil: null, extensionReason: null });
  assert.deepEqual(standingOn(c, until, true), { status: 'valid', extendedUntil: until, extensionReason: 'late_rerating_pending' }, 'the 180th day is included');
  assert.deepEqual(standingOn(c, addDays(until, 1), true), { status: 'expired', extendedUntil: null, extensionReason: null });
});

test('replaced and revoked certificates are never extended; the grace length is data', () => {
  for (const status of ['replaced', 'revoked'] as const) {
    assert.deepEqual(standingOn({ status, expiresOn: EXPIRES }, addDays(EXPIRES, 3), true), { status, extendedUntil: null, extensionReason: null });
  }
  const rules = { transition: { ...RULES.transition, graceDaysAfterExpiry: 10, instruments: [] } };
  assert.equal(standingOn({ status: 'valid', expiresOn: EXPIRES }, addDays(EXPIRES, 10), true, rules).status, 'valid');
  assert.equal(standingOn({ status: 'valid', expiresOn: EXPIRES }, addDays(EXPIRES, 11), true, rules).status, 'expired');
});
