// Demo content of the programme (issue 15, parts 4, 7, 8): published news and guidance from the central office and
// the Tuyên Quang office (the decree, how to apply, the cycle, a fair call; one in English too), good models (one of
// them the Shan tuyết tea whose product page links to it, its stars read from its certificates), and three credit
// programmes with applications at every outcome, the demo producer's among them. Seed data goes straight into the
// tables (deterministic: fixed dates); no image is attached (the demo has no file store).
import { sql } from 'drizzle-orm';
import { query, type Queryable } from '../../app/db.js';
import { creditApplication, creditProgramme, goodModel, newsArticle } from '../../modules/programme/index.js';

const at = (d: string) => new Date(`${d}T08:00:00+07:00`);

const ARTICLES: (typeof newsArticle.$inferInsert)[] = [
  {
    slug: 'qd-26-2026-bo-tieu-chi-ocop-moi', kind: 'article', provinceCode: null, publishedAt: at('2026-05-25'),
    titleVi: 'Quyết định 26/2026/QĐ-TTg: bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm OCOP mới',
    summaryVi: 'Từ ngày 22/05/2026, sản phẩm OCOP được đánh giá theo Quyết định 26/2026/QĐ-TTg: 6 ngành, 26 bộ sản phẩm, hai cấp đánh giá tỉnh và trung ương.',
    bodyVi: [
      'Ngày 22/05/2026, Thủ tướng Chính phủ ban hành **Quyết định 26/2026/QĐ-TTg** quy định bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm thuộc Chương trình Mỗi xã một sản phẩm. Quyết định có hiệu lực từ ngày ký và thay thế Quyết định 148/QĐ-TTg và Quyết định 1489/QĐ-TTg.',
      '## Những điểm chính',
      '- Sản phẩm chia thành 6 ngành, 17 nhóm và 26 bộ sản phẩm, mỗi bộ một phiếu đánh giá.',
      '- Mỗi phiếu 100 điểm: phần A 40 điểm, phần B 25 điểm, phần C 35 điểm.',
      '- Chỉ sản phẩm đạt từ 3 sao trở lên được công nhận; giấy chứng nhận có hiệu lực 36 tháng.',
      '- UBND cấp xã tiếp nhận hồ sơ và đánh giá sơ bộ trong 15 ngày làm việc; tỉnh đánh giá 3 và 4 sao; sản phẩm từ 90 điểm được gửi Bộ Nông nghiệp và Môi trường.',
      '## Chuyển tiếp',
      'Sản phẩm đã được công nhận giữ giấy chứng nhận đến khi hết hạn. Hồ sơ nộp trước ngày 22/05/2026 được hoàn thành theo quy định cũ. Xem toàn văn tại [Cổng thông tin điện tử Chính phủ](https://vanban.chinhphu.vn).',
    ].join('\n\n'),
    titleEn: 'Decision 26/2026/QĐ-TTg: the new OCOP criteria and rating procedure',
    summaryEn: 'From 22 May 2026 OCOP products are rated under Decision 26/2026/QĐ-TTg: 6 sectors, 26 product sets, two levels of evaluation (province and central).',
    bodyEn: [
      'On 22 May 2026 the Prime Minister issued **Decision 26/2026/QĐ-TTg** on the criteria and procedure for rating products of the One Commune One Product programme. It took effect on signature and replaces Decisions 148/QĐ-TTg and 1489/QĐ-TTg.',
      '## Main points',
      '- Products fall into 6 sectors, 17 groups and 26 product sets, each with its own score sheet.',
      '- Each sheet has 100 points: part A 40, part B 25, part C 35.',
      '- Only products reaching 3 stars or more are recognised; a certificate is valid for 36 months.',
      '- The commune receives the dossier and pre-assesses it within 15 working days; the province rates 3 and 4 stars; products scoring 90 or more go to the Ministry of Agriculture and Environment.',
    ].join('\n\n'),
  },
  {
    slug: 'huong-dan-dang-ky-danh-gia-phan-hang-ocop', kind: 'guide', provinceCode: null, publishedAt: at('2026-06-02'),
    titleVi: 'Hướng dẫn đăng ký đánh giá, phân hạng sản phẩm OCOP trên hệ thống',
    summaryVi: 'Các bước để chủ thể nộp hồ sơ đánh giá, phân hạng sản phẩm OCOP trực tuyến: từ tài khoản đến phiếu tự chấm điểm.',
    bodyVi: [
      'Hồ sơ nộp trên hệ thống có giá trị pháp lý như hồ sơ giấy (Điều 7.1 Quyết định 26/2026/QĐ-TTg). Chủ thể làm theo các bước sau:',
      '1. Đăng ký tài khoản chủ thể và chờ UBND xã xác nhận.',
      '2. Khai báo sản phẩm, chọn đúng bộ sản phẩm theo Phụ lục I.',
      '3. Mở hồ sơ, điền Mẫu 01 và Mẫu 02, tự chấm điểm trên phiếu của bộ sản phẩm.',
      '4. Đính kèm minh chứng cho từng tiêu chí (giấy chứng nhận an toàn thực phẩm, công bố chất lượng, nhãn hàng hóa…).',
      '5. Gửi hồ sơ về UBND xã; theo dõi kết quả trong mục Hồ sơ.',
      '> Mẹo: phiếu tự chấm cho biết sản phẩm còn thiếu tiêu chí nào để lên hạng sao tiếp theo.',
    ].join('\n'),
  },
  {
    slug: 'chu-trinh-ocop-thuong-nien-sau-buoc', kind: 'guide', provinceCode: null, publishedAt: at('2026-06-10'),
    titleVi: 'Chu trình OCOP thường niên: sáu bước từ ý tưởng đến xúc tiến thương mại',
    summaryVi: 'Chương trình OCOP vận hành theo chu trình sáu bước mỗi năm, theo nguyên tắc "dân biết, dân bàn, dân làm".',
    bodyVi: [
      'Chu trình OCOP thường niên gồm sáu bước:',
      '1. Tuyên truyền, hướng dẫn.\n2. Nhận đăng ký ý tưởng sản phẩm.\n3. Nhận phương án, dự án sản xuất kinh doanh.\n4. Triển khai phương án, dự án sản xuất kinh doanh.\n5. Đánh giá và phân hạng sản phẩm.\n6. Xúc tiến thương mại.',
      'Ý tưởng sản phẩm do người dân đề xuất với xã; ý tưởng khả thi được hỗ trợ xây dựng phương án kinh doanh, triển khai với sự hỗ trợ của Nhà nước, rồi đánh giá, phân hạng và đưa ra thị trường qua hội chợ, thương mại điện tử và livestream.',
    ].join('\n\n'),
  },
  {
    slug: 'moi-tham-gia-hoi-cho-ocop-tuyen-quang-2026', kind: 'announcement', provinceCode: '08', publishedAt: at('2026-08-15'),
    titleVi: 'Thông báo mời các chủ thể tham gia Hội chợ sản phẩm OCOP Tuyên Quang năm 2026',
    summaryVi: 'Văn phòng OCOP tỉnh Tuyên Quang mời các chủ thể có sản phẩm OCOP đăng ký gian hàng tại Hội chợ OCOP tỉnh năm 2026.',
    bodyVi: [
      'Nhằm quảng bá và kết nối tiêu thụ sản phẩm OCOP, tỉnh Tuyên Quang tổ chức **Hội chợ sản phẩm OCOP năm 2026** tại thành phố Tuyên Quang.',
      '## Đối tượng',
      '- Chủ thể có sản phẩm được công nhận OCOP từ 3 sao trở lên, giấy chứng nhận còn hiệu lực.',
      '- Chủ thể có sản phẩm tiềm năng đang trong chu trình OCOP (ưu tiên các xã vùng cao).',
      '## Hỗ trợ',
      'Chủ thể được hỗ trợ chi phí gian hàng tiêu chuẩn theo kế hoạch xúc tiến thương mại của tỉnh. Đăng ký qua UBND xã hoặc Văn phòng OCOP tỉnh trước ngày 30/09/2026.',
    ].join('\n\n'),
  },
  {
    slug: 'tuyen-quang-cong-nhan-them-san-pham-ocop', kind: 'article', provinceCode: '08', publishedAt: at('2026-07-20'),
    titleVi: 'Tuyên Quang công nhận thêm sản phẩm OCOP, mật ong bạc hà Mèo Vạc đạt 4 sao',
    summaryVi: 'Hội đồng đánh giá, phân hạng sản phẩm OCOP tỉnh Tuyên Quang đã đánh giá đợt 1 năm 2026; nhiều sản phẩm vùng cao nguyên đá được công nhận.',
    bodyVi: [
      'Đợt đánh giá đầu tiên năm 2026 theo Quyết định 26/2026/QĐ-TTg, Hội đồng tỉnh Tuyên Quang đã chấm điểm các sản phẩm do các xã gửi lên. Sản phẩm **Mật ong bạc hà Mèo Vạc** của HTX Mật ong bạc hà Mèo Vạc đạt 4 sao.',
      'Các chủ thể được khuyến khích hoàn thiện tiêu chuẩn, truy xuất nguồn gốc và mở rộng kênh phân phối hiện đại để nâng hạng sao trong các đợt tiếp theo.',
    ].join('\n\n'),
  },
  {
    // A draft: the office's work in progress, never on the public site.
    slug: 'ke-hoach-tap-huan-ocop-quy-4', kind: 'announcement', provinceCode: '08', publishedAt: null, status: 'draft',
    titleVi: 'Kế hoạch tập huấn OCOP quý IV (dự thảo)', summaryVi: 'Dự thảo kế hoạch tập huấn cho chủ thể OCOP quý IV.', bodyVi: 'Đang soạn thảo.',
  },
];

type ModelSeed = Omit<typeof goodModel.$inferInsert, 'provinceCode' | 'sectorCode'> & { productLike?: string; provinceCode?: string; sectorCode?: typeof goodModel.$inferInsert['sectorCode'] };
const MODELS: ModelSeed[] = [
  {
    slug: 'che-shan-tuyet-tu-nuong-che-co-thu', productLike: 'Chè Shan tuyết%', topic: 'raw_material', publishedAt: at('2026-06-20'),
    name: 'Chè Shan tuyết: từ nương chè cổ thụ đến sản phẩm OCOP',
    summary: 'Một hợp tác xã vùng cao gom chè Shan tuyết cổ thụ của đồng bào, chuẩn hóa chế biến và nâng hạng sao nhờ vùng nguyên liệu được chứng nhận.',
    whatTheyDid: 'HTX ký hợp đồng thu mua với các hộ có cây chè cổ thụ, lập **vùng nguyên liệu** có bản đồ, tập huấn hái một tôm hai lá và sơ chế trong ngày.\n\nHTX đầu tư lò sao chè, đăng ký công bố chất lượng và in mã truy xuất trên từng gói.',
    results: '- Giá thu mua chè búp tươi cho bà con tăng gần gấp đôi.\n- Sản phẩm có mặt tại chuỗi cửa hàng OCOP và trên sàn thương mại điện tử.\n- Số thành viên HTX tăng từ 12 lên 45 hộ.',
    lessons: 'Giữ vùng nguyên liệu là giữ chất lượng: hợp đồng rõ ràng với người trồng, giá ổn định và truy xuất đến từng nương chè.',
  },
  {
    slug: 'mat-ong-bac-ha-meo-vac-ban-hang-so', productLike: 'Mật ong bạc hà Mèo Vạc', topic: 'digital_sales', publishedAt: at('2026-07-05'),
    name: 'Mật ong bạc hà Mèo Vạc: đưa đặc sản cao nguyên đá lên sàn thương mại điện tử',
    summary: 'HTX Mật ong bạc hà Mèo Vạc kết hợp siêu thị, sàn thương mại điện tử và mã QR truy xuất để bán sản phẩm 4 sao ra cả nước.',
    whatTheyDid: 'HTX chuẩn hóa bao bì, đăng ký mã số mã vạch, mở gian hàng trên sàn thương mại điện tử và ký hợp đồng với chuỗi siêu thị. Mỗi lọ mật có mã QR dẫn tới trang truy xuất.',
    results: 'Sản phẩm đạt 4 sao OCOP; doanh thu qua kênh hiện đại chiếm hơn một nửa tổng doanh thu.',
    lessons: 'Minh bạch nguồn gốc giúp người mua ở xa tin tưởng sản phẩm vùng cao.',
  },
  {
    slug: 'htx-lien-ket-chuoi-gao-st25', productLike: 'Gạo ST25%', topic: 'value_chain', publishedAt: at('2026-05-30'),
    name: 'Gạo ST25: liên kết chuỗi từ cánh đồng lúa – tôm đến siêu thị',
    summary: 'Mô hình liên kết giữa HTX, nông hộ và doanh nghiệp bao tiêu giúp gạo ST25 giữ chất lượng ổn định và đạt hạng sao cao.',
    whatTheyDid: 'HTX cung ứng giống xác nhận, hướng dẫn quy trình canh tác lúa – tôm, thu mua toàn bộ sản lượng theo giá sàn và ký hợp đồng bao tiêu với doanh nghiệp xay xát.',
    results: 'Năng suất ổn định, giá bán cao hơn lúa thường; sản phẩm vào hệ thống siêu thị.',
  },
  {
    slug: 'du-lich-cong-dong-lang-van-hoa', topic: 'community_tourism', sectorCode: 'VI', provinceCode: '08', publishedAt: at('2026-06-28'),
    name: 'Du lịch cộng đồng ở làng văn hóa vùng cao: homestay gắn với sản phẩm OCOP',
    summary: 'Các hộ dân cùng lập tổ hợp tác đón khách, bán sản phẩm OCOP của xã ngay tại homestay.',
    whatTheyDid: 'Tổ hợp tác thống nhất giá dịch vụ, tập huấn kỹ năng đón khách, xây dựng tour trải nghiệm làm chè, dệt vải và giới thiệu sản phẩm OCOP địa phương.',
    results: 'Lượng khách lưu trú tăng; sản phẩm OCOP của xã bán được ngay tại điểm du lịch.',
    lessons: 'Sản phẩm du lịch và sản phẩm OCOP hỗ trợ nhau khi cùng một câu chuyện địa phương.',
    starsBefore: 3, starsAfter: 4,
  },
  {
    slug: 'nuoc-mam-truyen-thong-bao-bi-moi', productLike: 'Nước mắm%', topic: 'branding', publishedAt: at('2026-07-12'),
    name: 'Nước mắm truyền thống: bao bì mới, câu chuyện sản phẩm và xuất khẩu',
    summary: 'Cơ sở nước mắm truyền thống làm lại nhãn, kể câu chuyện sản phẩm và đạt yêu cầu ghi nhãn của thị trường xuất khẩu.',
    whatTheyDid: 'Cơ sở thiết kế lại nhãn theo quy định ghi nhãn hàng hóa, bổ sung thông tin độ đạm, nguồn cá, và tham gia hội chợ xúc tiến thương mại.',
    results: 'Đơn hàng từ các nhà phân phối tăng; sản phẩm được giới thiệu tại hội chợ quốc tế.',
  },
];

/** Call inside seedDemo's transaction, after the certificates and the accounts. */
export async function seedDemoContent(tx: Queryable): Promise<{ articles: number; models: number; programmes: number; applications: number }> {
  const [central] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE role = 'central' ORDER BY email LIMIT 1`);
  const [province] = await query<{ id: string }>(tx, sql`SELECT id FROM app_user WHERE role = 'province' AND province_code = '08' ORDER BY email LIMIT 1`);
  const author = (p: string | null | undefined) => (p ? province?.id : central?.id) ?? null;

  for (const a of ARTICLES) {
    const created = a.publishedAt ? new Date(a.publishedAt.getTime() - 2 * 86_400_000) : at('2026-09-01');
    await tx.insert(newsArticle).values({ status: 'published', ...a, createdBy: author(a.provinceCode), createdAt: created, updatedAt: a.publishedAt ?? created });
  }

  let models = 0;
  for (const { productLike, ...m } of MODELS) {
    let place: { provinceCode: string; sectorCode: 'I' | 'II' | 'III' | 'IV' | 'V' | 'VI'; entityId: string | null; productId: string | null } | undefined;
    if (productLike) {
      const [p] = await query<{ id: string; entity_id: string; province_code: string; sector_code: string }>(tx, sql`
        SELECT p.id, p.entity_id, p.province_code, ps.sector_code FROM product p JOIN product_set ps ON ps.sheet = p.product_set
        JOIN entity e ON e.id = p.entity_id
        WHERE p.name LIKE ${productLike} AND p.status <> 'draft' AND e.status = 'approved'
        ORDER BY (p.status = 'certified') DESC, p.stars DESC NULLS LAST, p.code LIMIT 1`);
      if (p) place = { provinceCode: p.province_code, sectorCode: p.sector_code as 'I', entityId: p.entity_id, productId: p.id };
    }
    place ??= { provinceCode: m.provinceCode ?? '08', sectorCode: m.sectorCode ?? 'I', entityId: null, productId: null };
    await tx.insert(goodModel).values({ status: 'published', ...m, ...place, createdBy: central?.id ?? null, createdAt: m.publishedAt!, updatedAt: m.publishedAt! });
    models++;
  }

  const [agribank, fund, tq] = await tx.insert(creditProgramme).values([
    {
      name: 'Tín dụng phục vụ phát triển nông nghiệp, nông thôn', lender: 'Ngân hàng Nông nghiệp và Phát triển nông thôn (Agribank)', kind: 'preferential_loan',
      description: 'Cho vay hợp tác xã, tổ hợp tác, trang trại và hộ sản xuất kinh doanh trong lĩnh vực nông nghiệp, nông thôn, gồm chủ thể OCOP.',
      conditions: 'Có phương án sản xuất kinh doanh khả thi; được cho vay không có tài sản bảo đảm trong hạn mức theo quy định đối với từng loại khách hàng.',
      ratePercent: null, rateNote: 'Theo lãi suất cho vay ưu đãi lĩnh vực nông nghiệp, nông thôn của ngân hàng', maxAmountVnd: 3_000_000_000, opensOn: '2026-01-01', deadline: null,
      legalBasis: 'Nghị định 55/2015/NĐ-CP; Nghị định 116/2018/NĐ-CP', contact: 'Chi nhánh Agribank tại địa phương', provinceCode: null, createdBy: central?.id ?? null,
      createdAt: at('2026-06-01'), updatedAt: at('2026-06-01'),
    },
    {
      name: 'Cho vay từ Quỹ Hỗ trợ nông dân', lender: 'Quỹ Hỗ trợ nông dân (Hội Nông dân Việt Nam)', kind: 'preferential_loan',
      description: 'Cho vay hội viên nông dân và tổ hợp tác, hợp tác xã để phát triển sản xuất, kinh doanh, trong đó có sản phẩm OCOP.',
      conditions: 'Hội viên Hội Nông dân hoặc tổ chức kinh tế tập thể có phương án sản xuất; thông qua Hội Nông dân cấp xã.',
      ratePercent: 6.5, rateNote: 'Mức minh họa; theo quy định của Quỹ từng thời kỳ', maxAmountVnd: 500_000_000, opensOn: '2026-01-01', deadline: '2026-12-31',
      legalBasis: 'Nghị định 37/2023/NĐ-CP', contact: 'Hội Nông dân cấp xã', provinceCode: null, createdBy: central?.id ?? null,
      createdAt: at('2026-06-05'), updatedAt: at('2026-06-05'),
    },
    {
      name: 'Hỗ trợ lãi suất vay vốn cho chủ thể OCOP tỉnh Tuyên Quang', lender: 'Ngân sách tỉnh qua các ngân hàng thương mại', kind: 'interest_support',
      description: 'Tỉnh hỗ trợ một phần lãi suất khoản vay đầu tư nhà xưởng, máy móc, bao bì của chủ thể có sản phẩm OCOP từ 3 sao (dữ liệu minh họa).',
      conditions: 'Chủ thể có trụ sở tại tỉnh Tuyên Quang, có sản phẩm OCOP còn hiệu lực; khoản vay dùng cho đầu tư sản xuất sản phẩm OCOP.',
      ratePercent: null, rateNote: 'Hỗ trợ 50 % lãi suất trong 24 tháng (minh họa)', maxAmountVnd: 1_000_000_000, opensOn: '2026-03-01', deadline: '2026-11-30',
      legalBasis: 'Nghị quyết của HĐND tỉnh Tuyên Quang về chính sách hỗ trợ phát triển sản phẩm OCOP (dữ liệu minh họa)', contact: 'Văn phòng OCOP tỉnh Tuyên Quang',
      provinceCode: '08', createdBy: province?.id ?? null, createdAt: at('2026-06-10'), updatedAt: at('2026-06-10'),
    },
  ]).returning();

  // Applications: the demo producer's (approved), another entity of Mèo Vạc waiting, one of Tuyên Quang rejected,
  // and a few elsewhere, so the offices' summary says who was helped and with what.
  const entities = await query<{ id: string; province_code: string; commune_code: string; name: string }>(tx, sql`
    (SELECT id, province_code, commune_code, name FROM entity WHERE name = 'HTX Mật ong bạc hà Mèo Vạc' LIMIT 1)
    UNION ALL (SELECT id, province_code, commune_code, name FROM entity WHERE status = 'approved' AND province_code = '08' AND name <> 'HTX Mật ong bạc hà Mèo Vạc' ORDER BY id LIMIT 3)
    UNION ALL (SELECT id, province_code, commune_code, name FROM entity WHERE status = 'approved' AND province_code <> '08' ORDER BY id LIMIT 2)`);
  const [honey, tq1, tq2, tq3, other1, other2] = entities;
  const apps: (typeof creditApplication.$inferInsert)[] = [];
  const add = (e: typeof honey | undefined, p: typeof agribank, x: Partial<typeof creditApplication.$inferInsert> & { requestedAmountVnd: number; purpose: string; submittedOn: string }) => {
    if (!e) return;
    apps.push({ programmeId: p.id, entityId: e.id, provinceCode: e.province_code, communeCode: e.commune_code, createdAt: at(x.submittedOn), updatedAt: at(x.decidedOn ?? x.submittedOn), ...x });
  };
  add(honey, agribank, { requestedAmountVnd: 800_000_000, purpose: 'Đầu tư dây chuyền lọc, đóng lọ mật ong và kho bảo quản', submittedOn: '2026-06-15', status: 'approved', approvedAmountVnd: 700_000_000, decidedOn: '2026-07-10' });
  add(honey, tq, { requestedAmountVnd: 300_000_000, purpose: 'Hỗ trợ lãi suất khoản vay mua máy in nhãn và bao bì', submittedOn: '2026-08-20' });
  add(tq1, fund, { requestedAmountVnd: 200_000_000, purpose: 'Mở rộng vùng nguyên liệu, mua giống', submittedOn: '2026-07-01', status: 'approved', approvedAmountVnd: 150_000_000, decidedOn: '2026-07-25' });
  add(tq2, tq, { requestedAmountVnd: 900_000_000, purpose: 'Xây nhà xưởng sơ chế', submittedOn: '2026-07-05', status: 'rejected', rejectionReason: 'Sản phẩm chưa có giấy chứng nhận OCOP còn hiệu lực', decidedOn: '2026-07-30' });
  add(tq3, agribank, { requestedAmountVnd: 500_000_000, purpose: 'Mua máy sấy và đóng gói', submittedOn: '2026-08-28' });
  add(other1, agribank, { requestedAmountVnd: 1_200_000_000, purpose: 'Đầu tư kho lạnh', submittedOn: '2026-06-20', status: 'approved', approvedAmountVnd: 1_000_000_000, decidedOn: '2026-07-15' });
  add(other2, fund, { requestedAmountVnd: 100_000_000, purpose: 'Vốn lưu động mùa vụ', submittedOn: '2026-07-18' });
  if (apps.length) await tx.insert(creditApplication).values(apps);
  return { articles: ARTICLES.length, models, programmes: 3, applications: apps.length };
}
