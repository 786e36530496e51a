import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { testApp, type TestApp } from '../../../test/harness.js';
import { assertProblem } from '../../../test/api-helpers.js';
import { gtinUnderPrefix } from './gs1.rules.js';
import { tracedProduct, type Traced } from './trace.fixtures.js';

let t: TestApp;
let w: Traced;
let base: string;
before(async () => {
  t = await testApp();
  w = await tracedProduct(t);
  base = t.config.publicUrl.replace(/\/$/, '');
});
after(() => t.close());

const LINKSET = 'application/linkset+json';

/** A write on another connection (another server process, or SQL typed by hand) reaches the resolver's cache as a
 * PostgreSQL notification, delivered as it commits: asks again until the answer shows it (a bound, not a timing). */
async function eventually(check: () => Promise<boolean>): Promise<boolean> {
  for (let i = 0; i < 300; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
const rel = (name: string) => `https://gs1.org/voc/${name}`;
type Target = { href: string; title: string; type: string; hreflang: string[] };

test('a browser is sent (307) to the trace page; GTIN-13, trailing slash, HEAD and the query string are handled', async () => {
  const lotPath = `/01/${w.gtin}/10/${w.lot}`;
  const res = await t.call({ url: `${lotPath}?17=280301&lang=en`, headers: { accept: 'text/html' } });
  assert.equal(res.statusCode, 307);
  assert.equal(res.headers.location, `${base}/truy-xuat${lotPath}?17=280301&lang=en`);
  assert.match(String(res.headers.link), /rel="linkset"/);
  assert.equal(res.headers['access-control-allow-origin'], '*');
  assert.match(String(res.headers['cache-control']), /public, max-age=\d+/);
  const gtin13 = w.gtin.slice(1);
  const short = await t.call({ url: `/01/${gtin13}/` });
  assert.equal(short.statusCode, 307);
  assert.equal(short.headers.location, `${base}/truy-xuat/01/${w.gtin}`);
  assert.equal((await t.app.inject({ method: 'HEAD', url: lotPath })).statusCode, 307);
  const pre = await t.app.inject({ method: 'OPTIONS', url: lotPath, headers: { origin: 'https://shop.example', 'access-control-request-method': 'GET' } });
  assert.equal(pre.statusCode, 204);
  assert.match(String(pre.headers['access-control-allow-methods']), /GET, HEAD, OPTIONS/);
  // An English reader's browser goes to the English page.
  assert.equal((await t.call({ url: `/01/${w.gtin}`, headers: { 'accept-language': 'en-GB,en;q=0.9' } })).headers.location, `${base}/truy-xuat/01/${w.gtin}?lang=en`);
});

test('the linkset (RFC 9264): every link with href, title, type and hreflang; GTIN links inherited by lot and serial; a lot link overrides', async () => {
  const owner = w.entity;
  // A GTIN-level recipe link and a lot-level retailer link stored by the entity.
  let put = await t.call({ method: 'PUT', url: `/api/v1/trace/links?anchor=/01/${w.gtin}`, as: owner, body: { links: [{ linkType: 'gs1:recipeInfo', href: 'https://example.vn/cong-thuc', title: 'Công thức', hreflang: 'vi' }] } });
  assert.equal(put.statusCode, 200, put.body);
  put = await t.call({ method: 'PUT', url: `/api/v1/trace/links?anchor=${encodeURIComponent(`${base}/01/${w.gtin}/10/${w.lot}`)}`, as: owner, body: { links: [{ linkType: 'gs1:hasRetailers', href: 'https://shop.example.vn/mat-ong', title: 'Gian hàng', hreflang: 'vi' }] } });
  assert.equal(put.statusCode, 200, put.body);
  assert.equal(put.json().anchor, `/01/${w.gtin}/10/${w.lot}`);

  const gtinSet = await t.call({ url: `/01/${w.gtin}?linkType=linkset` });
  assert.equal(gtinSet.statusCode, 200);
  assert.match(String(gtinSet.headers['content-type']), /^application\/linkset\+json/);
  assert.ok(gtinSet.headers.etag);
  const g = gtinSet.json().linkset[0];
  assert.equal(g.anchor, `${base}/01/${w.gtin}`);
  for (const name of ['defaultLink', 'pip', 'certificationInfo', 'traceability', 'hasRetailers', 'recipeInfo']) assert.ok(g[rel(name)]?.length, name);
  for (const [k, targets] of Object.entries(g)) {
    if (!k.startsWith('https://')) continue;
    for (const x of targets as Target[]) {
      assert.ok(x.href && x.title && x.type && Array.isArray(x.hreflang) && x.hreflang.length === 1, `${k}: ${JSON.stringify(x)}`);
    }
  }
  assert.equal((g[rel('certificationInfo')] as Target[]).find((x) => x.hreflang[0] === 'vi')!.href, `${base}/xac-minh/${w.certificate}`);
  assert.equal((g[rel('hasRetailers')] as Target[])[0].href, `${base}/san-pham/${w.productId}`);

  // The serial, asked by Accept: the lot's retailer (overriding the GTIN default), the GTIN's recipe, its own events.
  const s = await t.call({ url: `/01/${w.gtin}/10/${w.lot}/21/A001`, headers: { accept: LINKSET } });
  assert.equal(s.statusCode, 200);
  const sl = s.json().linkset[0];
  assert.equal(sl.anchor, `${base}/01/${w.gtin}/10/${w.lot}/21/A001`);
  assert.equal((sl[rel('recipeInfo')] as Target[])[0].href, 'https://example.vn/cong-thuc');
  assert.equal((sl[rel('hasRetailers')] as Target[]).find((x) => x.hreflang[0] === 'vi')!.href, 'https://shop.example.vn/mat-ong');
  assert.match((sl[rel('traceability')] as Target[])[0].href, new RegExp(`/epcis/events\\?MATCH_epc=${encodeURIComponent(`https://id.gs1.org/01/${w.gtin}/10/${w.lot}/21/A001`)}`));
  assert.equal((sl[rel('defaultLink')] as Target[])[0].href, `${base}/truy-xuat/01/${w.gtin}/10/${w.lot}/21/A001`);
  // A revisit with the ETag costs a 304.
  assert.equal((await t.call({ url: `/01/${w.gtin}?linkType=linkset`, headers: { 'if-none-match': String(gtinSet.headers.etag) } })).statusCode, 304);

  // linkType asks for one link: the certificate's verification page; an unknown type falls back to the default.
  const cert = await t.call({ url: `/01/${w.gtin}/10/${w.lot}?linkType=gs1:certificationInfo` });
  assert.equal(cert.statusCode, 307);
  assert.equal(cert.headers.location, `${base}/xac-minh/${w.certificate}`);
  assert.equal((await t.call({ url: `/01/${w.gtin}?linkType=gs1:nutritionalInfo` })).headers.location, `${base}/truy-xuat/01/${w.gtin}`);
  assert.equal((await t.call({ url: `/01/${w.gtin}?linkType=gs1:recipeInfo` })).headers.location, 'https://example.vn/cong-thuc');
});

test('malformed Digital Links get 400 problems telling what is wrong; unknown or unpublished identifiers 404', async () => {
  const bad = `${w.gtin.slice(0, 13)}${(Number(w.gtin[13]) + 1) % 10}`;
  assertProblem(await t.call({ url: `/01/${bad}` }), 400, 'gs1_bad_check_digit');
  assertProblem(await t.call({ url: `/01/${w.gtin}/21/S1/10/${w.lot}` }), 400, 'gs1_qualifier_order');
  assertProblem(await t.call({ url: `/01/${w.gtin}/99/X` }), 400, 'gs1_unknown_ai');
  assertProblem(await t.call({ url: `/01/12345` }), 400, 'gs1_malformed');
  assertProblem(await t.call({ url: `/01/${gtinUnderPrefix('8930009', 99_999)}` }), 404, 'identifier_not_found');
  assertProblem(await t.call({ url: `/01/${w.gtin}/10/NOSUCHLOT` }), 404, 'identifier_not_found');
  await t.database.db.execute(sql`UPDATE product SET status = 'draft' WHERE id = ${w.productId}`);
  try {
    assert.ok(await eventually(async () => (await t.call({ url: `/01/${w.gtin}` })).statusCode === 404));
    assertProblem(await t.call({ url: `/01/${w.gtin}` }), 404);
  } finally {
    await t.database.db.execute(sql`UPDATE product SET status = 'registered' WHERE id = ${w.productId}`);
  }
  assert.ok(await eventually(async () => (await t.call({ url: `/01/${w.gtin}` })).statusCode === 307));
  // A location's GLN resolves to its entity.
  const loc = await t.call({ url: `/414/${w.glns.shop}` });
  assert.equal(loc.statusCode, 307);
  assert.equal(loc.headers.location, `${base}/chu-the/${w.entityId}`);
});

test('/.well-known/gs1resolver describes the resolver', async () => {
  const res = await t.call({ url: '/.well-known/gs1resolver' });
  assert.equal(res.statusCode, 200);
  const d = res.json();
  assert.equal(d.resolverRoot, base);
  assert.deepEqual(d.supportedPrimaryKeys, ['01', '414']);
  assert.ok(d.supportedLinkType.some((l: { linkType: string }) => l.linkType === 'gs1:certificationInfo'));
});

test('links: only the entity owning the identifier, or the central office, writes them; nobody overwrites another\'s', async () => {
  const anchor = `/api/v1/trace/links?anchor=/01/${w.gtin}/10/${w.lot}`;
  const body = { links: [{ linkType: 'gs1:promotion', href: 'https://example.vn/khuyen-mai', title: 'Khuyến mãi' }] };
  assertProblem(await t.call({ method: 'PUT', url: anchor, body }), 401);
  const other = await tracedProduct(t, { central: w.central });
  assertProblem(await t.call({ method: 'PUT', url: anchor, as: other.entity, body }), 403, 'not_link_owner');
  assertProblem(await t.call({ method: 'PUT', url: anchor, as: await t.user('province', { provinceCode: '08' }), body }), 403);
  assertProblem(await t.call({ method: 'PUT', url: anchor, as: w.entity, body: { links: [...body.links, ...body.links] } }), 400, 'duplicate_link');
  assertProblem(await t.call({ method: 'PUT', url: anchor, as: w.entity, body: { links: [{ ...body.links[0], linkType: 'gs1:madeUp' }] } }), 400);
  assertProblem(await t.call({ url: anchor, as: other.entity }), 403);
  // The lot's own link from the previous test is still there: the refusals changed nothing.
  const mine = await t.call({ url: anchor, as: w.entity });
  assert.equal(mine.statusCode, 200);
  assert.deepEqual(mine.json().links.map((l: { linkType: string }) => l.linkType), ['gs1:hasRetailers']);
  assert.equal(mine.json().canEdit, true);
  // The province officer in scope reads them, may not edit.
  const prov = await t.call({ url: anchor, as: await t.user('province', { provinceCode: '08' }) });
  assert.equal(prov.json().canEdit, false);
  // The central office may write links for an identifier the registry does not know (a partner's GTIN).
  const foreign = '/api/v1/trace/links?anchor=/01/09520123456788';
  assert.equal((await t.call({ method: 'PUT', url: foreign, as: w.central, body })).statusCode, 200);
  assertProblem(await t.call({ method: 'PUT', url: foreign, as: w.entity, body }), 404, 'identifier_not_found');
  const [audit] = (await t.database.db.execute(sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'trace_link.replace'`) as unknown as { rows: { n: number }[] }).rows;
  assert.ok(Number(audit.n) >= 3);
});

test('the resolver keeps its answers exactly: a write through the server is seen at the very next request, another connection\'s once notified', async () => {
  const recipe = `/01/${w.gtin}?linkType=gs1:recipeInfo`;
  assert.equal((await t.call({ url: recipe })).headers.location, 'https://example.vn/cong-thuc');
  const kept = await t.call({ url: recipe });
  assert.equal(kept.headers.location, 'https://example.vn/cong-thuc');
  assert.equal(kept.headers['x-cache'], 'hit');
  // Through the links API: the next request, with no wait, gets the new link.
  const put = await t.call({ method: 'PUT', url: `/api/v1/trace/links?anchor=/01/${w.gtin}`, as: w.entity, body: { links: [{ linkType: 'gs1:recipeInfo', href: 'https://example.vn/cong-thuc-moi', title: 'Công thức mới', hreflang: 'vi' }] } });
  assert.equal(put.statusCode, 200, put.body);
  const fresh = await t.call({ url: recipe });
  assert.equal(fresh.headers.location, 'https://example.vn/cong-thuc-moi');
  assert.equal(fresh.headers['x-cache'], undefined);
  // Another connection's write (another server process, or SQL by hand): the product renamed, seen once its
  // notification is delivered.
  const described = async () => (await t.call({ url: `/01/${w.gtin}?linkType=linkset` })).json().linkset[0].itemDescription as string;
  const name = await described();
  await t.database.db.execute(sql`UPDATE product SET name = ${`${name} (đổi tên)`} WHERE id = ${w.productId}`);
  try {
    assert.ok(await eventually(async () => (await described()) === `${name} (đổi tên)`));
  } finally {
    await t.database.db.execute(sql`UPDATE product SET name = ${name} WHERE id = ${w.productId}`);
  }
  assert.ok(await eventually(async () => (await described()) === name));
});
