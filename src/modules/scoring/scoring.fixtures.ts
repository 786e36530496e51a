// Test fixtures for the dossier and council tests, built through the real HTTP API (not a test file itself).
import assert from 'node:assert/strict';
import { entityBody, MEO_VAC, DONG_VAN, type Session, type TestApp } from '../../../test/harness.js';
import { vnDate } from './deadlines.rules.js';
import { answersNear } from './sample-answers.js';
import { scoreAnswers, type Answers } from './scoring.rules.js';
import { getSheet } from './sheets.data.js';

export const SHEET = 4; // Mật ong, mật khác và nông sản thực phẩm khác
export const today = () => vnDate(new Date());

/** Answers on sheet 4 worth about `target` points (see sample-answers.ts). */
export const answersAround = (target: number): Answers => answersNear(getSheet(SHEET)!, target);
export const totalOf = (a: Answers) => scoreAnswers(getSheet(SHEET)!, a).total;

export type World = { t: TestApp; province: Session; commune: Session; otherCommune: Session; entity: Session; entityId: string; central: Session };

export async function world(t: TestApp): Promise<World> {
  const province = await t.user('province', { provinceCode: '08' });
  const commune = await t.user('commune', { communeCode: MEO_VAC });
  const otherCommune = await t.user('commune', { communeCode: DONG_VAN });
  const central = await t.user('central');
  const res = await t.call({ method: 'POST', url: '/api/v1/entities', body: entityBody(MEO_VAC), as: commune });
  assert.equal(res.statusCode, 201, res.body);
  const entityId = res.json().id as string;
  const entity = await t.user('entity', { entityId });
  return { t, province, commune, otherCommune, entity, entityId, central };
}

export async function newProduct(w: World, name = 'Mật ong bạc hà Mèo Vạc') {
  const res = await w.t.call({ method: 'POST', url: '/api/v1/products', body: { entityId: w.entityId, name, productSet: SHEET, status: 'registered' }, as: w.entity });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

export async function ok(w: World, method: 'POST' | 'PUT' | 'PATCH' | 'GET', url: string, as: Session, body?: Record<string, unknown>) {
  const res = await w.t.call({ method, url: `/api/v1${url}`, body, as });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const REVIEW = {
  a: { assessment: 'meets', note: 'Mật ong thu từ đàn ong nội trên địa bàn xã' },
  b: { assessment: 'meets', note: '18/20 lao động là người địa phương' },
  c: { assessment: 'meets', note: 'Sản phẩm truyền thống của đồng bào Mông' },
  d: { assessment: 'partly', note: 'Gắn với hoa bạc hà cao nguyên đá' },
};

/** A dossier taken from creation to the advisory review at the province. */
export async function dossierAtAdvisory(w: World, answers: Answers, productName?: string) {
  const productId = await newProduct(w, productName);
  let d = await ok(w, 'POST', '/dossiers', w.entity, { productId, type: 'first', answers });
  d = await ok(w, 'POST', `/dossiers/${d.id}/submit`, w.entity, { version: d.version });
  d = await ok(w, 'PUT', `/dossiers/${d.id}/commune-review`, w.commune, { items: REVIEW, conclusion: 'Đề nghị đánh giá', signer: 'Giàng A Xã', version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/forward`, w.commune, { version: d.version });
  d = await ok(w, 'POST', `/dossiers/${d.id}/accept`, w.province, { version: d.version });
  assert.equal(d.status, 'advisory_review');
  return d;
}
export { REVIEW };

export type Council = { id: string; chair: Session; members: Session[]; secretary: Session; advisory: Session; all: Session[] };

/** A provincial council of Tuyên Quang: a chair, `n` members, a secretary and one advisory-team member. */
export async function provincialCouncil(w: World, n = 2, settings?: Record<string, unknown>): Promise<Council> {
  // One council in office per province: each test constitutes its own, so the previous one is dissolved first.
  const { items } = await ok(w, 'GET', '/councils', w.province);
  for (const old of items.filter((c: { level: string; provinceCode: string; dissolvedAt: string | null }) => c.level === 'province' && c.provinceCode === '08' && !c.dissolvedAt)) {
    await ok(w, 'PATCH', `/councils/${old.id}`, w.province, { dissolved: true, version: old.version });
  }
  const c = await ok(w, 'POST', '/councils', w.province, { level: 'province', provinceCode: '08', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang', ...(settings ? { settings } : {}) });
  const add = async (role: string, team = 'council') => {
    const s = await w.t.user(team === 'advisory' ? 'advisory' : 'council', { provinceCode: '08' });
    await ok(w, 'POST', `/councils/${c.id}/members`, w.province, { userId: s.user.id, team, role });
    return s;
  };
  const chair = await add('chair');
  const members: Session[] = [];
  for (let i = 0; i < n; i++) members.push(await add('member'));
  const secretary = await add('secretary');
  const advisory = await add('member', 'advisory');
  return { id: c.id, chair, members, secretary, advisory, all: [chair, ...members] };
}

/** A session with the dossiers on its agenda, opened with everyone present. */
export async function openSessionWith(w: World, council: Council, dossierIds: string[], runner: Session = w.province) {
  let s = await ok(w, 'POST', `/councils/${council.id}/sessions`, runner, { title: 'Phiên họp đợt 1', scheduledOn: today(), location: 'Sở Nông nghiệp và Môi trường' });
  for (const id of dossierIds) {
    const d = await ok(w, 'GET', `/dossiers/${id}`, runner);
    s = await ok(w, 'POST', `/sessions/${s.id}/items`, runner, { dossierId: id, version: d.version });
  }
  s = await ok(w, 'POST', `/sessions/${s.id}/open`, runner, { present: [...council.all, council.secretary].map((m) => m.user.id), version: s.version });
  return s;
}

export async function submitScore(w: World, sessionId: string, itemId: string, as: Session, answers: Answers) {
  return ok(w, 'PUT', `/sessions/${sessionId}/items/${itemId}/score`, as, { answers, submit: true });
}
