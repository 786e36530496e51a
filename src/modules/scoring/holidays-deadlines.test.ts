// The working-day figures the dossier routes serve follow the holiday calendar of the database, not the file it was
// seeded from: after the central office adds a day off inside a dossier's window, a dossier waiting for its commune
// report is due one working day later (audited, its version kept), and a dossier at the province, whose round date
// does not move, has one working day fewer left, in the queue and on the dossier alike.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../../app/db.js';
import { testApp, type TestApp } from '../../../test/harness.js';
import { addWorkingDays, communeReviewDue, procedureRules } from './deadlines.rules.js';
import { calendarFromDb } from './holidays.repo.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, today, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

type Due = { id: string; due: string | null; workingDaysLeft: number | null; version: number; deadlines?: { communeDueOn: string | null } };

/** The dossier as GET /dossiers/:id and as its row in GET /dossiers give it. */
async function both(id: string): Promise<[Due, Due]> {
  const one = await ok(w, 'GET', `/dossiers/${id}`, w.province) as Due;
  const list = await ok(w, 'GET', '/dossiers?pageSize=100', w.province) as { items: Due[] };
  const item = list.items.find((x) => x.id === id);
  assert.ok(item, 'the dossier is in the queue');
  return [one, item];
}

test('a day off loaded for a dossier\'s window moves the commune deadline and the working days left', async () => {
  const productId = await newProduct(w, 'Mật ong hoa bạc hà ngày nghỉ');
  let atCommune = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers: answersAround(70) });
  atCommune = await ok(w, 'POST', `/dossiers/${atCommune.id}/submit`, w.entity, { version: atCommune.version });
  const atProvince = await dossierAtAdvisory(w, answersAround(70), 'Mật ong hoa cà phê ngày nghỉ');

  const received = today();
  const cal = await calendarFromDb(t.database.db);
  const dueBefore = communeReviewDue(received, procedureRules(), cal);
  const [communeBefore] = await both(atCommune.id);
  assert.deepEqual([communeBefore.due, communeBefore.deadlines?.communeDueOn, communeBefore.workingDaysLeft], [dueBefore, dueBefore, 15]);
  const [provinceBefore, provinceItemBefore] = await both(atProvince.id);
  assert.ok(provinceBefore.due && provinceBefore.due > dueBefore, 'the province\'s round ends after the commune\'s window');
  assert.equal(provinceItemBefore.workingDaysLeft, provinceBefore.workingDaysLeft);

  // The next working day becomes a day off, loaded as part of its year's notice (the year's other days kept).
  const dayOff = addWorkingDays(received, 1, cal);
  const year = Number(dayOff.slice(0, 4));
  const years = (await ok(w, 'GET', '/holidays', w.central)).items as { year: number; version: number; days: unknown[] }[];
  const current = years.find((y) => y.year === year);
  await ok(w, 'PUT', `/holidays/${year}`, w.central, {
    noticeStatus: 'official', noticeRef: 'Thông báo nghỉ bù (thử nghiệm)',
    days: [...(current?.days ?? []), { date: dayOff, kind: 'holiday', name: 'Ngày nghỉ thử nghiệm', nameEn: 'Test day off' }],
    ...(current ? { version: current.version } : {}),
  });

  const dueAfter = addWorkingDays(dueBefore, 1, await calendarFromDb(t.database.db));
  for (const d of await both(atCommune.id)) {
    assert.deepEqual([d.due, d.workingDaysLeft], [dueAfter, 15], 'fifteen working days, one later');
    assert.equal(d.version, communeBefore.version, 'the deadline moved without making an open form stale');
  }
  for (const d of await both(atProvince.id)) {
    assert.deepEqual([d.due, d.workingDaysLeft], [provinceBefore.due, provinceBefore.workingDaysLeft! - 1], 'the round date stays; one working day fewer');
  }
  const audit = await query<{ before: { communeDueOn: string }; after: { communeDueOn: string } }>(t.database.db, sql`
    SELECT before, after FROM audit_log WHERE action = 'dossier.commune_due_redated' AND record_id = ${atCommune.id}`);
  assert.deepEqual(audit.map((a) => [a.before.communeDueOn, a.after.communeDueOn]), [[dueBefore, dueAfter]]);
});
