// Who is refused on every scoring route: the public where a login is required, and users outside the scope — another
// province, another commune, another entity — or in the scope with the wrong role. Scope misses answer 404 (the
// record is as unknown as a missing one), a wrong role 403, the public 401, and a refused call writes nothing. A role
// the route's access declaration does not list gets its 403 before anything is loaded, whatever the scope.
// The last test reads the OpenAPI document, so a scoring route added without a case here fails it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query } from '../../app/db.js';
import { entityBody, MEO_VAC, TAN_CUONG, testApp, type Session, type TestApp } from '../../../test/harness.js';
import { issueCertificate } from './commands/issue-certificate.js';
import { vnDate } from './deadlines.rules.js';
import { REVOCATION_GROUNDS } from './rules.data.js';
import { answersAround, dossierAtAdvisory, newProduct, ok, openSessionWith, provincialCouncil, REVIEW, submitScore, today, world, type Council, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;

/** The people who must be refused. Tuyên Quang (08) owns everything below; Thái Nguyên (19) is the other province. */
type Who = 'anon' | 'province19' | 'commune19' | 'council19' | 'advisory19' | 'otherCommune' | 'stranger' | 'centralMember' | 'inspector'
  | 'commune' | 'province' | 'entity' | 'chair' | 'member' | 'secretary' | 'advisory';
let people: Record<Who, Session | undefined>;

/** The records the calls aim at, each at a stage where its own people could act on it. */
let rec: {
  draft: { id: string; version: number }; submitted: { id: string; version: number; fileId: string; condition: string };
  forwarded: { id: string; version: number }; advisory: { id: string; version: number }; waiting: { id: string; version: number };
  council: Council; sessionId: string; sessionVersion: number; itemId: string; scoreId: string; memberId: string; certificate: string; productId: string;
};

before(async () => {
  t = await testApp();
  w = await world(t);
  const strangerEntity = await ok(w, 'POST', '/entities', w.commune, entityBody(MEO_VAC, { name: 'HTX Chè Shan tuyết Mèo Vạc' }));

  // A draft, a submitted dossier with evidence and a note, a forwarded one, two at the advisory review.
  const draft = await ok(w, 'POST', '/dossiers', w.entity, { productId: await newProduct(w, 'Mật ong nháp'), type: 'first' });
  let submitted = await ok(w, 'POST', '/dossiers', w.entity, { productId: await newProduct(w, 'Mật ong đã nộp'), type: 'first', answers: answersAround(70) });
  const file = await upload(submitted.id, w.entity);
  assert.equal(file.statusCode, 201, file.body);
  submitted = await ok(w, 'POST', `/dossiers/${submitted.id}/submit`, w.entity, { version: submitted.version });
  await ok(w, 'POST', `/dossiers/${submitted.id}/notes`, w.entity, { criterionCode: '1.1', body: 'Đàn ong nuôi tại xã' });
  let forwarded = await ok(w, 'POST', '/dossiers', w.entity, { productId: await newProduct(w, 'Mật ong chuyển tỉnh'), type: 'first' });
  forwarded = await ok(w, 'POST', `/dossiers/${forwarded.id}/submit`, w.entity, { version: forwarded.version });
  forwarded = await ok(w, 'PUT', `/dossiers/${forwarded.id}/commune-review`, w.commune, { items: REVIEW, version: forwarded.version });
  forwarded = await ok(w, 'POST', `/dossiers/${forwarded.id}/forward`, w.commune, { version: forwarded.version });
  const advisory = await dossierAtAdvisory(w, answersAround(75), 'Mật ong phiên họp');
  const waiting = await dossierAtAdvisory(w, answersAround(75), 'Mật ong chờ xếp lịch');

  // A provincial council in session on one of them; the chair has scored.
  const council = await provincialCouncil(w);
  const session = await openSessionWith(w, council, [advisory.id]);
  const itemId = session.items[0].id;
  await submitScore(w, session.id, itemId, council.chair, answersAround(75));
  const scores = await ok(w, 'GET', `/sessions/${session.id}/items/${itemId}/scores`, council.chair);
  const members = (await ok(w, 'GET', `/councils/${council.id}`, w.province)).members as { id: string; userId: string }[];

  // A 4★ certificate of the province (issued by the real command, as the province office).
  const productId = await newProduct(w, 'Mật ong đã công nhận');
  const office: UserActor = { kind: 'user', id: w.province.user.id, role: 'province', provinceCode: '08', communeCode: null, entityId: null, via: 'session' };
  const cert = await t.database.db.transaction((tx) => issueCertificate({ actor: office, tx, log: console as never, now: new Date() }, { productId, stars: 4, kind: 'first', decisionNumber: '21/QĐ-UBND', decidedOn: today() }));

  rec = {
    draft, submitted: { id: submitted.id, version: submitted.version, fileId: file.json().id, condition: submitted.rejectionConditions[0] },
    forwarded, advisory: (await ok(w, 'GET', `/dossiers/${advisory.id}`, w.province)), waiting,
    council, sessionId: session.id, sessionVersion: session.version, itemId, scoreId: scores.items[0].id,
    memberId: members.find((m) => m.userId === council.members[0].user.id)!.id, certificate: cert.number, productId,
  };
  people = {
    anon: undefined,
    province19: await t.user('province', { provinceCode: '19' }),
    commune19: await t.user('commune', { communeCode: TAN_CUONG }),
    council19: await t.user('council', { provinceCode: '19' }),
    advisory19: await t.user('advisory', { provinceCode: '19' }),
    otherCommune: w.otherCommune,
    stranger: await t.user('entity', { entityId: strangerEntity.id }),
    centralMember: await t.user('council'),
    inspector: await t.user('inspector', { provinceCode: '08' }),
    commune: w.commune, province: w.province, entity: w.entity,
    chair: council.chair, member: council.members[0], secretary: council.secretary, advisory: council.advisory,
  };
});
after(() => t.close());

/** A PDF uploaded as evidence for criterion 1.1 (multipart, as the web app sends it). */
function upload(dossierId: string, as: Session | undefined) {
  const boundary = 'ScopeTest';
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="criterionCode"\r\n\r\n1.1\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="hop-dong.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  const auth = as ? { cookie: as.cookie, 'x-csrf-token': as.csrf } : {};
  return t.app.inject({ method: 'POST', url: `/api/v1/dossiers/${dossierId}/files`, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, ...auth } });
}

/** One refused call: the route as OpenAPI names it, the concrete URL and body, who calls, what they must get. */
type Case = { route: string; url: string; body?: Record<string, unknown>; who: Who; status: 401 | 403 | 404 | 400; code?: string; multipart?: true };

/** Builds the cases of one route: `refusals` maps each caller to the status (and optionally the code) they must get. */
function route(route: string, url: string, body: Record<string, unknown> | undefined, refusals: Partial<Record<Who, number | [number, string]>>): Case[] {
  return Object.entries(refusals).map(([who, expected]) => {
    const [status, code] = Array.isArray(expected) ? expected : [expected, undefined];
    return { route, url, body, who: who as Who, status: status as Case['status'], code };
  });
}

/** The rows a refused call must not have touched: every audit row, and every version and row count of the module. */
async function footprint() {
  const [row] = await query<Record<string, string>>(t.database.db, sql`SELECT
    (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM outbox) AS outbox,
    (SELECT coalesce(sum(version), 0) FROM dossier) AS dossiers, (SELECT count(*) FROM dossier) AS dossier_rows,
    (SELECT count(*) FROM dossier_file) AS files, (SELECT count(*) FROM criterion_note) AS notes,
    (SELECT coalesce(sum(version), 0) FROM council) AS councils, (SELECT count(*) FROM council) AS council_rows,
    (SELECT count(*) FROM council_member) AS members, (SELECT count(*) FILTER (WHERE active) FROM council_member) AS active_members,
    (SELECT count(*) FROM conflict_declaration) AS conflicts, (SELECT count(*) FROM precedent) AS precedents,
    (SELECT coalesce(sum(version), 0) FROM council_session) AS sessions, (SELECT count(*) FROM council_session) AS session_rows,
    (SELECT count(*) FROM session_item) AS items, (SELECT coalesce(sum(version), 0) FROM member_score) AS scores,
    (SELECT count(*) FROM score_revision) AS revisions, (SELECT coalesce(sum(version), 0) FROM certificate) AS certificates,
    (SELECT count(*) FROM certificate_import) AS imports`);
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)]));
}

/** Runs the cases and lists every one that was not refused as expected (all at once, so one run shows them all). */
async function run(cases: Case[]) {
  const wrong: string[] = [];
  for (const c of cases) {
    const as = people[c.who];
    const res = c.multipart ? await upload(c.url.split('/')[2], as) : await t.call({ method: c.route.split(' ')[0] as never, url: `/api/v1${c.url}`, body: c.body, as });
    const problem = /application\/problem\+json/.test(String(res.headers['content-type']));
    const code = problem ? res.json().code : undefined;
    if (res.statusCode !== c.status || !problem || (c.code && code !== c.code)) {
      wrong.push(`${c.route} as ${c.who}: expected ${c.status}${c.code ? ` ${c.code}` : ''}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
  }
  return wrong;
}

async function assertRefused(cases: Case[]) {
  const before_ = await footprint();
  const wrong = await run(cases);
  assert.deepEqual(wrong, [], `\n${wrong.join('\n')}`);
  assert.deepEqual(await footprint(), before_, 'a refused call wrote something');
}

const allCases: Case[] = [];
const record = (cases: Case[]) => { allCases.push(...cases); return cases; };

function dossierCases(): Case[] {
  const { draft, submitted: sub, forwarded: fwd, advisory: adv } = rec;
  // Inspectors read no dossier: the routes do not declare their role.
  const outsiders = { province19: 404, commune19: 404, council19: 404, otherCommune: 404, stranger: 404, centralMember: 404, inspector: 403 } as const;
  return [
    ...route('GET /dossiers', '/dossiers', undefined, { anon: 401 }),
    // Only producers open dossiers; another producer learns nothing of the product either.
    ...route('POST /dossiers', '/dossiers', { productId: rec.productId, type: 'first' }, { anon: 401, stranger: 403, commune: 403, province19: 403 }),
    ...route('GET /dossiers/{id}', `/dossiers/${sub.id}`, undefined, { anon: 401, ...outsiders }),
    // A draft is the entity's alone: its own commune and province do not see it yet.
    ...route('GET /dossiers/{id}', `/dossiers/${draft.id}`, undefined, { commune: 404, province: 404, stranger: 404 }),
    ...route('PATCH /dossiers/{id}', `/dossiers/${draft.id}`, { answers: {}, version: draft.version }, { anon: 401, stranger: 404, commune: 403, province: 403 }),
    ...route('PATCH /dossiers/{id}', `/dossiers/${sub.id}`, { answers: {}, version: sub.version }, { commune: 403, otherCommune: 403, province19: 403 }),
    ...route('POST /dossiers/{id}/submit', `/dossiers/${draft.id}/submit`, { version: draft.version }, { anon: 401, stranger: 404, commune: 403, province19: 403 }),
    ...route('PUT /dossiers/{id}/commune-review', `/dossiers/${sub.id}/commune-review`, { items: REVIEW, version: sub.version }, { anon: 401, otherCommune: 404, commune19: 404, province19: 403, stranger: 403, province: 403, entity: 403 }),
    ...route('POST /dossiers/{id}/forward', `/dossiers/${sub.id}/forward`, { version: sub.version }, { anon: 401, otherCommune: 404, commune19: 404, stranger: 403, province: 403 }),
    ...route('POST /dossiers/{id}/return', `/dossiers/${fwd.id}/return`, { reasons: ['Thiếu phiếu kiểm nghiệm'], version: fwd.version }, { anon: 401, province19: 404, otherCommune: 404, stranger: 403, council19: 403, entity: 403 }),
    ...route('POST /dossiers/{id}/reject', `/dossiers/${sub.id}/reject`, { condition: sub.condition, version: sub.version }, { anon: 401, otherCommune: 404, commune19: 404, province19: 404, stranger: 403, inspector: 403, entity: 403 }),
    ...route('POST /dossiers/{id}/accept', `/dossiers/${fwd.id}/accept`, { version: fwd.version }, { anon: 401, province19: 404, council19: 403, centralMember: 403, stranger: 403, commune: 403, entity: 403 }),
    ...route('PUT /dossiers/{id}/advisory-review', `/dossiers/${adv.id}/advisory-review`, { report: 'Đề nghị chấm điểm', version: adv.version }, { anon: 401, advisory19: 404, council19: 403, province19: 404, otherCommune: 403, stranger: 403, centralMember: 403 }),
    ...route('POST /dossiers/{id}/decide', `/dossiers/${fwd.id}/decide`, { decisionNumber: '9/QĐ-UBND', decisionDate: today(), version: fwd.version }, { anon: 401, province19: 404, centralMember: 403, stranger: 403, commune: 403, entity: 403 }),
    { route: 'POST /dossiers/{id}/files', url: `/dossiers/${draft.id}/files`, who: 'anon', status: 401, multipart: true },
    { route: 'POST /dossiers/{id}/files', url: `/dossiers/${draft.id}/files`, who: 'stranger', status: 404, multipart: true },
    { route: 'POST /dossiers/{id}/files', url: `/dossiers/${draft.id}/files`, who: 'commune', status: 403, multipart: true },
    { route: 'POST /dossiers/{id}/files', url: `/dossiers/${sub.id}/files`, who: 'commune', status: 403, multipart: true },
    { route: 'POST /dossiers/{id}/files', url: `/dossiers/${sub.id}/files`, who: 'province19', status: 403, multipart: true },
    ...route('GET /dossiers/{id}/files/{fileId}', `/dossiers/${sub.id}/files/${sub.fileId}`, undefined, { anon: 401, ...outsiders }),
    ...route('GET /dossiers/{id}/submissions/{seq}', `/dossiers/${sub.id}/submissions/1`, undefined, { anon: 401, ...outsiders }),
    ...route('GET /dossiers/{id}/notes', `/dossiers/${sub.id}/notes`, undefined, { anon: 401, ...outsiders }),
    ...route('POST /dossiers/{id}/notes', `/dossiers/${sub.id}/notes`, { criterionCode: '1.1', body: 'Ghi chú từ ngoài phạm vi' }, { anon: 401, ...outsiders }),
    ...route('GET /dossiers/{id}/history', `/dossiers/${sub.id}/history`, undefined, { anon: 401, ...outsiders }),
    ...route('GET /dossiers/{id}/forms/{form}', `/dossiers/${sub.id}/forms/02.pdf`, undefined, { anon: 401, ...outsiders }),
  ];
}

function councilCases(): Case[] {
  const c = rec.council;
  const body = { userId: people.council19!.user.id };
  return [
    ...route('GET /councils', '/councils', undefined, { anon: 401 }),
    ...route('GET /councils/settings-defaults', '/councils/settings-defaults', undefined, { anon: 401, entity: 403, commune: 403 }),
    ...route('POST /councils', '/councils', { level: 'province', provinceCode: '08', name: 'Hội đồng lạ' }, { anon: 401, province19: 403, commune: 403, chair: 403, inspector: 403 }),
    ...route('POST /councils', '/councils', { level: 'central', name: 'Hội đồng trung ương lạ' }, { province: 403, centralMember: 403 }),
    // Only offices and council people (members of either team) are declared on council routes: others get 403 at once.
    ...route('GET /councils/{id}', `/councils/${c.id}`, undefined, { anon: 401, province19: 404, council19: 404, commune: 403, stranger: 403, inspector: 403, centralMember: 404 }),
    ...route('PATCH /councils/{id}', `/councils/${c.id}`, { name: 'Đổi tên', version: 1 }, { anon: 401, province19: 404, council19: 403, commune: 403, chair: 403, member: 403, secretary: 403 }),
    ...route('POST /councils/{id}/members', `/councils/${c.id}/members`, body, { anon: 401, province19: 404, council19: 403, commune: 403, chair: 403, secretary: 403 }),
    ...route('PATCH /councils/{id}/members/{memberId}', `/councils/${c.id}/members/${rec.memberId}`, { active: false }, { anon: 401, province19: 404, council19: 403, commune: 403, chair: 403, member: 403 }),
    ...route('POST /councils/{id}/conflicts', `/councils/${c.id}/conflicts`, { userId: c.members[0].user.id, entityId: w.entityId, reason: 'Người thân' }, { anon: 401, province19: 404, council19: 404, commune: 403, stranger: 403, chair: 403 }),
    ...route('GET /councils/{id}/conflicts', `/councils/${c.id}/conflicts`, undefined, { anon: 401, province19: 404, council19: 404, commune: 403, stranger: 403 }),
    ...route('GET /precedents', '/precedents', undefined, { anon: 401, commune: 403, entity: 403, inspector: 403 }),
    ...route('POST /precedents', '/precedents', { councilId: c.id, sheet: 4, criterionCode: '1.1', title: 'Cách hiểu tiêu chí', body: 'Nội dung' }, { anon: 401, entity: 403, commune: 403, inspector: 403, council19: 404, province19: 404 }),
  ];
}

function sessionCases(): Case[] {
  const c = rec.council;
  const s = `/sessions/${rec.sessionId}`;
  const item = `${s}/items/${rec.itemId}`;
  // Council people of another province (or the central council) are outside the scope (404); the roles no session
  // route declares — communes, producers, inspectors — are refused at once (403), as are those a route does not list.
  const outsiders = { province19: 404, council19: 404, advisory19: 404, commune: 403, stranger: 403, inspector: 403, centralMember: 404 } as const;
  const notRunners = { ...outsiders, advisory19: 403 } as const; // runners: the offices, the chair and the secretary
  const notScorers = { ...outsiders, province19: 403, advisory19: 403 } as const; // scorers: council members
  return [
    ...route('GET /councils/{id}/sessions', `/councils/${c.id}/sessions`, undefined, { anon: 401, ...outsiders }),
    ...route('POST /councils/{id}/sessions', `/councils/${c.id}/sessions`, { title: 'Phiên lạ', scheduledOn: today() }, { anon: 401, ...notRunners, member: 403, advisory: 403 }),
    ...route('GET /sessions/{id}', s, undefined, { anon: 401, ...outsiders }),
    ...route('POST /sessions/{id}/items', `${s}/items`, { dossierId: rec.waiting.id, version: rec.waiting.version }, { anon: 401, ...outsiders, council19: 403, advisory19: 403, centralMember: 403, member: 403, secretary: 403 }),
    ...route('POST /sessions/{id}/open', `${s}/open`, { present: [c.chair.user.id], version: rec.sessionVersion }, { anon: 401, ...notRunners, member: 403, advisory: 403 }),
    ...route('PUT /sessions/{id}/items/{itemId}/score', `${item}/score`, { answers: answersAround(70) }, { anon: 401, ...notScorers, province: 403, advisory: 403, secretary: [403, 'not_a_scoring_member'] }),
    ...route('GET /sessions/{id}/items/{itemId}/scores', `${item}/scores`, undefined, { anon: 401, ...outsiders }),
    ...route('GET /sessions/{id}/items/{itemId}/overview', `${item}/overview`, undefined, { anon: 401, ...outsiders, member: [403, 'submit_your_score_first'], advisory: [403, 'submit_your_score_first'] }),
    ...route('POST /sessions/{id}/items/{itemId}/rescore', `${item}/rescore`, { reason: 'Thảo luận lại' }, { anon: 401, ...notScorers, province: 403, secretary: [403, 'chair_only'], member: [403, 'chair_only'] }),
    ...route('POST /sessions/{id}/convert-to-meeting', `${s}/convert-to-meeting`, { present: [c.chair.user.id], version: rec.sessionVersion }, { anon: 401, ...notRunners }),
    ...route('POST /sessions/{id}/close', `${s}/close`, { version: rec.sessionVersion }, { anon: 401, ...notRunners, member: 403, advisory: 403 }),
    ...route('GET /scores/{id}/revisions', `/scores/${rec.scoreId}/revisions`, undefined, { anon: 401, ...outsiders, member: 404, advisory: 404 }),
    ...route('GET /sessions/{id}/minutes.pdf', `${s}/minutes.pdf`, undefined, { anon: 401, ...outsiders }),
    ...route('GET /sessions/{id}/items/{itemId}/members/{userId}/sheet.pdf', `${item}/members/${c.chair.user.id}/sheet.pdf`, undefined, { anon: 401, ...outsiders, member: 404, advisory: 404 }),
  ];
}

function certificateCases(): Case[] {
  const n = encodeURIComponent(rec.certificate);
  const revoke = { ground: REVOCATION_GROUNDS[0], decisionNumber: '5/QĐ-UBND', decidedOn: vnDate(new Date()), groundFoundOn: vnDate(new Date()) };
  return [
    ...route('GET /certificates/reminders', '/certificates/reminders', undefined, { anon: 401, commune: 403, entity: 403, inspector: 403, council19: 403 }),
    ...route('GET /certificates/reminders', '/certificates/reminders?province=08', undefined, { province19: 403 }),
    ...route('GET /certificates/{number}/actions', `/certificates/${n}/actions`, undefined, { anon: 401 }),
    ...route('GET /certificates/revocations/late', '/certificates/revocations/late', undefined, { anon: 401, commune: 403, entity: 403, council19: 403 }),
    ...route('GET /certificates/revocations/late', '/certificates/revocations/late?province=08', undefined, { province19: 403 }),
    ...route('POST /certificates/{number}/revoke', `/certificates/${n}/revoke`, revoke, { anon: 401, province19: 403, commune: 403, inspector: 403, entity: 403, centralMember: 403 }),
    ...route('POST /certificates/import/preview', '/certificates/import/preview', undefined, { anon: 401, commune: 403, entity: 403, inspector: 403, council19: 403 }),
    ...route('POST /certificates/import/{id}/commit', '/certificates/import/00000000-0000-4000-8000-000000000000/commit', undefined, { anon: 401, commune: 403, entity: 403, inspector: 403 }),
  ];
}

test('dossiers: the public, other provinces, communes and entities, and the wrong roles are refused; nothing is written', async () => {
  await assertRefused(record(dossierCases()));
});

test('councils: outsiders do not see or run another province\'s council; members do not manage it', async () => {
  await assertRefused(record(councilCases()));
});

test('sessions and scores: outsiders cannot read or act; members act only within their part', async () => {
  await assertRefused(record(sessionCases()));
});

test('certificates: reminders, revocation and the legacy import are refused outside the office\'s scope', async () => {
  await assertRefused(record(certificateCases()));
});

test('lists show outsiders nothing of another scope (dossiers, councils), nor a certificate\'s actions', async () => {
  const ours = [rec.draft.id, rec.submitted.id, rec.forwarded.id, rec.advisory.id, rec.waiting.id];
  for (const who of ['province19', 'commune19', 'council19', 'advisory19', 'otherCommune', 'stranger', 'centralMember', 'inspector'] as const) {
    const dossiers = await ok(w, 'GET', '/dossiers?pageSize=200', people[who]!);
    assert.deepEqual(dossiers.items.filter((d: { id: string }) => ours.includes(d.id)), [], `dossiers seen by ${who}`);
    const councils = await ok(w, 'GET', '/councils', people[who]!);
    assert.deepEqual(councils.items.filter((c: { id: string }) => c.id === rec.council.id), [], `councils seen by ${who}`);
    assert.deepEqual((await ok(w, 'GET', `/certificates/${encodeURIComponent(rec.certificate)}/actions`, people[who]!)).actions, [], `actions offered to ${who}`);
  }
  assert.deepEqual((await ok(w, 'GET', `/certificates/${encodeURIComponent(rec.certificate)}/actions`, w.province)).actions, ['revoke']);
  // The draft stays the entity's own, even in its own commune's and province's lists.
  for (const who of ['commune', 'province'] as const) {
    const list = await ok(w, 'GET', '/dossiers?pageSize=200', people[who]!);
    assert.ok(!list.items.some((d: { id: string }) => d.id === rec.draft.id), `draft seen by ${who}`);
    assert.ok(list.items.some((d: { id: string }) => d.id === rec.submitted.id), `${who} sees the submitted dossier`);
  }
});

// The public's part of scoring: the register and verification of certificates, the score sheets and the self-check.
const PUBLIC_ROUTES = new Set([
  'GET /certificates', 'GET /certificates/{number}/verify', 'GET /certificates/{number}/pdf', 'GET /certificates/revocation-grounds',
  'GET /score-sheets', 'GET /score-sheets/{number}', 'POST /score-sheets/{number}/evaluate',
]);
// Routes that answer an outsider with less rather than a refusal: the lists test above covers them.
const FILTERED_ROUTES = new Set(['GET /dossiers', 'GET /councils', 'GET /certificates/{number}/actions']);

test('every scoring route is either public or has refusals here, the public\'s among them', async () => {
  const doc = (await t.call({ url: '/api/openapi.json' })).json();
  const cases = allCases.length ? allCases : [...dossierCases(), ...councilCases(), ...sessionCases(), ...certificateCases()];
  const missing: string[] = [];
  for (const [path, ops] of Object.entries<Record<string, { tags?: string[] }>>(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (!op.tags?.some((tag) => ['dossiers', 'councils', 'certificates', 'scoring'].includes(tag))) continue;
      const key = `${method.toUpperCase()} ${path.replace(/^\/api\/v1/, '')}`;
      if (PUBLIC_ROUTES.has(key)) continue;
      const mine = cases.filter((c) => c.route === key);
      if (!mine.some((c) => c.who === 'anon')) missing.push(`${key}: no refusal of the public`);
      if (!mine.some((c) => c.who !== 'anon') && !FILTERED_ROUTES.has(key)) missing.push(`${key}: no refusal of a signed-in user`);
    }
  }
  assert.deepEqual(missing, []);
  // And the public routes really are public.
  for (const url of ['/certificates', `/certificates/${encodeURIComponent(rec.certificate)}/verify`, '/certificates/revocation-grounds', '/score-sheets', '/score-sheets/4']) {
    assert.equal((await t.call({ url: `/api/v1${url}` })).statusCode, 200, url);
  }
});
