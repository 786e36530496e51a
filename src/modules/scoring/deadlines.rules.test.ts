import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addWorkingDays, communeReviewDue, holidayCalendar, isWorkingDay, type HolidayCalendar, reRatingDueOn, roundFor, vnDate, workingDaysBetween } from './deadlines.rules.js';
import { RULES } from './rules.data.js';

test('weekends and public holidays are not working days; make-up Saturdays are', () => {
  assert.equal(isWorkingDay('2026-06-01'), true); // Monday
  assert.equal(isWorkingDay('2026-06-06'), false); // Saturday
  assert.equal(isWorkingDay('2026-02-17'), false); // mùng 1 Tết Bính Ngọ
  assert.equal(isWorkingDay('2026-09-02'), false);
  assert.equal(isWorkingDay('2025-04-26'), true); // Saturday worked to swap 02/05/2025
  assert.equal(isWorkingDay('2025-05-02'), false);
});

test('15 working days across Tết skip the whole Tết week', () => {
  // Received Friday 13/02/2026; Tết holidays Mon 16 – Fri 20/02/2026.
  assert.equal(communeReviewDue('2026-02-13'), '2026-03-13');
  assert.equal(workingDaysBetween('2026-02-13', '2026-03-13'), 15);
  // Without the holidays the same count would end a week earlier.
  const noHolidays = { ...holidayCalendar(), years: {} };
  assert.equal(addWorkingDays('2026-02-13', 15, noHolidays), '2026-03-06');
});

test('15 working days across 30/4, 1/5 and the compensated Giỗ Tổ', () => {
  // Received Friday 24/04/2026: Mon 27/4 (Giỗ Tổ, compensated), Thu 30/4 and Fri 1/5 are off.
  assert.equal(communeReviewDue('2026-04-24'), '2026-05-20');
});

test('a deadline that would land on a weekend moves to the next working day count', () => {
  assert.equal(addWorkingDays('2026-06-05', 1), '2026-06-08');
  assert.equal(addWorkingDays('2026-06-05', 0), '2026-06-05');
});

test('provincial rounds: before 30/4 → finish before 30/6; before 30/10 → before 30/12; later → next year', () => {
  assert.deepEqual(roundFor('province', '2026-03-10'), { level: 'province', round: 1, year: 2026, cutoff: '2026-04-30', finishBefore: '2026-06-30' });
  assert.equal(roundFor('province', '2026-04-29').finishBefore, '2026-06-30');
  assert.equal(roundFor('province', '2026-04-30').finishBefore, '2026-12-30'); // "trước ngày 30/4": the cut-off day itself is late
  assert.equal(roundFor('province', '2026-10-29').round, 2);
  assert.deepEqual(roundFor('province', '2026-11-05'), { level: 'province', round: 1, year: 2027, cutoff: '2027-04-30', finishBefore: '2027-06-30' });
});

test('ministerial rounds: before 30/7 → before 30/9; before 30/1 → before 30/3', () => {
  assert.equal(roundFor('central', '2026-06-01').finishBefore, '2026-09-30');
  assert.equal(roundFor('central', '2026-01-15').finishBefore, '2026-03-30');
  assert.equal(roundFor('central', '2026-08-10').finishBefore, '2027-03-30');
  assert.equal(roundFor('central', '2026-08-10').round, 2);
});

test('dates are taken in Việt Nam time', () => {
  assert.equal(vnDate(new Date('2026-06-30T18:00:00Z')), '2026-07-01');
  assert.equal(vnDate(new Date('2026-06-30T16:00:00Z')), '2026-06-30');
});

test('a re-rating finishes within 45 calendar days of receipt: weekends, Tết and year ends count', () => {
  assert.equal(RULES.reRating.maxDurationDays, 45, 'the decree\'s number, from data');
  assert.equal(reRatingDueOn('2026-06-01'), '2026-07-16');
  assert.equal(reRatingDueOn('2026-02-13'), '2026-03-30'); // across Tết: calendar days, not working days
  assert.equal(reRatingDueOn('2026-12-20'), '2027-02-03');
  assert.equal(reRatingDueOn('2028-02-01'), '2028-03-17'); // 29 February counts
  assert.equal(reRatingDueOn('2026-06-01', 10), '2026-06-11');
});

test('2027 Tết: 8 and 9 February are mùng 3 and mùng 4, 10 February is the make-up day; the rule is Điều 111 khoản 3', () => {
  const cal = holidayCalendar() as HolidayCalendar & { legalBasis: string; years: Record<string, { notice: { status: string } }> };
  const name = (d: string) => cal.years['2027'].holidays.find((h) => h.date === d)?.name ?? '';
  assert.match(name('2027-02-08'), /mùng 3/);
  assert.match(name('2027-02-09'), /mùng 4/);
  assert.match(name('2027-02-10'), /^Nghỉ bù/);
  assert.doesNotMatch(name('2027-02-08') + name('2027-02-09'), /bù/);
  assert.match(cal.legalBasis, /Điều 111 khoản 3/);
  assert.doesNotMatch(cal.legalBasis, /Điều 112 \(/);
  for (const [year, y] of Object.entries(cal.years)) assert.ok(['official', 'provisional'].includes(y.notice.status), year);
});
