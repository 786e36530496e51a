// The paper side of the dossier, printed from the data in the decree's layout (Phụ lục III): Mẫu 01 registration,
// Mẫu 02 self-assessment, Mẫu 03 commune report; plus the council's minutes (biên bản) and one member's filled sheet.
// Typeface, margins, motto and dates follow Nghị định 30/2020/NĐ-CP (pdf-layout.ts); units and addresses are
// written through geo's helpers, so a stored "Tỉnh Tuyên Quang" never prints as "tỉnh Tỉnh Tuyên Quang".
import { unitInText } from '../geo/index.js';
import { criteriaOf, type Sheet } from './sheets.data.js';
import { viDate } from './deadlines.rules.js';
import { adminHeader, BODY, box, centered as center, dateInWords, DOTS, field as line, placeAndDate, renderPdf, signature, textWidth as width, type Doc } from './pdf-layout.js';

const render = (title: string, draw: (doc: Doc) => void) => renderPdf({ title }, draw);
const dateOrDots = (iso: string | null | undefined) => (iso ? viDate(iso) : DOTS);
const num = (x: number) => x.toLocaleString('vi-VN', { maximumFractionDigits: 2 });
/** The form's reference line at the top right, small italic. */
const formTag = (doc: Doc, text: string) => doc.font('i').fontSize(10).text(text, { align: 'right' }).font('r').fontSize(BODY);

// ── Mẫu 01 ────────────────────────────────────────────────────────────────────────────────────────────────────

export type Form01Data = {
  provinceName: string; year: number; number: string; type: 'first' | 'upgrade' | 'rerating';
  registration: { unitName?: string; representativeName?: string; representativeTitle?: string; address?: string; phone?: string | null; email?: string | null; productName?: string; sampleCount?: number | null };
  classification: string;
  /** The place of the date line: the commune's own name (geo's placeName). */
  place: string; submittedOn: string | null; receivedByCommune: string | null; forwardedOn: string | null;
};

export function form01(x: Form01Data): Promise<Buffer> {
  return render('Mẫu số 01 – Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP', (doc) => {
    formTag(doc, 'Mẫu số 01 (Phụ lục III, Quyết định số 26/2026/QĐ-TTg)');
    adminHeader(doc);
    center(doc, 'PHIẾU ĐĂNG KÝ', 'b', 14);
    center(doc, 'Tham gia đánh giá, phân hạng sản phẩm OCOP', 'b');
    center(doc, `của ${unitInText(x.provinceName, 'tỉnh')} năm ${x.year}`, 'b');
    doc.moveDown();
    const r = x.registration;
    doc.font('b').text('1. Thông tin về đơn vị đăng ký:').font('r');
    line(doc, '- Tên đơn vị:', r.unitName);
    line(doc, '- Họ tên người đại diện pháp lý:', r.representativeName);
    line(doc, '- Chức vụ:', r.representativeTitle);
    line(doc, '- Địa chỉ liên hệ:', r.address);
    line(doc, '- Điện thoại:', `${r.phone ?? '……………'}    Email: ${r.email ?? '……………'}`);
    doc.font('b').text('2. Tên sản phẩm: ', { continued: true }).text(r.productName ?? DOTS);
    doc.font('b').text('3. Nhóm sản phẩm đăng ký (Ngành, Nhóm, Phân nhóm): ', { continued: true }).font('r').text(x.classification);
    doc.font('b').text('4. Lần đăng ký đánh giá: ', { continued: true }).font('r')
      .text(`Lần đầu ${box(x.type === 'first')}    Nâng hạng: ${box(x.type === 'upgrade')}    Đánh giá lại: ${box(x.type === 'rerating')}`);
    doc.font('b').text('5. Tài liệu kèm theo:').font('r');
    doc.text('- Báo cáo đánh giá về sản phẩm theo Bộ tiêu chí (bản gốc, bản điện tử).');
    line(doc, '- Sản phẩm mẫu (số lượng):', r.sampleCount);
    doc.moveDown(0.5);
    doc.text('Cam đoan những thông tin trong Phiếu đăng ký là đúng sự thật, chúng tôi xin cam kết tuân thủ các quy định về đánh giá, phân hạng sản phẩm OCOP, chịu trách nhiệm trước Hội đồng và pháp luật về Hồ sơ đăng ký đánh giá, phân hạng sản phẩm.', { align: 'justify' });
    signature(doc, { placeDate: placeAndDate(x.place, x.submittedOn), title: 'ĐẠI DIỆN', hint: '(Ký, đóng dấu, ghi rõ họ tên)', name: r.representativeName });
    doc.moveDown();
    center(doc, 'PHẦN DÀNH CHO CƠ QUAN QUẢN LÝ');
    for (const [who, on] of [['DÀNH CHO ỦY BAN NHÂN DÂN CẤP XÃ', x.receivedByCommune], ['DÀNH CHO CƠ QUAN QUẢN LÝ OCOP CẤP TỈNH', x.forwardedOn]] as const) {
      doc.font('b').text(who).font('r');
      line(doc, 'Phiếu số:', x.number);
      line(doc, 'Ngày nhận:', on ? dateOrDots(on) : null);
      doc.text('Người tiếp nhận: ………………………… Chữ ký: …………………………');
      doc.moveDown(0.5);
    }
  });
}

// ── Mẫu 02 ────────────────────────────────────────────────────────────────────────────────────────────────────

export type Form02Data = {
  sheet: Sheet; answers: Record<string, string>; answerNotes: Record<string, string>; evidence: Record<string, string[]>;
  selfReport: {
    orgType?: string | null; foundedOn?: string | null; registrationNumber?: string | null; representative?: { fullName: string; sex: string; ethnicity: string; permanentAddress?: string | null };
    productSpec?: string | null; checks?: Record<string, boolean | undefined>; ipOther?: string | null; history?: string | null; organisation?: string | null;
    businessResults?: string | null; changesSinceRecognition?: string | null; plan?: string | null;
  };
  entity: { name: string; address: string; phone: string | null; email: string | null };
  total: number; parts: { A: number; B: number; C: number }; stars: number | null; type: string; place: string; date: string | null;
};

const ORG_TYPES: Record<string, string> = { htx: 'Hợp tác xã', to_hop_tac: 'Tổ hợp tác', doanh_nghiep: 'Doanh nghiệp', trang_trai: 'Trang trại', ho_kinh_doanh: 'Hộ kinh doanh' };
/** The value, not the form's prompt: "Nam", never "Nam (Nam/nữ)". */
const sexVi = (s: string | undefined) => (s === 'female' ? 'Nữ' : s === 'male' ? 'Nam' : '……………');

export function form02(x: Form02Data): Promise<Buffer> {
  return render('Mẫu số 02 – Báo cáo tự đánh giá về sản phẩm', (doc) => {
    const s = x.selfReport;
    const c = s.checks ?? {};
    formTag(doc, 'Mẫu số 02 (Phụ lục III, Quyết định số 26/2026/QĐ-TTg)');
    center(doc, 'BÁO CÁO TỰ ĐÁNH GIÁ VỀ SẢN PHẨM', 'b', 14);
    center(doc, '(Dành cho chủ thể có sản phẩm đăng ký)', 'i');
    doc.moveDown();
    center(doc, 'Phần I'); center(doc, 'THÔNG TIN CHUNG');
    line(doc, '1. Tên chủ thể:', x.entity.name);
    line(doc, '2. Loại hình tổ chức:', ORG_TYPES[s.orgType ?? ''] ?? s.orgType);
    line(doc, '3. Địa chỉ:', x.entity.address);
    line(doc, '4. Điện thoại:', `${x.entity.phone ?? '……………'}    Email: ${x.entity.email ?? '……………'}`);
    doc.text('5. Tên người đại diện pháp luật:');
    line(doc, '- Họ tên:', s.representative?.fullName);
    line(doc, '- Giới tính:', `${sexVi(s.representative?.sex)}; Dân tộc: ${s.representative?.ethnicity ?? '……………'}`);
    line(doc, '- Địa chỉ thường trú:', s.representative?.permanentAddress);
    line(doc, '6. Ngày thành lập/đăng ký kinh doanh:', `${dateOrDots(s.foundedOn)}   Số giấy đăng ký (nếu có): ${s.registrationNumber ?? '……………'}`);
    line(doc, '7. Tên sản phẩm/dịch vụ, mô tả về quy cách sản phẩm, tiêu chuẩn:', s.productSpec);
    doc.text('Đánh dấu (√) vào mục tương ứng:');
    doc.text(`a) Giấy đăng ký kinh doanh: ${box(c.businessRegistration)}`);
    doc.text(`b) Đã công bố chất lượng sản phẩm theo quy định: ${box(c.qualityDeclared)}`);
    doc.text('c) Đã có các điều kiện sản xuất theo quy định:');
    doc.text(`- Giấy chứng nhận cơ sở đủ điều kiện vệ sinh an toàn thực phẩm theo quy định của pháp luật cho sản xuất sản phẩm: ${box(c.foodSafetyCertificate)}`);
    doc.text(`- Giấy chứng nhận cơ sở đủ điều kiện sản xuất bắt buộc theo quy định cho sản phẩm (đối với các sản phẩm bắt buộc theo quy định): ${box(c.productionConditionCertificate)}`);
    doc.text(`d) Đã có đăng ký sở hữu trí tuệ: ${box(c.ipRegistered)}`);
    doc.text(`+ Giấy chứng nhận đăng ký nhãn hiệu: ${box(c.trademark)}`);
    doc.text(`+ Văn bản ghi nhận quyền sử dụng chỉ dẫn địa lý, nhãn hiệu tập thể, nhãn hiệu chứng nhận: ${box(c.geographicalIndication)}`);
    doc.text(`+ Bằng sáng chế ${box(c.patent)}   + Bằng độc quyền kiểu dáng công nghiệp: ${box(c.industrialDesign)}   + Giấy chứng nhận bản quyền tác giả ${box(c.copyright)}`);
    doc.text(`+ Khác (ghi rõ): ${box(c.ipOther)} ${s.ipOther ?? ''}`);
    line(doc, '8. Lịch sử hình thành của chủ thể:', s.history);
    line(doc, '9. Cơ cấu tổ chức của chủ thể:', s.organisation);
    doc.moveDown();
    center(doc, 'Phần II'); center(doc, 'KẾT QUẢ THỰC HIỆN PHƯƠNG ÁN SẢN XUẤT KINH DOANH');
    doc.text(s.businessResults ?? DOTS);
    if (x.type === 'rerating' || x.type === 'upgrade') {
      doc.font('b').text(x.type === 'rerating' ? 'Những nội dung mới và kết quả sau thời gian được công nhận:' : 'Những thay đổi so với sản phẩm OCOP đã được công nhận:').font('r');
      doc.text(s.changesSinceRecognition ?? DOTS);
    }
    doc.moveDown();
    center(doc, 'Phần III'); center(doc, 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN THEO BỘ TIÊU CHÍ SẢN PHẨM OCOP');
    doc.font('i').text(`Bộ tiêu chí: Phiếu số ${x.sheet.number} – ${x.sheet.productSet} (${x.sheet.instrument})`).font('r');
    for (const cr of criteriaOf(x.sheet)) {
      const o = cr.options.find((op) => op.id === x.answers[cr.code]);
      doc.font('b').text(`${cr.code}. ${cr.name} (tối đa ${cr.max} điểm): ${o ? o.points : 0} điểm`).font('r');
      if (o) doc.text(`   Tự đánh giá: ${o.label}${o.minStar ? ` (${'*'.repeat(o.minStar)})` : ''}`);
      if (x.answerNotes[cr.code]) doc.text(`   Mô tả, chứng minh: ${x.answerNotes[cr.code]}`);
      for (const ev of x.evidence[cr.code] ?? []) doc.text(`   Minh chứng: ${ev}`);
    }
    doc.moveDown(0.5);
    doc.font('b').text(`Tổng điểm tự đánh giá: ${num(x.total)} (Phần A: ${num(x.parts.A)}; Phần B: ${num(x.parts.B)}; Phần C: ${num(x.parts.C)})${x.stars ? ` – tương ứng ${x.stars} sao` : ''}`).font('r');
    doc.moveDown();
    center(doc, 'Phần IV'); center(doc, 'KẾ HOẠCH SẢN XUẤT, KINH DOANH');
    doc.text(s.plan ?? DOTS);
    signature(doc, { placeDate: placeAndDate(x.place, x.date), title: 'ĐẠI DIỆN THEO PHÁP LUẬT CỦA CƠ SỞ', hint: '(Ký, họ tên, đóng dấu)', name: s.representative?.fullName });
  });
}

// ── Mẫu 03 ────────────────────────────────────────────────────────────────────────────────────────────────────

export type Form03Data = {
  communeName: string; provinceName: string; productName: string;
  /** The place of the date line: the commune's own name (geo's placeName). */
  place: string;
  entity: { name: string; type: string; address: string; representative: { fullName: string; sex: string; ethnicity: string } };
  review: { items: Record<'a' | 'b' | 'c' | 'd', { assessment: string; note: string }>; conclusion: string | null; signer: string | null; reviewedAt: string } | null;
};
const ASSESSMENT: Record<string, string> = { meets: 'Đạt', partly: 'Đạt một phần', not_meets: 'Không đạt' };

export function form03(x: Form03Data): Promise<Buffer> {
  return render('Mẫu số 03 – Báo cáo đánh giá một số nội dung của hồ sơ', (doc) => {
    formTag(doc, 'Mẫu số 03 (Phụ lục III, Quyết định số 26/2026/QĐ-TTg)');
    adminHeader(doc, { body: { name: `ỦY BAN NHÂN DÂN\n${x.communeName}` }, placeDate: placeAndDate(x.place, x.review?.reviewedAt) });
    center(doc, 'BÁO CÁO', 'b', 14);
    center(doc, 'Đánh giá một số nội dung của hồ sơ đăng ký tham gia đánh giá, phân hạng sản phẩm OCOP');
    doc.moveDown();
    doc.font('b').text('I. THÔNG TIN CHUNG VỀ HỒ SƠ SẢN PHẨM').font('r');
    line(doc, '1. Tên chủ thể:', x.entity.name);
    line(doc, '2. Loại hình tổ chức:', ORG_TYPES[x.entity.type] ?? x.entity.type);
    line(doc, '3. Địa chỉ:', x.entity.address);
    doc.text('4. Tên người đại diện pháp luật:');
    line(doc, '- Họ tên:', x.entity.representative.fullName);
    line(doc, '- Giới tính:', `${sexVi(x.entity.representative.sex)}; Dân tộc: ${x.entity.representative.ethnicity}`);
    line(doc, '5. Sản phẩm đăng ký đánh giá:', x.productName);
    doc.moveDown(0.5);
    doc.font('b').text('II. ĐÁNH GIÁ MỘT SỐ NỘI DUNG CỦA HỒ SƠ SẢN PHẨM').font('r');
    const items: [keyof NonNullable<Form03Data['review']>['items'], string][] = [
      ['a', '1. Về sử dụng nguyên liệu địa phương'], ['b', '2. Về sử dụng lao động địa phương'],
      ['c', '3. Nguồn gốc ý tưởng sản phẩm'], ['d', '4. Bản sắc/trí tuệ địa phương'],
    ];
    for (const [k, label] of items) {
      const it = x.review?.items[k];
      doc.font('b').text(`${label}: `, { continued: true }).font('r').text(it ? `${ASSESSMENT[it.assessment] ?? it.assessment}. ${it.note}` : DOTS);
    }
    if (x.review?.conclusion) doc.moveDown(0.5).text(x.review.conclusion);
    doc.moveDown(0.5);
    doc.text(`Ủy ban nhân dân ${unitInText(x.communeName, 'xã')} đề nghị Ủy ban nhân dân ${unitInText(x.provinceName, 'tỉnh')} đánh giá, phân hạng sản phẩm OCOP cho sản phẩm ${x.productName} của ${x.entity.name}.`, { align: 'justify' });
    signature(doc, { title: `TM. ỦY BAN NHÂN DÂN\n${x.communeName.toLocaleUpperCase('vi')}`, hint: '(Ký tên và đóng dấu)', name: x.review?.signer });
  });
}

// ── the council: minutes and one member's sheet ───────────────────────────────────────────────────────────────

export type MinutesData = {
  councilName: string; title: string; scheduledOn: string; location: string | null; closedAt: string | null;
  /** The place of the date line: the council's province ("Tuyên Quang"), "Hà Nội" for the central council. */
  place: string | null;
  /** The body the council answers to, above its name (Phụ lục I: tên cơ quan chủ quản). */
  parentBody: string | null;
  /** How the council evaluated: in a meeting, by written opinion, or in writing then in a meeting (`convertedAt`). */
  mode: 'meeting' | 'written'; convertedAt: string | null; writtenSource: string;
  quorum: { members: number; present: number; required: number; chairPresent: boolean; met: boolean } | null;
  present: { name: string; role: string }[]; absent: { name: string; role: string }[]; note: string | null;
  items: { position: number; productName: string; productCode: string; entityName: string; sheet: number; members: { name: string; total: number; A: number; B: number; C: number }[]; mean: number | null; parts: { A: number; B: number; C: number } | null; stars: number | null; spread: number | null }[];
};
/** The hour in Việt Nam as documents write it: "14 giờ 05". */
function clockVi(at: string): string {
  const t = new Date(new Date(at).getTime() + 7 * 3600_000).toISOString();
  return `${t.slice(11, 13)} giờ ${t.slice(14, 16)}`;
}
const ROLE_VI: Record<string, string> = { chair: 'Chủ tịch Hội đồng', secretary: 'Thư ký', member: 'Thành viên' };

/** The sentence of the minutes that says how the council evaluated. */
function minutesModeText(x: Pick<MinutesData, 'mode' | 'convertedAt' | 'writtenSource'>): string {
  if (x.mode === 'written') return `Lấy ý kiến bằng văn bản (${x.writtenSource.split(':')[0]}).`;
  if (x.convertedAt) return `Lấy ý kiến bằng văn bản, chuyển sang họp trực tiếp ngày ${viDate(x.convertedAt)} để thảo luận do có ý kiến đánh giá khác nhau hoặc nội dung phức tạp.`;
  return 'Họp trực tiếp.';
}

export function minutesPdf(x: MinutesData): Promise<Buffer> {
  const written = x.mode === 'written';
  return render(`${written ? 'Biên bản tổng hợp ý kiến bằng văn bản' : 'Biên bản họp'} – ${x.title}`, (doc) => {
    adminHeader(doc, { body: { parent: x.parentBody ?? undefined, name: x.councilName }, placeDate: placeAndDate(x.place, x.closedAt ?? x.scheduledOn) });
    center(doc, written ? 'BIÊN BẢN TỔNG HỢP Ý KIẾN ĐÁNH GIÁ BẰNG VĂN BẢN CỦA HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP' : 'BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP', 'b', 13);
    doc.moveDown();
    line(doc, written ? 'Đợt lấy ý kiến:' : 'Phiên họp:', x.title);
    line(doc, 'Hình thức đánh giá:', minutesModeText(x));
    line(doc, 'Thời gian:', viDate(x.scheduledOn));
    if (!written) line(doc, 'Địa điểm:', x.location);
    doc.font('b').text(written ? 'Thành viên đã gửi ý kiến:' : 'Thành phần có mặt:').font('r');
    for (const p of x.present) doc.text(`- ${p.name} – ${ROLE_VI[p.role] ?? p.role}`);
    if (x.absent.length) { doc.font('b').text(written ? 'Chưa gửi ý kiến:' : 'Vắng mặt:').font('r'); for (const p of x.absent) doc.text(`- ${p.name} – ${ROLE_VI[p.role] ?? p.role}`); }
    if (x.quorum) doc.text(`Số thành viên có mặt: ${x.quorum.present}/${x.quorum.members} (yêu cầu tối thiểu ${x.quorum.required}, ${x.quorum.chairPresent ? 'có' : 'không có'} Chủ tịch Hội đồng): ${x.quorum.met ? 'đủ điều kiện họp' : 'không đủ điều kiện họp'}.`);
    doc.moveDown(0.5);
    doc.font('b').text('Kết quả đánh giá, phân hạng:').font('r');
    for (const it of x.items) {
      doc.font('b').text(`${it.position}. ${it.productName} (mã ${it.productCode}) – ${it.entityName} – Phiếu số ${it.sheet}`).font('r');
      for (const m of it.members) doc.text(`   ${m.name}: ${num(m.total)} điểm (A ${num(m.A)}; B ${num(m.B)}; C ${num(m.C)})`);
      if (it.mean !== null) doc.text(`   Điểm trung bình: ${num(it.mean)} (A ${num(it.parts!.A)}; B ${num(it.parts!.B)}; C ${num(it.parts!.C)}); chênh lệch lớn nhất ${num(it.spread ?? 0)} điểm; xếp hạng: ${it.stars ? `${it.stars} sao` : 'không đạt 3 sao'}.`);
    }
    if (x.note) { doc.moveDown(0.5); doc.text(x.note); }
    doc.moveDown(0.5);
    doc.text(`${written ? 'Việc lấy ý kiến' : 'Phiên họp'} kết thúc ${x.closedAt ? `lúc ${clockVi(x.closedAt)}, ${dateInWords(x.closedAt)}` : '……'}; điểm số đã được khóa.`);
    const y = doc.y + 20;
    const half = width(doc) / 2;
    doc.font('b').text('THƯ KÝ', doc.page.margins.left, y, { width: half, align: 'center' });
    doc.text('CHỦ TỊCH HỘI ĐỒNG', doc.page.margins.left + half, y, { width: half, align: 'center' });
  });
}

export type MemberSheetData = {
  sheet: Sheet; councilName: string; memberName: string; productName: string; productCode: string; entityName: string; address: string; phone: string | null;
  answers: Record<string, string>; total: number; parts: { A: number; B: number; C: number }; comment: string | null; submittedAt: string | null;
  /** The place of the date line: the council's province, "Hà Nội" for the central council. */
  place: string | null;
};

export function memberSheetPdf(x: MemberSheetData): Promise<Buffer> {
  return render(`Phiếu đánh giá – ${x.productName} – ${x.memberName}`, (doc) => {
    center(doc, `BỘ TIÊU CHÍ ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP (KIÊM PHIẾU ĐÁNH GIÁ) – PHIẾU SỐ ${x.sheet.number}`, 'b', 12);
    center(doc, `Bộ sản phẩm: ${x.sheet.productSet}`, 'r');
    doc.moveDown(0.5);
    line(doc, 'Tên sản phẩm:', x.productName);
    line(doc, 'Mã sản phẩm:', x.productCode);
    line(doc, 'Tên chủ thể sản xuất:', x.entityName);
    line(doc, 'Địa chỉ:', x.address);
    line(doc, 'Điện thoại:', x.phone);
    doc.moveDown(0.5);
    for (const p of x.sheet.parts) {
      doc.font('b').text(`PHẦN ${p.code}: ${p.name} (${p.max} điểm)`).font('r');
      for (const g of p.groups) {
        doc.font('b').text(`${g.code}. ${g.name} (${g.max} điểm)`).font('r');
        for (const c of g.criteria) {
          if (c.code !== g.code) doc.font('b').fontSize(11).text(`${c.code}. ${c.name} (${c.max} điểm)`).font('r');
          for (const o of c.options) {
            const picked = x.answers[c.code] === o.id;
            doc.fontSize(10).font(picked ? 'b' : 'r').text(`${box(picked)} ${o.label}${o.minStar ? ` (${'*'.repeat(o.minStar)})` : ''} – ${o.points} điểm`, { indent: 12 });
          }
          doc.fontSize(BODY).font('r');
        }
      }
    }
    doc.moveDown(0.5);
    doc.font('b').text(`Tổng điểm: ${num(x.total)} (Phần A: ${num(x.parts.A)}; Phần B: ${num(x.parts.B)}; Phần C: ${num(x.parts.C)})`).font('r');
    doc.fontSize(10).font('i').text('Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao (*** – 3 sao; **** – 4 sao; ***** – 5 sao)').fontSize(BODY).font('r');
    line(doc, 'Ý kiến của người đánh giá:', x.comment);
    signature(doc, { placeDate: placeAndDate(x.place, x.submittedAt), title: 'NGƯỜI ĐÁNH GIÁ', hint: '(Ký và ghi rõ họ tên)', name: x.memberName });
  });
}
