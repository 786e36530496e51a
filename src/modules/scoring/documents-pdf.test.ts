// Every PDF the system prints, read back as text (Nghị định 30/2020/NĐ-CP layout; issue 10 item 7): Mẫu 01, 02, 03,
// the council's minutes, a member's sheet and the certificate, on demo-like data — an "Đ" in every name, full unit
// names from the database ("Tỉnh Tuyên Quang", "Xã Mèo Vạc") and a street address that already names its commune,
// as the demo seed writes it. One dossier taken to its certificate through the real API serves all six.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { entityBody, MEO_VAC, testApp, type TestApp } from '../../../test/harness.js';
import { assertAdministrativePdf, fileNameOf } from '../../../test/pdf-text.js';
import { answersAround, dossierAtAdvisory, ok, openSessionWith, provincialCouncil, submitScore, today, world, type Council, type World } from './scoring.fixtures.js';

let t: TestApp;
let w: World;
let council: Council;
let d: { id: string; number: string; certificateNumber: string };
let session: { id: string; items: { id: string }[] };

before(async () => {
  t = await testApp();
  const base = await world(t);
  const res = await t.call({
    method: 'POST', url: '/api/v1/entities', as: base.commune,
    body: entityBody(MEO_VAC, { name: 'HTX Đặc sản Đồng Văn', address: 'Thôn Đông Tả Chải, Xã Mèo Vạc', representative: { fullName: 'Đỗ Văn Đức', sex: 'male', ethnicity: 'Mông', disability: false } }),
  });
  assert.equal(res.statusCode, 201, res.body);
  const entityId = res.json().id as string;
  w = { ...base, entityId, entity: await t.user('entity', { entityId }) };
  const answers = answersAround(78);
  const filed = await dossierAtAdvisory(w, answers, 'Mật ong hoa Đào Đồng Văn');
  council = await provincialCouncil(w);
  await ok(w, 'PUT', `/dossiers/${filed.id}/advisory-review`, council.advisory, { fieldVisit: { on: today(), findings: 'Đúng như hồ sơ' }, extraTests: [], answers, report: 'Đề nghị Hội đồng chấm điểm', version: filed.version });
  session = await openSessionWith(w, council, [filed.id]);
  for (const m of council.all) await submitScore(w, session.id, session.items[0].id, m, answers);
  const s = await ok(w, 'GET', `/sessions/${session.id}`, w.province);
  await ok(w, 'POST', `/sessions/${session.id}/close`, w.province, { version: s.version });
  const scored = await ok(w, 'GET', `/dossiers/${filed.id}`, w.province);
  d = await ok(w, 'POST', `/dossiers/${filed.id}/decide`, w.province, { decisionNumber: '123/QĐ-UBND', decisionDate: today(), version: scored.version });
  assert.ok(d.certificateNumber);
});
after(() => t.close());

const ADDRESS = 'Địa chỉ: Thôn Đông Tả Chải, Xã Mèo Vạc, tỉnh Tuyên Quang';

test('Mẫu 01, 02 and 03: the commune as place, units and the commune once, sex as a value, mau-0x-… file names', async () => {
  const get = (f: string) => t.call({ url: `/api/v1/dossiers/${d.id}/forms/${f}.pdf`, as: w.entity });
  const number = d.number.replace('/PĐK-', '-PDK-');
  assert.match(number, /^\d{3}-PDK-08-00769-\d{4}$/);

  const r01 = await get('01');
  assert.equal(fileNameOf(r01), `mau-01-${number}.pdf`);
  const f01 = assertAdministrativePdf(r01, { motto: true, place: 'Mèo Vạc' });
  for (const s of ['của tỉnh Tuyên Quang năm', 'Tên đơn vị: HTX Đặc sản Đồng Văn', 'Địa chỉ liên hệ: Thôn Đông Tả Chải, Xã Mèo Vạc, tỉnh Tuyên Quang', `Phiếu số: ${d.number}`]) assert.ok(f01.flat.includes(s), `Mẫu 01 has "${s}"`);

  const r02 = await get('02');
  assert.equal(fileNameOf(r02), `mau-02-${number}.pdf`);
  const f02 = assertAdministrativePdf(r02, { motto: false, place: 'Mèo Vạc' });
  for (const s of [ADDRESS, 'Giới tính: Nam; Dân tộc: Mông', 'Họ tên: Đỗ Văn Đức']) assert.ok(f02.flat.includes(s), `Mẫu 02 has "${s}"`);

  const r03 = await get('03');
  assert.equal(fileNameOf(r03), `mau-03-${number}.pdf`);
  const f03 = assertAdministrativePdf(r03, { motto: true, place: 'Mèo Vạc' });
  for (const s of [ADDRESS, 'Giới tính: Nam; Dân tộc: Mông', 'Ủy ban nhân dân xã Mèo Vạc đề nghị Ủy ban nhân dân tỉnh Tuyên Quang', 'TM. ỦY BAN NHÂN DÂN XÃ MÈO VẠC']) assert.ok(f03.flat.includes(s), `Mẫu 03 has "${s}"`);
  // The issuing body on the left, the motto on the right, on the same lines.
  assert.match(f03.text, /ỦY BAN NHÂN DÂN +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  assert.match(f03.text, /XÃ MÈO VẠC +Độc lập - Tự do - Hạnh phúc/);
  for (const f of [f01, f02, f03]) assert.ok(!/Mèo Vạc[^\n]*Mèo Vạc/.test(f.text.split('\n').filter((l) => l.includes('Địa chỉ')).join('\n')), 'the commune once in an address');
});

test('the minutes and a member\'s sheet: the council\'s province as place, the address once, meaningful file names', async () => {
  const minutes = await t.call({ url: `/api/v1/sessions/${session.id}/minutes.pdf`, as: council.secretary });
  assert.equal(fileNameOf(minutes), `bien-ban-phien-hop-dot-1-${today()}.pdf`);
  const m = assertAdministrativePdf(minutes, { motto: true, place: 'Tuyên Quang' });
  // The province's committee above the council, the issuing body on the left, beside the motto.
  assert.match(m.text, /^\s*ỦY BAN NHÂN DÂN TỈNH[^\n]* {2,}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/m);
  assert.match(m.text, /^\s*HỘI ĐỒNG ĐÁNH GIÁ/m);
  assert.match(m.flat, /kết thúc lúc \d{2} giờ \d{2}, ngày \d{2} tháng \d{1,2} năm \d{4}/);

  const sheet = await t.call({ url: `/api/v1/sessions/${session.id}/items/${session.items[0].id}/members/${council.chair.user.id}/sheet.pdf`, as: council.chair });
  // The product code, then the member's name without marks.
  assert.match(fileNameOf(sheet), /^phieu-cham-08-00769-[\w-]+\.pdf$/);
  const s = assertAdministrativePdf(sheet, { motto: false, place: 'Tuyên Quang' });
  assert.ok(s.flat.includes(ADDRESS), s.flat.slice(0, 600));
});

test('the certificate: issuer and motto on one line each, the date in words, giay-chung-nhan-… file name', async () => {
  const res = await t.call({ url: `/api/v1/certificates/${encodeURIComponent(d.certificateNumber)}/pdf` });
  assert.equal(fileNameOf(res), `giay-chung-nhan-${d.certificateNumber}.pdf`);
  const c = assertAdministrativePdf(res, { motto: true, place: 'Tuyên Quang' });
  assert.match(c.text, /ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG +CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
  for (const s of ['Mật ong hoa Đào Đồng Văn', 'Chủ thể: HTX Đặc sản Đồng Văn', 'Căn cứ Quyết định số 123/QĐ-UBND ngày', 'của UBND tỉnh Tuyên Quang']) assert.ok(c.flat.includes(s), `certificate has "${s}"`);
});
