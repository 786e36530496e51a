// Demo dossiers and councils for Tuyên Quang (08): the provincial council (hoidong@ a member, tuvan@ in the advisory
// team), the central council (trunguong@ its chair), and the demo producer's dossiers at every stage of the procedure,
// with one closed session, one open session with scores, and a 5★ rated by the central council. Everything goes
// through the real commands, acting as the demo accounts, so audit trails, snapshots and certificates are genuine.
import { sql } from 'drizzle-orm';
import type { Ctx, UserActor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { createUser } from '../../modules/accounts/index.js';
import { createProduct } from '../../modules/registry/index.js';
import {
  acceptDossier, addCouncilMember, addSessionItem, closeSession, createCouncil, createDossier, createSession, decideDossier, forwardDossier, openSession,
  recordAdvisoryReview, rejectDossier, returnDossier, reviewDossierAtCommune, saveScore, submitDossier, addPrecedent, answersNear, getSheet, vnDate,
  addDays, addMonths, issueCertificate, recordTransitionFiling,
} from '../../modules/scoring/index.js';

type Account = { id: string; role: UserActor['role']; province_code: string | null; commune_code: string | null; entity_id: string | null };

const REVIEW = {
  a: { assessment: 'meets' as const, note: 'Nguyên liệu thu mua tại các thôn trong xã, có hợp đồng với 32 hộ nuôi ong.' },
  b: { assessment: 'meets' as const, note: '18/20 lao động thường trú tại xã, có danh sách đóng bảo hiểm.' },
  c: { assessment: 'meets' as const, note: 'Sản phẩm truyền thống của đồng bào Mông trên cao nguyên đá.' },
  d: { assessment: 'partly' as const, note: 'Gắn với hoa bạc hà và tri thức nuôi ong nội; bao bì chưa thể hiện rõ bản sắc.' },
};

/** Call inside seedDemo's transaction, after the demo accounts (and certificates) are written. */
export async function seedDemoDossiers(tx: Queryable, now = new Date(), password = 'OcopDemo@2026'): Promise<{ councils: number; dossiers: number; sessions: number }> {
  const log = console as never;
  const accounts = new Map((await query<Account & { email: string }>(tx, sql`
    SELECT id, email, role, province_code, commune_code, entity_id FROM app_user WHERE email LIKE '%@demo.ocop.vn'`)).map((a) => [a.email, a]));
  const as = (a: Account, at = now): Ctx => ({ actor: { kind: 'user', id: a.id, role: a.role, provinceCode: a.province_code, communeCode: a.commune_code, entityId: a.entity_id, via: 'session' }, tx, log, now: at });
  const get = (email: string) => { const a = accounts.get(email); if (!a) throw new Error(`demo account ${email} missing`); return a; };
  const province = get('tinh@demo.ocop.vn'); const commune = get('xa@demo.ocop.vn'); const producer = get('chuthe@demo.ocop.vn');
  const central = get('trunguong@demo.ocop.vn'); const member = get('hoidong@demo.ocop.vn'); const advisor = get('tuvan@demo.ocop.vn');
  const extra = async (email: string, fullName: string, role: 'council', provinceCode: string | null) => {
    const u = await createUser(as(province), { email, fullName, password, role, provinceCode }, { checkPolicy: false, checkPassword: false });
    return { id: u.id, role: u.role, province_code: u.provinceCode, commune_code: u.communeCode, entity_id: null } as Account;
  };

  // ── councils ──
  const chair = await extra('chutich.hoidong@demo.ocop.vn', 'Trần Quốc Chủ (Phó Chủ tịch UBND tỉnh, Chủ tịch Hội đồng)', 'council', '08');
  const member2 = await extra('thanhvien.hoidong@demo.ocop.vn', 'Vũ Thị Thành (Sở Công Thương Tuyên Quang)', 'council', '08');
  const secretary = await extra('thuky.hoidong@demo.ocop.vn', 'Ngô Văn Ký (Thư ký Hội đồng)', 'council', '08');
  const pc = await createCouncil(as(province), { level: 'province', provinceCode: '08', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang' });
  for (const [u, role, team, title] of [[chair, 'chair', 'council', 'Phó Chủ tịch UBND tỉnh'], [member, 'member', 'council', 'Sở Nông nghiệp và Môi trường'], [member2, 'member', 'council', 'Sở Công Thương'],
    [secretary, 'secretary', 'council', 'Văn phòng điều phối OCOP tỉnh'], [advisor, 'member', 'advisory', 'Tổ tư vấn']] as const) {
    await addCouncilMember(as(province), pc.id, { userId: u.id, role, team, title });
  }
  const tw1 = await extra('hoidong.tw1@demo.ocop.vn', 'Đặng Minh Trung (Bộ Công Thương)', 'council', null);
  const tw2 = await extra('hoidong.tw2@demo.ocop.vn', 'Bùi Thu Ương (Bộ Y tế)', 'council', null);
  const cc = await createCouncil(as(central), { level: 'central', name: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp trung ương' });
  for (const [u, role] of [[central, 'chair'], [tw1, 'member'], [tw2, 'member']] as const) await addCouncilMember(as(central), cc.id, { userId: u.id, role, team: 'council' });
  await addPrecedent(as(chair), { councilId: pc.id, sheet: 4, criterionCode: '1.1', title: 'Đàn ong nuôi di cư theo mùa hoa trong tỉnh', body: 'Hội đồng thống nhất: mật ong của đàn ong nuôi di cư theo mùa hoa trong phạm vi tỉnh được coi là nguyên liệu địa phương khi có sổ theo dõi đàn ong.' });

  // ── dossiers: one product per stage ──
  const entityId = producer.entity_id!;
  let n = 0;
  const dossierAt = async (name: string, sheet: number, target: number) => {
    const p = await createProduct(as(producer), { entityId, name, productSet: sheet, status: 'registered', description: `${name}: sản phẩm của HTX Mật ong bạc hà Mèo Vạc.` });
    const answers = answersNear(getSheet(sheet)!, target);
    const d = await createDossier(as(producer), { productId: p.id, type: 'first', answers, selfReport: { history: 'Thành lập năm 2019 từ tổ hợp tác nuôi ong của 12 hộ người Mông.', plan: 'Mở rộng vùng nuôi ong lên 1.500 đàn, đưa sản phẩm vào chuỗi siêu thị.' } });
    n++;
    return { d, answers };
  };
  const step = async <T extends { version: number }>(d: T, f: (v: number) => Promise<T>) => f(d.version);
  const upTo = async (target: 'submitted' | 'commune_reviewed' | 'forwarded' | 'accepted' | 'advisory_review', name: string, sheet: number, score: number) => {
    const x = await dossierAt(name, sheet, score);
    let d = await step(x.d, (v) => submitDossier(as(producer), x.d.id, v));
    if (target === 'submitted') return { d, answers: x.answers };
    d = await step(d, (v) => reviewDossierAtCommune(as(commune), d.id, { items: REVIEW, conclusion: 'Đề nghị UBND tỉnh đánh giá, phân hạng.', signer: 'Giàng A Xã', version: v }));
    if (target === 'commune_reviewed') return { d, answers: x.answers };
    d = await step(d, (v) => forwardDossier(as(commune), d.id, v));
    if (target === 'forwarded') return { d, answers: x.answers };
    d = await step(d, (v) => acceptDossier(as(province), d.id, v));
    if (target === 'accepted') return { d, answers: x.answers };
    d = await step(d, (v) => recordAdvisoryReview(as(advisor), d.id, { fieldVisit: { on: vnDate(now), findings: 'Cơ sở sản xuất đúng như hồ sơ; khu chiết rót sạch sẽ.' }, extraTests: [{ requested: 'Kiểm nghiệm hàm lượng HMF', result: 'Đạt' }], answers: x.answers, report: 'Tổ tư vấn đề nghị Hội đồng chấm điểm.', version: v }));
    return { d, answers: x.answers };
  };

  await dossierAt('Mật ong bạc hà hũ gốm', 4, 68); // draft
  // A registered product with no dossier yet: the producer's "đăng ký đánh giá, phân hạng" starts from here.
  await createProduct(as(producer), { entityId, name: 'Phấn hoa bạc hà Mèo Vạc', productSet: 4, status: 'registered', description: 'Phấn hoa bạc hà do đàn ong nội thu trên cao nguyên đá, sấy lạnh, đóng lọ 200 g.' });
  await upTo('submitted', 'Mật ong hoa cải Mèo Vạc', 4, 62);
  await upTo('commune_reviewed', 'Mật ong hoa ngô cao nguyên đá', 4, 58);
  await upTo('forwarded', 'Mật ong hoa bạc hà rừng', 4, 72);
  const ret = await upTo('forwarded', 'Mật ong bạc hà chai thủy tinh', 4, 66);
  await returnDossier(as(province), ret.d.id, { reasons: ['Thiếu báo cáo tài chính 2 năm gần nhất', 'Phiếu kiểm nghiệm đã hết hạn'], version: ret.d.version });
  const rej = await upTo('submitted', 'Mật ong pha đường', 4, 40);
  await rejectDossier(as(commune), rej.d.id, { condition: getSheet(4)!.rejectionConditions[0], note: 'Hồ sơ khai không đúng nguồn gốc nguyên liệu.', version: rej.d.version });
  await upTo('advisory_review', 'Mật ong bạc hà tổ', 4, 74); // waits for the council
  await upTo('accepted', 'Mật ong bạc hà mùa xuân', 4, 69); // accepted by the office: the advisory team's review is next
  // Điều 12.2: filed on 12/05/2026 under QĐ 148/QĐ-TTg and still pending when QĐ 26 took effect: it must be finished
  // under QĐ 148 within 60 days of 22/05/2026 (its transition deadline shows in the queue and on the dossier).
  const pending = await upTo('forwarded', 'Mật ong bạc hà hồ sơ chuyển tiếp', 4, 70);
  await recordTransitionFiling(as(province), pending.d.id, { filedUnder: 'QĐ 148/QĐ-TTg', filedOn: '2026-05-12' });
  // A re-rating at 36 months waiting for the council, for a session by written opinion (Điều 7 khoản 6 điểm d): the
  // product was certified 150 days short of 36 months ago, so today is inside the filing window (180 → 120 days).
  const rr = await createProduct(as(producer), { entityId, name: 'Mật ong hoa rừng già', productSet: 4, status: 'registered', description: 'Mật ong hoa rừng già: sản phẩm của HTX Mật ong bạc hà Mèo Vạc.' });
  const rrIssued = addDays(addMonths(vnDate(now), -36), 150);
  await issueCertificate(as(province), { productId: rr.id, stars: 4, kind: 'first', decisionNumber: '815/QĐ-UBND', decidedOn: rrIssued, issuedOn: rrIssued });
  const rrAnswers = answersNear(getSheet(4)!, 80);
  let r = await createDossier(as(producer), { productId: rr.id, type: 'rerating', answers: rrAnswers, selfReport: { changesSinceRecognition: 'Mở rộng vùng nuôi ong thêm 300 đàn; đạt chứng nhận VietGAP năm 2025.' } });
  n++;
  r = await step(r, (v) => submitDossier(as(producer), r.id, v));
  r = await step(r, (v) => reviewDossierAtCommune(as(commune), r.id, { items: REVIEW, conclusion: 'Đề nghị UBND tỉnh đánh giá, phân hạng lại.', signer: 'Giàng A Xã', version: v }));
  r = await step(r, (v) => forwardDossier(as(commune), r.id, v));
  r = await step(r, (v) => acceptDossier(as(province), r.id, v));
  await step(r, (v) => recordAdvisoryReview(as(advisor), r.id, { fieldVisit: null, extraTests: [], answers: rrAnswers, report: 'Hồ sơ đánh giá lại đầy đủ; đề nghị Hội đồng lấy ý kiến bằng văn bản.', version: v }));
  // A certified product inside its re-rating window with no dossier yet (160 days short of 36 months): the producer
  // files the re-rating from here (test/browser/journey.test.ts).
  const due = await createProduct(as(producer), { entityId, name: 'Mật ong hoa tam giác mạch', productSet: 4, status: 'registered', description: 'Mật ong hoa tam giác mạch mùa thu trên cao nguyên đá Đồng Văn.' });
  const dueIssued = addDays(addMonths(vnDate(now), -36), 160);
  await issueCertificate(as(province), { productId: due.id, stars: 4, kind: 'first', decisionNumber: '842/QĐ-UBND', decidedOn: dueIssued, issuedOn: dueIssued });

  // A closed provincial session: a 4★ certified, one not recognised, one scored awaiting decision, and two ≥ 90.
  const four = await upTo('advisory_review', 'Mật ong bạc hà nguyên chất', 4, 82);
  const low = await upTo('advisory_review', 'Mật ong hoa rừng thường', 4, 45);
  const waiting = await upTo('advisory_review', 'Rượu mật ong Mèo Vạc', 4, 64);
  const top = await upTo('advisory_review', 'Mật ong bạc hà thượng hạng', 4, 96);
  const top2 = await upTo('advisory_review', 'Mật ong bạc hà quà tặng', 4, 94);
  const closedAt = new Date(now.getTime() - 3 * 86400_000);
  const s1 = await createSession(as(province), pc.id, { title: 'Phiên họp đánh giá, phân hạng đợt 1', scheduledOn: vnDate(closedAt), location: 'Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang' });
  let v1 = s1.version;
  for (const x of [four, low, waiting, top, top2]) await addSessionItem(as(province), s1.id, { dossierId: x.d.id, version: (x.d.version) });
  v1 = (await openSession(as(province), s1.id, { present: [chair.id, member.id, member2.id, secretary.id], version: v1 })).version;
  const items1 = await query<{ id: string; dossier_id: string }>(tx, sql`SELECT id, dossier_id FROM session_item WHERE session_id = ${s1.id} ORDER BY position`);
  for (const it of items1) {
    const x = [four, low, waiting, top, top2].find((y) => y.d.id === it.dossier_id)!;
    for (const [u, shift] of [[chair, 0], [member, -2], [member2, 1]] as const) {
      await saveScore(as(u), s1.id, it.id, { answers: answersNear(getSheet(4)!, Math.min(100, totalOfTarget(x) + shift)), comment: 'Đạt yêu cầu theo Bộ tiêu chí.', submit: true });
    }
  }
  await closeSession(as(chair), s1.id, { minutesNote: 'Hội đồng thống nhất kết quả chấm điểm; đề nghị UBND tỉnh công nhận.', version: v1 });
  const decide = async (who: Account, id: string, number: string) => {
    const [d] = await query<{ version: number }>(tx, sql`SELECT version FROM dossier WHERE id = ${id}`);
    return decideDossier(as(who), id, { decisionNumber: number, decisionDate: vnDate(now), version: d.version });
  };
  await decide(province, four.d.id, '1021/QĐ-UBND');
  await decide(province, low.d.id, '1022/QĐ-UBND');
  await decide(province, top.d.id, '1023/QĐ-UBND'); // ≥ 90: sent to the Ministry
  await decide(province, top2.d.id, '1023/QĐ-UBND');
  const [topSent] = await query<{ version: number }>(tx, sql`SELECT version FROM dossier WHERE id = ${top.d.id}`);
  await acceptDossier(as(central), top.d.id, topSent.version);
  // The central council rates one of them 5★; the other waits for the Ministry to receive it.
  const cs = await createSession(as(central), cc.id, { title: 'Phiên họp Hội đồng cấp trung ương đợt 1', scheduledOn: vnDate(now), location: 'Bộ Nông nghiệp và Môi trường' });
  const [topV] = await query<{ version: number }>(tx, sql`SELECT version FROM dossier WHERE id = ${top.d.id}`);
  await addSessionItem(as(central), cs.id, { dossierId: top.d.id, version: topV.version });
  const opened = await openSession(as(central), cs.id, { present: [central.id, tw1.id, tw2.id], version: cs.version });
  const [cItem] = await query<{ id: string }>(tx, sql`SELECT id FROM session_item WHERE session_id = ${cs.id}`);
  for (const u of [central, tw1, tw2]) await saveScore(as(u), cs.id, cItem.id, { answers: answersNear(getSheet(4)!, 95), submit: true });
  await closeSession(as(central), cs.id, { minutesNote: 'Hội đồng cấp trung ương đề nghị công nhận sản phẩm OCOP 5 sao.', version: opened.version });
  await decide(central, top.d.id, '2150/QĐ-BNNMT');

  // An open session with scores: the chair and one member have scored; hoidong@ has not yet.
  const open = await upTo('advisory_review', 'Mật ong bạc hà dạng sáp', 4, 77);
  const s2 = await createSession(as(province), pc.id, { title: 'Phiên họp đánh giá, phân hạng đợt 2', scheduledOn: vnDate(now), location: 'UBND tỉnh Tuyên Quang' });
  await addSessionItem(as(province), s2.id, { dossierId: open.d.id, version: open.d.version });
  await openSession(as(province), s2.id, { present: [chair.id, member.id, member2.id, secretary.id], version: s2.version });
  const [oItem] = await query<{ id: string }>(tx, sql`SELECT id FROM session_item WHERE session_id = ${s2.id}`);
  await saveScore(as(chair), s2.id, oItem.id, { answers: answersNear(getSheet(4)!, 78), submit: true });
  await saveScore(as(member2), s2.id, oItem.id, { answers: answersNear(getSheet(4)!, 75), submit: false });
  return { councils: 2, dossiers: n, sessions: 3 };
}

const totalOfTarget = (x: { answers: Record<string, string> }) => {
  const sheet = getSheet(4)!;
  return sheet.parts.flatMap((p) => p.groups.flatMap((g) => g.criteria)).reduce((s, c) => s + (c.options.find((o) => o.id === x.answers[c.code])?.points ?? 0), 0);
};
