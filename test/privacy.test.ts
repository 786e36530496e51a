// Personal data (Nghị định 13/2023/NĐ-CP): every GET route in the OpenAPI document, called anonymously over the demo
// data with real ids in its path, must answer without a single field the modules classify internal or sensitive
// (src/modules/*/*.fields.ts, read here, so a new field or a new module is covered without touching this test).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { query } from '../src/app/db.js';
import { findPrivateFields, privateNames, type RecordClassification } from '../src/app/privacy.js';
import { testApp, type TestApp } from './harness.js';
import { multipartBody } from './multipart.js';

// A 1×1 baseline JPEG.
const jpeg = Buffer.from('/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=', 'base64');

/** Every classification the modules declare, found by file name. */
async function classifications(): Promise<RecordClassification[]> {
  const root = join(import.meta.dirname, '..', 'src', 'modules');
  const out: RecordClassification[] = [];
  for (const m of readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    for (const f of readdirSync(join(root, m.name)).filter((n) => n.endsWith(`.fields${extname(import.meta.filename)}`))) {
      const mod = await import(join(root, m.name, f)) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        if (v && typeof v === 'object' && 'record' in v && 'fields' in v) out.push(v as RecordClassification);
      }
    }
  }
  return out;
}

let t: TestApp;
let records: RecordClassification[];
/** Real values for each `segment/{param}` of a path, so each route is called on records of every kind. */
let fillers: Record<string, string[]>;

before(async () => {
  t = await testApp({}, { demo: true });
  records = await classifications();
  const db = t.database.db;
  const ids = async (q: ReturnType<typeof sql>) => (await query<{ v: string }>(db, q)).map((r) => String(r.v));
  // A published product gets a photo and a private document, uploaded by an officer as a user would.
  const central = await t.login('trunguong@demo.ocop.vn', 'OcopDemo@2026');
  const [honey] = await ids(sql`SELECT p.id AS v FROM product p JOIN entity e ON e.id = p.entity_id WHERE p.status = 'certified' AND e.status = 'approved' ORDER BY p.code LIMIT 1`);
  for (const kind of ['image', 'document']) {
    const m = multipartBody([{ name: 'kind', value: kind }, { name: 'file', filename: `CCCD_Sung_Thi_My_${kind}.jpg`, type: 'image/jpeg', bytes: jpeg }]);
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/products/${honey}/files`, payload: m.payload, headers: { 'content-type': m.contentType, cookie: central.cookie, 'x-csrf-token': central.csrf } });
    assert.equal(res.statusCode, 201, res.body);
  }
  // The traced product (issue 12): the published product above gets a GTIN, a lot and a raw-material area, so its QR
  // codes, the resolver and the public trace page are walked too.
  await db.execute(sql`UPDATE product SET gtin = '08930009000010' WHERE id = ${honey}`);
  await db.execute(sql`INSERT INTO trace_lot (product_id, gtin, lot, produced_on) VALUES (${honey}, '08930009000010', 'P1', '2026-03-01')`);
  await db.execute(sql`INSERT INTO trace_location (entity_id, gln, kind, name, province_code) SELECT entity_id, '8930009000010', 'raw_material_area', 'Vùng nguyên liệu thử', province_code FROM product WHERE id = ${honey}`);
  const one = (status: string) => sql`(SELECT id::text AS v FROM entity WHERE status = ${status} ORDER BY id LIMIT 1)`;
  fillers = {
    'entities/{id}': await ids(sql`${one('approved')} UNION ALL ${one('pending')} UNION ALL ${one('refused')}`),
    'products/{id}': [honey, ...await ids(sql`(SELECT id::text AS v FROM product WHERE status = 'draft' ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM product WHERE status = 'registered' ORDER BY id LIMIT 1)`)],
    'files/{id}': await ids(sql`SELECT id::text AS v FROM stored_file ORDER BY created_at`),
    'certificates/{number}': await ids(sql`(SELECT number AS v FROM certificate WHERE status = 'revoked' LIMIT 1) UNION ALL (SELECT number FROM certificate WHERE status <> 'revoked' LIMIT 2)`),
    'score-sheets/{number}': ['1', '4', '26'],
    'dossiers/{id}': await ids(sql`SELECT id::text AS v FROM dossier ORDER BY id LIMIT 3`),
    'councils/{id}': await ids(sql`SELECT id::text AS v FROM council ORDER BY id LIMIT 2`),
    'sessions/{id}': await ids(sql`SELECT id::text AS v FROM council_session ORDER BY id LIMIT 2`),
    'items/{itemId}': await ids(sql`SELECT id::text AS v FROM session_item ORDER BY id LIMIT 1`),
    'members/{userId}': await ids(sql`SELECT user_id::text AS v FROM council_member ORDER BY id LIMIT 1`),
    'scores/{id}': await ids(sql`SELECT id::text AS v FROM member_score ORDER BY id LIMIT 1`),
    'submissions/{seq}': ['1'],
    'forms/{form}': ['01.pdf', '02.pdf'],
    'files/{fileId}': await ids(sql`SELECT id::text AS v FROM dossier_file ORDER BY id LIMIT 1`),
    'tokens/{id}': await ids(sql`SELECT id::text AS v FROM api_token ORDER BY id LIMIT 1`),
    'users/{id}': await ids(sql`SELECT id::text AS v FROM app_user ORDER BY id LIMIT 1`),
    'import/{id}': [],
    'imports/{id}': [],
    'lots/{id}': await ids(sql`SELECT id::text AS v FROM trace_lot ORDER BY id LIMIT 2`),
    'lots/{lotId}': await ids(sql`SELECT id::text AS v FROM trace_lot ORDER BY id LIMIT 1`),
    'mailbox/{id}': [], // the development mailbox: empty here (no worker runs), so an unknown id
    // The EPCIS repository (/epcis): its resource views take an identifier, a CBV word or an event ID.
    'capture/{captureID}': [],
    'events/{eventID}': (await ids(sql`SELECT event_id AS v FROM epcis_event ORDER BY seq LIMIT 2`)).map(encodeURIComponent),
    'epcs/{value}': [encodeURIComponent('https://id.gs1.org/01/08930001000018')],
    'bizSteps/{value}': ['shipping'],
    'bizLocations/{value}': [encodeURIComponent('urn:epc:id:sgln:8930001.00010.0')],
    'readPoints/{value}': [encodeURIComponent('urn:epc:id:sgln:8930001.00010.0')],
    'dispositions/{value}': ['in_transit'],
    'eventTypes/{value}': ['ObjectEvent'],
    // Sales channels of every status (the public may read only verified current ones) and every indicator.
    'channels/{id}': await ids(sql`(SELECT id::text AS v FROM sales_channel WHERE status = 'verified' ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM sales_channel WHERE status = 'unverified' ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM sales_channel WHERE status = 'rejected' ORDER BY id LIMIT 1)`),
    // The programme: the plans of a year (the public reads approved ones) and product ideas (never public).
    'plans/{year}': ['2026', '2025'],
    'product-ideas/{id}': await ids(sql`SELECT id::text AS v FROM product_idea ORDER BY id LIMIT 2`),
    // The programme's content (issue 15): published and draft articles and models, the credit directory, and the
    // applications (never public: 401 to the public).
    'news/{id}': await ids(sql`(SELECT id::text AS v FROM news_article WHERE status = 'published' ORDER BY slug LIMIT 1) UNION ALL (SELECT id::text FROM news_article WHERE status <> 'published' ORDER BY slug LIMIT 1)`),
    'images/{imageId}': await ids(sql`SELECT id::text AS v FROM news_image ORDER BY id LIMIT 1`),
    'good-models/{id}': await ids(sql`(SELECT id::text AS v FROM good_model WHERE status = 'published' ORDER BY slug LIMIT 1) UNION ALL (SELECT id::text FROM good_model WHERE status <> 'published' ORDER BY slug LIMIT 1)`),
    'attachments/{attachmentId}': await ids(sql`SELECT id::text AS v FROM good_model_file ORDER BY id LIMIT 1`),
    'programmes/{id}': await ids(sql`SELECT id::text AS v FROM credit_programme ORDER BY name LIMIT 2`),
    'applications/{id}': await ids(sql`SELECT id::text AS v FROM credit_application ORDER BY id LIMIT 2`),
    // Fairs (every registration status: the public sees approved ones without results), livestream sessions (not
    // public at all) and tourism destinations.
    'trade-events/{id}': await ids(sql`SELECT id::text AS v FROM trade_event ORDER BY id LIMIT 2`),
    'registrations/{id}': await ids(sql`(SELECT id::text AS v FROM trade_event_registration WHERE status = 'approved' AND sales_vnd IS NOT NULL ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM trade_event_registration WHERE status = 'pending' ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM trade_event_registration WHERE status = 'rejected' ORDER BY id LIMIT 1)`),
    'livestreams/{id}': await ids(sql`SELECT id::text AS v FROM livestream_session ORDER BY id LIMIT 1`),
    'tourism-destinations/{id}': await ids(sql`SELECT id::text AS v FROM tourism_destination ORDER BY id LIMIT 2`),
    'indicators/{name}': ['products-by-stars', 'products-by-sector', 'products-by-province', 'certificates', 'entities-by-type', 'entities-by-sex', 'entities-by-ethnicity', 'entities-by-disability',
      'modern-channels-by-province', 'modern-channels-by-commune', 'products-by-commune', 'fairs', 'livestream'],
    // Consumer reports (issue 14) of every status; the public reads a reference's status only.
    'reports/{reference}': await ids(sql`SELECT DISTINCT ON (status) reference AS v FROM report ORDER BY status, created_at`),
    'photos/{fileId}': [],
    // Inspections (issue 14): officers' and inspectors' records only; the public gets 401 on each.
    'inspection-plans/{id}': await ids(sql`SELECT id::text AS v FROM inspection_plan ORDER BY id LIMIT 1`),
    'inspections/{id}': await ids(sql`(SELECT id::text AS v FROM inspection WHERE status = 'done' AND lab_file_id IS NULL ORDER BY id LIMIT 1) UNION ALL (SELECT id::text FROM inspection WHERE status = 'planned' ORDER BY id LIMIT 1)`),
    // Issue 15 (capacity): areas, trainings and their attendees, checklist lines — none public (401 to the public).
    'raw-material-areas/{id}': await ids(sql`SELECT id::text AS v FROM raw_material_area ORDER BY id LIMIT 2`),
    'trainings/{id}': await ids(sql`SELECT id::text AS v FROM training ORDER BY id LIMIT 2`),
    'attendees/{attendeeId}': await ids(sql`SELECT id::text AS v FROM training_attendee ORDER BY id LIMIT 1`),
    'compliance/{code}': ['food_safety_certificate'],
  };
});
after(() => t.close());

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

/** Lists are also asked for the records the public must not see. */
const QUERY_VARIANTS: Record<string, string[]> = {
  '/api/v1/entities': ['', '?status=pending&pageSize=200', '?status=refused&pageSize=200', '?type=ho_kinh_doanh&pageSize=200'],
  '/api/v1/products': ['', '?status=draft&pageSize=200', '?pageSize=200&sort=-updatedAt'],
  '/api/v1/certificates': ['', '?status=revoked&pageSize=200'],
  '/api/v1/channels': ['', '?status=unverified&pageSize=200', '?status=rejected&pageSize=200', '?current=false&pageSize=200'],
  '/api/v1/indicators/modern-channels': ['', '?province=08', '?commune=00769'],
  '/api/v1/dashboard': ['', '?province=08'],
  '/api/v1/news': ['', '?status=draft', '?status=unpublished&sort=-createdAt', '?province=08'],
  '/api/v1/good-models': ['', '?status=draft', '?q=che shan tuyet', '?province=08'],
  '/api/v1/credit/programmes': ['', '?province=08', '?open=false'],
  '/api/v1/credit/applications': ['', '?status=approved'],
  '/api/v1/trade-events': ['', '?status=draft&pageSize=200', '?province=08'],
  '/api/v1/trade-events/registrations': ['', '?status=pending&pageSize=200', '?status=rejected&pageSize=200'],
  '/api/v1/tourism-destinations': ['', '?province=08', '?bbox=102,8,118,24'],
  '/api/v1/indicators/fairs': ['', '?province=08'],
  '/api/v1/indicators/livestream': ['', '?province=08'],
  // Officers only: the public gets 401.
  '/api/v1/office/dashboard': ['', '?province=08'],
  '/api/v1/reports': ['', '?status=open', '?status=closed'],
};

/** The concrete URLs of one documented path: every value of its first parameter, the first of the others. */
function urlsOf(path: string): string[] {
  const params = [...path.matchAll(/([^/]+)\/\{(\w+)\}/g)];
  if (!params.length) return (QUERY_VARIANTS[path] ?? ['']).map((q) => path + q);
  const values = params.map(([, segment, name]) => {
    const v = fillers[`${segment}/{${name}}`];
    assert.ok(v, `no demo value for ${segment}/{${name}} in ${path}: add one to the fillers of test/privacy.test.ts`);
    // The demo may hold none of a kind (no dossier evidence yet): the route is still called, on an unknown id.
    return v.length ? v : [NO_SUCH_ID];
  });
  return values[0].map((first) => params.reduce((url, [whole, segment], i) => url.replace(whole, `${segment}/${i === 0 ? first : values[i][0]}`), path)
    .replace(/\{(\w+)\}/g, (_, n) => assert.fail(`unfilled {${n}} in ${path}`)));
}

test('the classification files cover the registry, accounts and scoring, and name each field once per record', () => {
  const names = new Set(records.map((r) => r.record));
  for (const r of ['entity', 'product', 'file', 'user', 'certificate', 'dossier']) assert.ok(names.has(r), r);
  const never = privateNames(records);
  for (const n of ['representative', 'ethnicity', 'disability', 'sex', 'email', 'phone', 'address', 'taxCode', 'statusReason', 'originalName', 'actorName', 'authorName', 'csrfToken']) {
    assert.ok(never.alwaysPrivate.has(n), `${n} is never public`);
  }
  assert.ok(never.qualifiedPrivate.has('revocation.note'));
  assert.ok(never.qualifiedPublic.has('contact.phone'));
});

test('no route the public can call returns an internal or sensitive field (demo data, every GET in the OpenAPI document)', async () => {
  const doc = (await t.call({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const names = privateNames(records);
  const leaks: string[] = [];
  let calls = 0;
  let answered = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    if (!item.get) continue;
    for (const url of urlsOf(path)) {
      const res = await t.call({ url });
      calls++;
      if (res.statusCode >= 500) leaks.push(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      // Refusals (401, 403, 404) carry a problem document, whose keys are not records'.
      if (res.statusCode >= 300 || !String(res.headers['content-type']).includes('json')) continue;
      answered++;
      for (const where of findPrivateFields(res.json(), names)) leaks.push(`${url} ${where}`);
    }
  }
  assert.deepEqual(leaks, [], `private fields reach the public:\n${leaks.slice(0, 60).join('\n')}`);
  assert.ok(calls > 40 && answered > 15, `${calls} calls, ${answered} answered with JSON`);
});

test('a product\'s documents and the uploaders\' file names stay private; its photo does not carry the file name', async () => {
  const [honey] = fillers['products/{id}'];
  const p = (await t.call({ url: `/api/v1/products/${honey}` })).json();
  assert.deepEqual(p.files.map((f: { kind: string }) => f.kind), ['image']);
  assert.equal(p.files[0].originalName, undefined);
  const photo = await t.call({ url: p.files[0].url });
  assert.equal(photo.statusCode, 200);
  assert.doesNotMatch(String(photo.headers['content-disposition']), /CCCD|Sung/, 'the download does not carry the uploader\'s file name');
  const central = await t.login('trunguong@demo.ocop.vn', 'OcopDemo@2026');
  const all = (await t.call({ url: `/api/v1/products/${honey}`, as: central })).json();
  assert.deepEqual(all.files.map((f: { kind: string }) => f.kind).sort(), ['document', 'image']);
  assert.match(all.files[0].originalName, /CCCD/);
});

test('the public entity: name, type, commune and province, the contact it chose to publish; nothing else', async () => {
  const db = t.database.db;
  const [household] = await query<{ id: string }>(db, sql`SELECT id FROM entity WHERE status = 'approved' AND type = 'ho_kinh_doanh' AND phone IS NOT NULL LIMIT 1`);
  const [htx] = await query<{ id: string; phone: string }>(db, sql`SELECT id, phone FROM entity WHERE status = 'approved' AND type = 'htx' AND phone IS NOT NULL LIMIT 1`);
  const h = (await t.call({ url: `/api/v1/entities/${household.id}` })).json();
  assert.deepEqual(Object.keys(h).sort(), ['actions', 'communeCode', 'communeName', 'contact', 'createdAt', 'id', 'name', 'provinceCode', 'provinceName', 'status', 'type', 'updatedAt', 'website']);
  assert.equal(h.contact, null, 'a household business does not publish its (personal) phone until it chooses to');
  const o = (await t.call({ url: `/api/v1/entities/${htx.id}` })).json();
  assert.equal(o.contact.phone, htx.phone, 'an organisation publishes its business line by default');
  // The choice is the entity's: a cooperative that withdraws it disappears from the public page.
  await db.execute(sql`UPDATE entity SET publish_contact = false WHERE id = ${htx.id}`);
  assert.equal((await t.call({ url: `/api/v1/entities/${htx.id}` })).json().contact, null);
  await db.execute(sql`UPDATE entity SET publish_contact = true WHERE id = ${household.id}`);
  assert.ok((await t.call({ url: `/api/v1/entities/${household.id}` })).json().contact.phone);
});

test('the server-rendered public pages carry no internal or sensitive value of the records they show', async () => {
  const db = t.database.db;
  // The private values of the demo: representatives, registration and tax numbers, street addresses, unpublished
  // phones and e-mails, the office's revocation notes, uploaders' file names. A household's name may contain a
  // person's name ("Hộ sản xuất Ngô Thị Vân"): a value some public name shows is not counted.
  const publicNames = (await query<{ name: string }>(db, sql`SELECT name FROM entity UNION ALL SELECT name FROM product`)).map((r) => r.name);
  const privateValues = (await query<{ v: string | null }>(db, sql`
    SELECT representative->>'fullName' AS v FROM entity
    UNION ALL SELECT registration_number FROM entity
    UNION ALL SELECT tax_code FROM entity
    UNION ALL SELECT address FROM entity
    UNION ALL SELECT phone FROM entity WHERE publish_contact = false OR (publish_contact IS NULL AND type = 'ho_kinh_doanh')
    UNION ALL SELECT email FROM entity WHERE publish_contact = false OR (publish_contact IS NULL AND type = 'ho_kinh_doanh')
    UNION ALL SELECT revocation_note FROM certificate
    UNION ALL SELECT purpose FROM credit_application
    UNION ALL SELECT rejection_reason FROM credit_application
    UNION ALL SELECT title_vi FROM news_article WHERE status <> 'published'
    UNION ALL SELECT 'CCCD_Sung_Thi_My'`))
    .map((r) => r.v).filter((v): v is string => !!v && v.length >= 4 && !publicNames.some((n) => n.includes(v)));
  assert.ok(privateValues.length > 10);
  const urls = [
    '/', '/?status=all', '/?status=registered', '/giay-chung-nhan', '/giay-chung-nhan?status=revoked',
    ...fillers['products/{id}'].map((id) => `/san-pham/${id}`),
    ...fillers['entities/{id}'].map((id) => `/chu-the/${id}`),
    ...fillers['certificates/{number}'].map((n) => `/xac-minh/${encodeURIComponent(n)}`),
    '/tin-tuc', '/tin-tuc?kind=guide', '/feeds/news.xml', '/mo-hinh-hay', '/mo-hinh-hay?q=che+shan+tuyet',
    ...(await query<{ slug: string }>(db, sql`SELECT slug FROM news_article ORDER BY slug`)).map((r) => `/tin-tuc/${r.slug}`),
    ...(await query<{ slug: string }>(db, sql`SELECT slug FROM good_model ORDER BY slug`)).map((r) => `/mo-hinh-hay/${r.slug}`),
    '/du-lich', '/du-lich?province=08', ...fillers['tourism-destinations/{id}'].map((id) => `/du-lich/${id}`),
    '/truy-xuat/01/08930009000010', '/truy-xuat/01/08930009000010/10/P1', '/01/08930009000010/10/P1?linkType=linkset', '/414/8930009000010?linkType=linkset',
  ];
  const leaks: string[] = [];
  let shown = 0;
  for (const url of urls) {
    const res = await t.call({ url });
    if (res.statusCode === 200) shown++;
    for (const v of privateValues) if (res.body.includes(v)) leaks.push(`${url}: ${v}`);
  }
  assert.deepEqual(leaks, []);
  assert.ok(shown >= 10, `${shown} pages shown`);
  // Drafts and entities not (yet) approved have no public page.
  const [draft] = await query<{ id: string }>(db, sql`SELECT id FROM product WHERE status = 'draft' LIMIT 1`);
  if (draft) assert.equal((await t.call({ url: `/san-pham/${draft.id}` })).statusCode, 404);
  const [pending] = await query<{ id: string }>(db, sql`SELECT id FROM entity WHERE status = 'pending' LIMIT 1`);
  if (pending) assert.equal((await t.call({ url: `/chu-the/${pending.id}` })).statusCode, 404);
});
