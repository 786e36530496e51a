// Import benchmark: a 10,000-row workbook (2,000 entities + 8,000 products in real communes of Tuyên Quang, named by
// code, by name and by district-era address) previewed and committed through the HTTP API by a province officer.
// Runs on the embedded database and, when DATABASE_URL is set, on PostgreSQL too. Needs the test template
// (`npx tsx test/prepare.ts`, with DATABASE_URL for PostgreSQL). Target: preview + commit under 10 s on 2 cores.
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { entityRow, multipart, productRow, workbook, type SheetRow } from '../src/modules/registry/import/import.fixtures.js';
import { TEMPLATE_FILE, testApp } from '../test/harness.js';

const ENTITIES = Number(process.env.BENCH_ENTITIES ?? 2_000);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 8_000);
const PROVINCE = '08';

async function run(label: string) {
  const t = await testApp();
  try {
    const officer = await t.user('province', { provinceCode: PROVINCE });
    // Warm-up: a first small import pays the fresh database's one-off costs (first writes into the indexes,
    // the server's first multipart parse), as a running server already has; the figures below are the steady state.
    const warm = multipart(await workbook([entityRow('00769', { 'Số ĐKKD': 'BENCH-WARM' })], [productRow('BENCH-WARM')]));
    const warmed = (await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: warm.body as never, headers: warm.headers, as: officer })).json();
    await t.call({ method: 'POST', url: `/api/v1/imports/${warmed.id}/commit`, as: officer });
    const communes = await query<{ code: string; full_name: string }>(t.database.db, sql`SELECT code, full_name FROM commune WHERE province_code = ${PROVINCE} ORDER BY code`);
    // District-era addresses that name exactly one commune in force in this province.
    const old = await query<{ old_name: string; old_district: string; old_province: string }>(t.database.db, sql`
      SELECT m.old_name, m.old_district, m.old_province FROM commune_mapping m JOIN commune c ON c.code = m.new_code
      WHERE c.province_code = ${PROVINCE}
      GROUP BY m.old_name, m.old_district, m.old_province HAVING count(DISTINCT m.new_code) = 1 ORDER BY 1, 2 LIMIT 300`);

    const entities: SheetRow[] = [];
    for (let i = 0; i < ENTITIES; i++) {
      const c = communes[i % communes.length];
      const o = old[i % old.length];
      const place = i % 5 === 3 ? { 'Mã xã': null, 'Tên xã': c.full_name, 'Tỉnh/Thành phố': 'Tuyên Quang' }
        : i % 5 === 4 ? { 'Mã xã': null, 'Xã cũ (trước 7/2025)': o.old_name, 'Huyện cũ': o.old_district, 'Tỉnh cũ': o.old_province }
          : {};
      entities.push(entityRow(c.code, { 'Số ĐKKD': `BENCH-${String(i).padStart(6, '0')}`, 'Tên chủ thể': `HTX Đặc sản số ${i} ${c.full_name}`, ...place }));
    }
    const products: SheetRow[] = [];
    for (let i = 0; i < PRODUCTS; i++) {
      products.push(productRow(`BENCH-${String(i % ENTITIES).padStart(6, '0')}`, {
        'Tên sản phẩm': `Sản phẩm OCOP số ${i}`, 'Bộ sản phẩm': (i % 26) + 1, 'Thành phần': 'Nguyên liệu địa phương', 'Trạng thái': i % 3 ? 'Nháp' : 'Đã đăng ký',
      }));
    }
    let started = performance.now();
    const bytes = await workbook(entities, products);
    const writeMs = performance.now() - started;

    const { body, headers } = multipart(bytes, 'bench.xlsx');
    started = performance.now();
    const preview = await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: body as never, headers, as: officer });
    const previewMs = performance.now() - started;
    if (preview.statusCode !== 200) throw new Error(`preview ${preview.statusCode}: ${preview.body.slice(0, 500)}`);
    const p = preview.json();
    if (p.totals.errors) throw new Error(`preview errors: ${JSON.stringify(p.rows.find((r: { errors: unknown[] }) => r.errors.length))}`);

    started = performance.now();
    const commit = await t.call({ method: 'POST', url: `/api/v1/imports/${p.id}/commit`, as: officer });
    const commitMs = performance.now() - started;
    if (commit.statusCode !== 200) throw new Error(`commit ${commit.statusCode}: ${commit.body.slice(0, 500)}`);
    const [n] = await query<{ audits: number }>(t.database.db, sql`SELECT count(*)::int AS audits FROM audit_log WHERE action IN ('entity.create', 'product.create') AND record_id IN (SELECT id::text FROM entity WHERE registration_number LIKE 'BENCH-0%' UNION ALL SELECT p.id::text FROM product p JOIN entity e ON e.id = p.entity_id WHERE e.registration_number LIKE 'BENCH-0%')`);

    const s = (x: number) => `${(x / 1000).toFixed(2)} s`;
    console.log(`\n## ${label}: ${(ENTITIES + PRODUCTS).toLocaleString('vi-VN')} rows (${ENTITIES.toLocaleString('vi-VN')} entities, ${PRODUCTS.toLocaleString('vi-VN')} products), ${(bytes.length / 1024).toFixed(0)} KB`);
    console.log(`workbook written in ${s(writeMs)} (not counted); after a 2-row warm-up import`);
    console.log(`preview ${s(previewMs)} · commit ${s(commitMs)} · total ${s(previewMs + commitMs)} (target < 10 s)`);
    console.log(`committed ${JSON.stringify(commit.json())}, ${n.audits.toLocaleString('vi-VN')} audit records`);

    // Round trip: export the province's products (streamed .xlsx) and import the file back: every row an update.
    started = performance.now();
    const exported = await t.call({ url: `/api/v1/products/export?format=xlsx&province=${PROVINCE}`, as: officer });
    const exportMs = performance.now() - started;
    const back = multipart(exported.rawPayload, 'san-pham.xlsx');
    started = performance.now();
    const again = (await t.call({ method: 'POST', url: '/api/v1/imports/preview', body: back.body as never, headers: back.headers, as: officer })).json();
    const againPreviewMs = performance.now() - started;
    started = performance.now();
    const updated = await t.call({ method: 'POST', url: `/api/v1/imports/${again.id}/commit`, as: officer });
    const againCommitMs = performance.now() - started;
    console.log(`export ${again.totals.rows.toLocaleString('vi-VN')} products ${s(exportMs)} (${(exported.rawPayload.length / 1024).toFixed(0)} KB) · re-import preview ${s(againPreviewMs)} · commit ${s(againCommitMs)} → ${updated.body}`);
  } finally {
    await t.close();
  }
}

if (!process.env.DATABASE_URL && !existsSync(TEMPLATE_FILE)) {
  console.error(`No test template at ${TEMPLATE_FILE}: run \`npx tsx test/prepare.ts\` first.`);
  process.exit(1);
}
const url = process.env.DATABASE_URL;
delete process.env.DATABASE_URL;
await run('PGlite (embedded)');
if (url) {
  process.env.DATABASE_URL = url;
  await run('PostgreSQL');
}
