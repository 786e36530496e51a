// Demo inspections: Tuyên Quang's (08) plan of 2026, approved by the province office, with inspections in every state
// — planned, done and compliant, a corrective action open and one closed, a revocation proposed and waiting for the
// province office (its Điều 8.4 deadline ahead), and an unplanned inspection after a consumer's complaint that ended
// in a revocation the office decided. Written through the supervision and scoring commands (as the inspector and the
// province office; the complaint through the reports' commands), so the audit trail, the proposal and the certificate's revocation are what the app itself writes.
// The demo producer's honey and the certificates issued lately (the scoring demo's) are left alone, and the one revoked
// is a 4★ one. Deterministic: products by code, dates relative to today.
import { sql } from 'drizzle-orm';
import { PUBLIC, type Ctx, type UserActor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { addDays, vnDate } from '../../modules/scoring/index.js';
import { addPlanItems, approvePlan, closeCorrectiveAction, closeReport, completeRevocation, createInspection, createPlan, fileReport, recordInspection } from '../../modules/supervision/index.js';

const PLAN_YEAR = 2026;
const TEAM = ['Hoàng Văn Tra', 'Nguyễn Thị Thu Hà', 'Lò Văn Sính'];
const ok = (note: string | null = null) => ({ result: 'ok' as const, note });
const issue = (note: string) => ({ result: 'issue' as const, note });
const allOk = { label: ok(), logo: ok(), traceCode: ok(), samples: ok(), production: ok(), dossierClaims: ok() };

type Certified = { id: string; name: string; commune_code: string; expires_on: string; stars: number };

/** Call inside seedDemo's transaction, after the certificates and the demo accounts. */
export async function seedDemoInspections(tx: Queryable, now = new Date()): Promise<{ inspections: number }> {
  const today = vnDate(now);
  const users = new Map((await query<{ email: string; id: string }>(tx, sql`SELECT email, id FROM app_user WHERE email IN ('thanhtra@demo.ocop.vn', 'tinh@demo.ocop.vn')`)).map((u) => [u.email, u.id]));
  if (users.size < 2) return { inspections: 0 };
  const as = (email: string, role: 'inspector' | 'province'): Ctx => ({
    actor: { kind: 'user', id: users.get(email)!, role, provinceCode: '08', communeCode: null, entityId: null, via: 'session' } satisfies UserActor,
    tx, log: console as never, now,
  });
  const inspector = as('thanhtra@demo.ocop.vn', 'inspector');
  const office = as('tinh@demo.ocop.vn', 'province');
  const products = await query<Certified>(tx, sql`
    SELECT p.id, p.name, p.commune_code, c.expires_on::text AS expires_on, p.stars FROM product p
      JOIN certificate c ON c.product_id = p.id AND c.status = 'valid' AND c.expires_on > ${addDays(today, 30)}::date
        AND c.issued_on <= ${addDays(today, -90)}::date -- issued before the inspections the demo dates back to
    WHERE p.province_code = '08' AND p.status = 'certified' AND p.stars IN (3, 4) AND p.name <> 'Mật ong bạc hà Mèo Vạc'
    ORDER BY p.code LIMIT 40`);
  // The one revoked: a 4★ one (the to-do demo revokes the 3★ one it needs itself); the others are only inspected.
  const complained = products.find((p) => Number(p.stars) === 4) ?? products[0];
  const others = products.filter((p) => p !== complained);
  if (!complained || others.length < 6) return { inspections: 0 };
  const [compliant, openAction, closedAction, proposed, plannedA, plannedB] = others;

  const plan = await createPlan(inspector, { provinceCode: '08', level: 'province', year: PLAN_YEAR, title: `Kế hoạch kiểm tra sản phẩm OCOP sau công nhận năm ${PLAN_YEAR} tỉnh Tuyên Quang`, note: 'Ưu tiên sản phẩm có phản ánh, sắp hết hạn chứng nhận hoặc chưa có mã truy xuất (dữ liệu minh họa)' });
  const last = `${PLAN_YEAR}-12-31`;
  const due = (days: number) => { const d = addDays(today, days); return d.slice(0, 4) === String(PLAN_YEAR) ? d : days < 0 ? `${PLAN_YEAR}-01-15` : last; };
  const items = await addPlanItems(inspector, plan.id, {
    items: [compliant, openAction, closedAction, proposed].map((p, i) => ({ productId: p.id, dueOn: due(-40 + i * 5), reasons: [] }))
      .concat([plannedA, plannedB].map((p, i) => ({ productId: p.id, dueOn: due(10 + i * 7), reasons: [] }))),
  });
  await approvePlan(office, plan.id, { version: plan.version });
  const byProduct = new Map(items.map((i) => [i.productId, i]));
  const record = (p: Certified, daysAgo: number, input: Omit<Parameters<typeof recordInspection>[2], 'version' | 'inspectedOn' | 'concludedOn' | 'team'>) =>
    recordInspection(inspector, byProduct.get(p.id)!.id, { version: byProduct.get(p.id)!.version, inspectedOn: addDays(today, -daysAgo), concludedOn: addDays(today, -daysAgo + 2), team: TEAM, ...input });

  await record(compliant, 30, { checks: allOk, labName: 'Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng Tuyên Quang', labResult: 'pass', findings: 'Nhãn, biểu trưng OCOP và mã truy xuất đúng quy định; mẫu đạt chỉ tiêu công bố; cơ sở sản xuất sạch sẽ, ghi chép nhật ký đầy đủ.', conclusion: 'compliant' });
  await record(openAction, 12, {
    checks: { ...allOk, label: issue('Nhãn thiếu ngày sản xuất và hướng dẫn bảo quản') }, findings: 'Nhãn phụ chưa ghi ngày sản xuất và hướng dẫn bảo quản theo Nghị định 43/2017/NĐ-CP.',
    conclusion: 'corrective_action', correctiveActions: [{ description: 'In lại nhãn phụ có ngày sản xuất và hướng dẫn bảo quản; gửi ảnh nhãn mới cho đoàn kiểm tra', dueOn: addDays(today, 18) }],
  });
  const closed = await record(closedAction, 45, {
    checks: { ...allOk, logo: issue('Biểu trưng OCOP in sai tỉ lệ, thiếu số sao') }, findings: 'Biểu trưng OCOP trên bao bì không đúng mẫu: thiếu số sao, sai tỉ lệ.',
    conclusion: 'corrective_action', correctiveActions: [{ description: 'Sửa biểu trưng OCOP trên bao bì theo đúng mẫu, có số sao', dueOn: addDays(today, -10) }],
  });
  const [action] = await query<{ id: string; version: number }>(tx, sql`SELECT id, version FROM corrective_action WHERE inspection_id = ${closed.id}`);
  await closeCorrectiveAction(inspector, action.id, { version: action.version, closedOn: addDays(today, -15), closingNote: 'Đã kiểm tra lô bao bì mới in ngày ' + addDays(today, -18) + ': biểu trưng đúng mẫu, có số sao.' });
  await record(proposed, 3, {
    checks: { ...allOk, samples: issue('Hàm lượng chì vượt giới hạn'), dossierClaims: issue('Hồ sơ công bố không chứa chì') }, labName: 'Viện Kiểm nghiệm an toàn vệ sinh thực phẩm quốc gia', labResult: 'fail',
    findings: 'Mẫu lấy tại cơ sở có hàm lượng chì 0,45 mg/kg, vượt giới hạn 0,3 mg/kg của QCVN 8-2:2011/BYT; vi phạm quy định về an toàn thực phẩm.',
    conclusion: 'revocation_proposed', revocationGround: 'c',
  });

  // A consumer's complaint about counterfeit OCOP labels led to an unplanned inspection and the revocation, months ago
  // (older than the inspector's 90 days of recent revocations, whose demo list stays as the scoring demo made it).
  const filedAt = new Date(now.getTime() - 120 * 86_400_000);
  const complaint = await fileReport({ ...inspector, actor: PUBLIC, now: filedAt }, undefined, {
    productId: complained.id, category: 'counterfeit_label', source: 'public',
    message: 'Sản phẩm bán ở chợ phiên dán tem OCOP 4 sao nhưng tem in mờ, không quét được mã QR; nghi tem giả.',
  });
  const unplanned = await createInspection(inspector, { productId: complained.id, dueOn: addDays(today, -110), reportId: complaint.id });
  await recordInspection(inspector, unplanned.id, {
    version: unplanned.version, inspectedOn: addDays(today, -108), concludedOn: addDays(today, -105), team: TEAM,
    checks: { ...allOk, logo: issue('Chủ thể tự in tem OCOP, gắn cho sản phẩm chưa được công nhận'), traceCode: issue('Mã QR trên tem không dẫn tới trang truy xuất') },
    findings: 'Chủ thể tự in và gắn biểu trưng OCOP 4 sao cho cả sản phẩm cùng loại chưa được công nhận, gây nhầm lẫn cho người tiêu dùng.',
    conclusion: 'revocation_proposed', revocationGround: 'd',
  });
  await completeRevocation(office, unplanned.id, { decisionNumber: '1287/QĐ-UBND', decidedOn: addDays(today, -95) });
  const [linked] = await query<{ version: number }>(tx, sql`SELECT version FROM report WHERE id = ${complaint.id}`);
  await closeReport(office, complaint.reference, { version: Number(linked.version), resolution: 'Đoàn kiểm tra xác minh tem OCOP giả; UBND tỉnh đã thu hồi giấy chứng nhận (Quyết định 1287/QĐ-UBND).' });
  return { inspections: items.length + 1 };
}
