// Councils through the HTTP API: independent scoring, the spread rule and re-scoring, closing freezes everything,
// conflicts of interest, the quorum, score revisions, precedents and the PDFs.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { testApp, type TestApp } from '../../../test/harness.js';
import { answersAround, dossierAtAdvisory, ok, openSessionWith, provincialCouncil, submitScore, today, totalOf, world, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
before(async () => { t = await testApp(); w = await world(t); });
after(() => t.close());

test('a member sees no other member\'s score until they have submitted their own', async () => {
  const d = await dossierAtAdvisory(w, answersAround(75), 'Mật ong độc lập');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d.id]);
  const itemId = s.items[0].id;
  const [a, b] = council.members;
  await submitScore(w, s.id, itemId, a, answersAround(75));
  // b has only a draft: sees their own, nothing of a's.
  await ok(w, 'PUT', `/sessions/${s.id}/items/${itemId}/score`, b, { answers: answersAround(70) });
  let seen = await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, b);
  assert.equal(seen.hidden, true);
  assert.deepEqual(seen.items.map((x: { userId: string }) => x.userId), [b.user.id]);
  // Nor through the session, the chair's view, the revisions or the sheet PDF.
  const session = await ok(w, 'GET', `/sessions/${s.id}`, b);
  assert.equal(session.items[0].myScore.userId, b.user.id);
  assert.equal(JSON.stringify(session.items).includes(a.user.id), false);
  assert.equal((await t.call({ url: `/api/v1/sessions/${s.id}/items/${itemId}/overview`, as: council.chair })).statusCode, 403);
  const aScore = (await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, a)).items.find((x: { userId: string }) => x.userId === a.user.id);
  assert.equal((await t.call({ url: `/api/v1/scores/${aScore.id}/revisions`, as: b })).statusCode, 404);
  assert.equal((await t.call({ url: `/api/v1/sessions/${s.id}/items/${itemId}/members/${a.user.id}/sheet.pdf`, as: b })).statusCode, 404);
  // The advisory team sees no scores either.
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, council.advisory)).hidden, true);
  // After submitting, b sees a's.
  await submitScore(w, s.id, itemId, b, answersAround(70));
  seen = await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, b);
  assert.equal(seen.hidden, false);
  assert.deepEqual(seen.items.map((x: { userId: string }) => x.userId).sort(), [a.user.id, b.user.id].sort());
  // The secretary (who does not score) may not score, but may follow.
  const sec = await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${itemId}/score`, body: { answers: {} }, as: council.secretary });
  assert.equal(sec.statusCode, 403);
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, council.secretary)).hidden, false);
  // A submitted score is final until the chair asks for re-scoring.
  const again = await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${itemId}/score`, body: { answers: answersAround(60), submit: true }, as: b });
  assert.equal(again.statusCode, 409);
  assert.equal(again.json().code, 'score_already_submitted');
  // Every save is a revision: draft then submit.
  const bScore = seen.items.find((x: { userId: string }) => x.userId === b.user.id);
  const revs = await ok(w, 'GET', `/scores/${bScore.id}/revisions`, b);
  assert.deepEqual(revs.items.map((r: { action: string }) => r.action), ['save', 'submit']);
  assert.ok(revs.items[0].changed.length > 0);
});

test('a spread beyond 10 points blocks closing until the members re-score', async () => {
  const d = await dossierAtAdvisory(w, answersAround(80), 'Mật ong chênh lệch');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d.id]);
  const itemId = s.items[0].id;
  const [a, b] = council.members;
  await submitScore(w, s.id, itemId, council.chair, answersAround(80));
  await submitScore(w, s.id, itemId, a, answersAround(78));
  await submitScore(w, s.id, itemId, b, answersAround(60));
  const overview = await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/overview`, council.chair);
  assert.equal(overview.withinLimit, false);
  assert.equal(overview.spread, 20);
  assert.deepEqual(overview.lowest, [b.user.id]);
  const mean = (80 + 78 + 60) / 3;
  assert.equal(overview.members.find((m: { userId: string }) => m.userId === b.user.id).diffFromMean, Math.round((60 - mean) * 100) / 100);

  const refused = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/close`, body: { version: s.version }, as: w.province });
  assert.equal(refused.statusCode, 409);
  assert.equal(refused.json().code, 'spread_exceeded');
  assert.equal(refused.json().problems[0].spread, 20);
  assert.equal((await ok(w, 'GET', `/dossiers/${d.id}`, w.province)).status, 'council_scoring');

  // Only the chair asks for re-scoring.
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/items/${itemId}/rescore`, body: { reason: 'x' }, as: a })).statusCode, 403);
  const rescore = await ok(w, 'POST', `/sessions/${s.id}/items/${itemId}/rescore`, council.chair, { members: [b.user.id], reason: 'Thảo luận lại tiêu chí 4.1' });
  assert.equal(rescore.round, 2);
  assert.deepEqual(rescore.members, [b.user.id]);
  const notReady = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/close`, body: { version: s.version }, as: w.province });
  assert.equal(notReady.json().code, 'session_not_ready');
  await submitScore(w, s.id, itemId, b, answersAround(76));
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  assert.equal(closed.items[0].result.mean, Math.round(((80 + 78 + 76) / 3) * 100) / 100);
  const dd = await ok(w, 'GET', `/dossiers/${d.id}`, w.province);
  assert.equal(dd.status, 'scored');
  assert.equal(dd.provinceResult.stars, 4);
});

test('a closed session refuses every change with 409 session_closed', async () => {
  const answers = answersAround(72);
  const d = await dossierAtAdvisory(w, answers, 'Mật ong đóng phiên');
  const other = await dossierAtAdvisory(w, answers, 'Mật ong đến muộn');
  const council = await provincialCouncil(w);
  const s = await openSessionWith(w, council, [d.id]);
  const itemId = s.items[0].id;
  for (const m of council.all) await submitScore(w, s.id, itemId, m, answers);
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  const writes = [
    { method: 'PUT' as const, url: `/sessions/${s.id}/items/${itemId}/score`, as: council.chair, body: { answers } },
    { method: 'POST' as const, url: `/sessions/${s.id}/items/${itemId}/rescore`, as: council.chair, body: { reason: 'sau khi đóng' } },
    { method: 'POST' as const, url: `/sessions/${s.id}/close`, as: w.province, body: { version: closed.version } },
    { method: 'POST' as const, url: `/sessions/${s.id}/open`, as: w.province, body: { present: [council.chair.user.id], version: closed.version } },
    { method: 'POST' as const, url: `/sessions/${s.id}/items`, as: w.province, body: { dossierId: other.id, version: other.version } },
  ];
  for (const c of writes) {
    const res = await t.call({ method: c.method, url: `/api/v1${c.url}`, body: c.body, as: c.as });
    assert.equal(res.statusCode, 409, `${c.url} ${res.body}`);
    assert.equal(res.json().code, 'session_closed');
  }
  // After closing everyone who may read the session sees the scores; minutes and sheets print.
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}/items/${itemId}/scores`, council.members[0])).items.length, council.all.length);
  const minutes = await t.call({ url: `/api/v1/sessions/${s.id}/minutes.pdf`, as: council.secretary });
  assert.equal(minutes.statusCode, 200);
  assert.equal(minutes.rawPayload.subarray(0, 5).toString(), '%PDF-');
  const sheet = await t.call({ url: `/api/v1/sessions/${s.id}/items/${itemId}/members/${council.chair.user.id}/sheet.pdf`, as: council.chair });
  assert.equal(sheet.statusCode, 200);
  assert.equal(totalOf(answers), closed.items[0].result.mean);
});

test('a conflicted member is refused; likely conflicts are suggested from the registry', async () => {
  const answers = answersAround(74);
  const d = await dossierAtAdvisory(w, answers, 'Mật ong xung đột');
  const council = await provincialCouncil(w, 3);
  // A member whose account sits in the entity's commune: suggested, not yet refused.
  const neighbour = await t.user('council', { communeCode: '00769' });
  await ok(w, 'POST', `/councils/${council.id}/members`, w.province, { userId: neighbour.user.id, role: 'member' });
  const s = await openSessionWith(w, council, [d.id]);
  const suggestions = await ok(w, 'GET', `/councils/${council.id}/conflicts`, w.province);
  assert.ok(suggestions.items.some((c: { userId: string; kind: string }) => c.userId === neighbour.user.id && c.kind === 'same_commune'));
  // A member declares a conflict with the entity: refused from then on.
  const [a] = council.members;
  await ok(w, 'POST', `/councils/${council.id}/conflicts`, a, { userId: a.user.id, entityId: w.entityId, reason: 'Người thân là thành viên HTX' });
  const refused = await t.call({ method: 'PUT', url: `/api/v1/sessions/${s.id}/items/${s.items[0].id}/score`, body: { answers, submit: true }, as: a });
  assert.equal(refused.statusCode, 403);
  assert.equal(refused.json().code, 'conflict_of_interest');
  // Everybody counts the conflicted member out of those expected to score, the office (not a member) too.
  const byOffice = await ok(w, 'GET', `/sessions/${s.id}`, w.province);
  const byMember = await ok(w, 'GET', `/sessions/${s.id}`, council.members[1]);
  assert.equal(byOffice.items[0].expectedCount, byMember.items[0].expectedCount);
  assert.equal((await ok(w, 'GET', `/sessions/${s.id}`, a)).items[0].conflicted, true);
  // Another member may not declare for someone else; the office may.
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/councils/${council.id}/conflicts`, body: { userId: council.members[1].user.id, entityId: w.entityId, reason: 'x' }, as: council.members[2] })).statusCode, 403);
  // The session closes without the conflicted member's score.
  for (const m of [council.chair, council.members[1], council.members[2]]) await submitScore(w, s.id, s.items[0].id, m, answers);
  const closed = await ok(w, 'POST', `/sessions/${s.id}/close`, w.province, { version: s.version });
  assert.equal(closed.items[0].result.members, 3);
});

test('opening needs the quorum (75 % with the chair); members come from the council\'s province', async () => {
  const d = await dossierAtAdvisory(w, answersAround(70), 'Mật ong túc số');
  const council = await provincialCouncil(w, 3); // chair + 3 members + secretary = 5 council members
  let s = await ok(w, 'POST', `/councils/${council.id}/sessions`, w.province, { title: 'Phiên thử túc số', scheduledOn: today() });
  s = await ok(w, 'POST', `/sessions/${s.id}/items`, w.province, { dossierId: d.id, version: d.version });
  const noChair = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/open`, body: { present: [...council.members, council.secretary].map((m) => m.user.id), version: s.version }, as: w.province });
  assert.equal(noChair.statusCode, 409);
  assert.equal(noChair.json().code, 'quorum_not_met');
  const few = await t.call({ method: 'POST', url: `/api/v1/sessions/${s.id}/open`, body: { present: [council.chair, council.members[0], council.members[1]].map((m) => m.user.id), version: s.version }, as: w.province });
  assert.equal(few.statusCode, 409); // 3 of 5 < 75 %
  const opened = await ok(w, 'POST', `/sessions/${s.id}/open`, w.province, { present: [council.chair, ...council.members].map((m) => m.user.id), version: s.version });
  assert.equal(opened.quorum.met, true);
  assert.equal(opened.quorum.required, 4);
  // An account from another province cannot join; a second chair is refused; a commune officer cannot run councils.
  const outsider = await t.user('council', { provinceCode: '19' });
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/councils/${council.id}/members`, body: { userId: outsider.user.id }, as: w.province })).statusCode, 400);
  const second = await t.user('council', { provinceCode: '08' });
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/councils/${council.id}/members`, body: { userId: second.user.id, role: 'chair' }, as: w.province })).statusCode, 409);
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/councils', body: { level: 'province', provinceCode: '08', name: 'X' }, as: w.commune })).statusCode, 403);
  const otherProvince = await t.user('province', { provinceCode: '19' });
  assert.equal((await t.call({ url: `/api/v1/councils/${council.id}`, as: otherProvince })).statusCode, 404);
  // Settings come from the rules data and can be changed per council.
  const c = await ok(w, 'GET', `/councils/${council.id}`, w.province);
  assert.equal(c.settings.maxSpread, 10);
  assert.equal(c.settings.quorumShare, 0.75);
  const changed = await ok(w, 'PATCH', `/councils/${council.id}`, w.province, { settings: { maxSpread: 8 }, version: c.version });
  assert.equal(changed.settings.maxSpread, 8);
  assert.equal(changed.settings.quorumShare, 0.75);
  assert.equal((await t.call({ method: 'PATCH', url: `/api/v1/councils/${council.id}`, body: { settings: { maxSpread: 1000 }, version: changed.version }, as: w.province })).statusCode, 400);
});

test('precedents are searchable without diacritics and reusable across products', async () => {
  const council = await provincialCouncil(w, 1);
  const p = await ok(w, 'POST', '/precedents', council.chair, { councilId: council.id, sheet: 4, criterionCode: '1.1', title: 'Mật ong từ đàn ong di cư', body: 'Hội đồng coi đàn ong nuôi di cư trong tỉnh là nguyên liệu địa phương.' });
  assert.ok(p.id);
  const found = await ok(w, 'GET', '/precedents?q=dan%20ong%20di%20cu', council.members[0]);
  assert.ok(found.items.some((x: { id: string }) => x.id === p.id));
  const bySheet = await ok(w, 'GET', '/precedents?sheet=4&criterion=1.1', w.province);
  assert.ok(bySheet.items.some((x: { id: string }) => x.id === p.id));
  assert.equal((await t.call({ method: 'POST', url: '/api/v1/precedents', body: { sheet: 4, criterionCode: '77.7', title: 'x', body: 'y' }, as: council.chair })).statusCode, 400);
  assert.equal((await t.call({ url: '/api/v1/precedents', as: w.entity })).statusCode, 403);
});

test('per-criterion notes between the council and the entity', async () => {
  const d = await dossierAtAdvisory(w, answersAround(70), 'Mật ong ghi chú');
  const council = await provincialCouncil(w, 1);
  await ok(w, 'POST', `/dossiers/${d.id}/notes`, council.chair, { criterionCode: '4.1', body: 'Đề nghị bổ sung hợp đồng phân phối' });
  await ok(w, 'POST', `/dossiers/${d.id}/notes`, w.entity, { criterionCode: '4.1', body: 'Đã bổ sung hợp đồng với siêu thị' });
  const notes = await ok(w, 'GET', `/dossiers/${d.id}/notes`, w.entity);
  assert.deepEqual(notes.items.map((n: { side: string }) => n.side), ['council', 'entity']);
  assert.equal((await t.call({ method: 'POST', url: `/api/v1/dossiers/${d.id}/notes`, body: { criterionCode: '99', body: 'x' }, as: w.entity })).statusCode, 400);
});
