// Holidays in the database: seeded from data/holidays/vn.json, a year's notice loaded by the central office (audited),
// and the working-day deadlines computed from that calendar (the pure rule takes it as an argument).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { MEO_VAC, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { loadHolidays } from './commands/load-holidays.js';
import { addWorkingDays, communeReviewDue, procedureRules } from './deadlines.rules.js';
import { calendarFromDb } from './holidays.repo.js';

let t: TestApp;
let central: Session;
before(async () => { t = await testApp(); central = await t.user('central'); });
after(() => t.close());

const year2028 = {
  noticeStatus: 'official', noticeRef: 'Thông báo số 1/TB-BNV (thử nghiệm)',
  days: [
    { date: '2028-01-03', kind: 'holiday', name: 'Ngày nghỉ thử nghiệm', nameEn: 'Test day off' },
    { date: '2028-01-08', kind: 'working_day', name: 'Làm bù thứ Bảy', nameEn: 'Make-up Saturday' },
  ],
};

test('the seeded years carry their notice; 2027\'s make-up day is 10 February', async () => {
  const body = (await t.call({ url: '/api/v1/holidays', as: await t.user('commune', { communeCode: MEO_VAC }) })).json();
  const y2027 = body.items.find((y: { year: number }) => y.year === 2027);
  assert.equal(y2027.noticeStatus, 'provisional');
  assert.equal(y2027.days.find((d: { date: string }) => d.date === '2027-02-10').kind, 'compensated');
  assert.match(y2027.days.find((d: { date: string }) => d.date === '2027-02-08').name, /mùng 3/);
  assert.equal((await t.call({ url: '/api/v1/holidays' })).statusCode, 401);
  assert.equal(await t.database.db.transaction((tx) => loadHolidays(tx)), false, 'seeding again writes nothing');
});

test('the central office loads a year\'s notice; deadlines follow it; others may not; bad input is refused', async () => {
  const url = '/api/v1/holidays/2028';
  assert.equal((await t.call({ method: 'PUT', url, as: await t.user('province', { provinceCode: '08' }), body: year2028 })).statusCode, 403);
  for (const bad of [
    { ...year2028, days: [{ ...year2028.days[0], date: '2029-01-03' }] },
    { ...year2028, days: [year2028.days[0], year2028.days[0]] },
    { ...year2028, noticeRef: null },
    { ...year2028, days: [{ ...year2028.days[0], kind: 'party' }] },
    { ...year2028, extra: 1 },
  ]) {
    const res = await t.call({ method: 'PUT', url, as: central, body: bad });
    assert.equal(res.statusCode, 400, JSON.stringify(bad));
  }
  const before = await calendarFromDb(t.database.db);
  assert.equal(before.years['2028'], undefined, 'nothing written by the refusals');
  const ok = await t.call({ method: 'PUT', url, as: central, body: year2028 });
  assert.equal(ok.statusCode, 200, ok.body);
  const cal = await calendarFromDb(t.database.db);
  // Friday 31/12/2027 + 1 working day: Monday 03/01/2028 is off, so Tuesday; Saturday 08/01 counts.
  assert.equal(addWorkingDays('2027-12-31', 1, cal), '2028-01-04');
  assert.equal(addWorkingDays('2028-01-07', 1, cal), '2028-01-08');
  assert.equal(addWorkingDays('2027-12-31', 1), '2028-01-03', 'the file alone does not know 2028');
  // The commune's 15 working days: one day off and one make-up Saturday cancel out.
  assert.equal(communeReviewDue('2027-12-31', procedureRules(), cal), communeReviewDue('2027-12-31'));
  const audit = await query<{ action: string }>(t.database.db, sql`SELECT action FROM audit_log WHERE record_type = 'holiday_year' AND record_id = '2028'`);
  assert.deepEqual(audit.map((a) => a.action), ['holidays.upload']);
  // An uploaded year is the administrator's: the file does not overwrite it, and a stale version is refused.
  await t.database.db.transaction((tx) => loadHolidays(tx));
  assert.ok((await calendarFromDb(t.database.db)).years['2028']);
  assert.equal((await t.call({ method: 'PUT', url, as: central, body: year2028 })).statusCode, 409, 'no version: the year exists');
  assert.equal((await t.call({ method: 'PUT', url, as: central, body: { ...year2028, version: 1 } })).statusCode, 200);
});
