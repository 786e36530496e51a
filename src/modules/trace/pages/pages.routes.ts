// The public trace page and its two no-JavaScript forms, at the site's root:
//   GET  /truy-xuat/01/{gtin}[/10/{lot}[/21/{serial}]]            the page (where the resolver sends browsers)
//   POST /truy-xuat/01/{gtin}[/10/{lot}[/21/{serial}]]/bao-cao    report a problem (filed by the supervision module)
//   POST /truy-xuat/01/{gtin}[/10/{lot}[/21/{serial}]]/noi-quet   the reader says which province they are in
// Each page view counts one scan of the product (and lot) for the day; nothing about the reader is kept. The forms
// carry no session and no token (the page stays one cacheable document for everyone): a post is accepted only from
// this site's own pages (Origin, else Referer), and reports are rate limited per product and lot.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { PUBLIC, type Ctx } from '../../../app/actor.js';
import { AppError } from '../../../app/errors.js';
import { renderNotFound } from '../../../app/html/document.js';
import { sendHtml, siteOf } from '../../../app/html/page.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { trustedOrigins, writeOriginTrusted } from '../../../app/origin.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { takeAttempt } from '../../accounts/index.js';
import { listProvinces } from '../../geo/index.js';
import { canReadProduct, getProduct, positionText, presentProduct } from '../../registry/index.js';
import { productCertification, vnDate } from '../../scoring/index.js';
import { digitalLink, Gs1Error, parseDigitalLink, parseDigitalLinkPath, type Gs1Key } from '../gs1.rules.js';
import { canonicalOf, tracePagePath } from '../resolver.rules.js';
import { resolveGtin } from '../resolver.repo.js';
import { countScan, journeyEvents, latestLot, lotArea, lotByKey, placesByGln, productNamesByGtin, rawMaterialAreas } from '../trace.repo.js';
import { glnOf, REPORT_BUDGETS, stepOf } from '../trace.rules.js';
import { journeyMapSvg } from './province-map.js';
import { renderTracePage, type TimelineItem, type TracePageData } from './trace.page.js';

type GtinKey = Extract<Gs1Key, { kind: 'gtin' }>;
const ROUTE = { schema: { hide: true }, config: { access: 'public' as const } };

/** `/truy-xuat/01/…[/bao-cao|/noi-quet]` → the key and the form; undefined when the path names no GTIN key. */
function readPath(url: string): { key: GtinKey; form?: 'bao-cao' | 'noi-quet' } | undefined {
  let path = url.split('?')[0].slice('/truy-xuat'.length).replace(/\/+$/, '');
  const form = /\/(bao-cao|noi-quet)$/.exec(path)?.[1] as 'bao-cao' | 'noi-quet' | undefined;
  if (form) path = path.slice(0, -form.length - 1);
  try {
    const key = parseDigitalLinkPath(path);
    return key.kind === 'gtin' ? { key, form } : undefined;
  } catch (err) {
    if (err instanceof Gs1Error) return undefined;
    throw err;
  }
}

/** A transformation's input as people read it: "Mật ong thô (lô L1)", else the identifier as written. */
function inputName(id: string, names: Map<string, string>): string {
  try {
    const k = parseDigitalLink(id);
    if (k?.kind === 'gtin' && names.has(k.gtin)) return k.lot ? `${names.get(k.gtin)} (${k.lot})` : names.get(k.gtin)!;
  } catch { /* a partner's private identifier: shown as written */ }
  return id;
}

/** Files a consumer's report (the supervision module's, handed in by the composition root so this module never
 * imports the modules above it): the reference the reporter keeps and the page that shows it. */
export type ReportFiler = (ctx: Ctx, input: { productId: string; lot: string | null; message: string; contact: string | null; ip: string }) => Promise<{ reference: string; statusPath: string }>;
export type TracePagesOptions = ModuleDeps & { fileReport?: ReportFiler };

export const tracePageRoutes: FastifyPluginAsync<TracePagesOptions> = async (app, { database, config, fileReport }) => {
  const { db } = database;
  const certificationOf = productCertification(db);
  const origins = trustedOrigins(config);
  let provinces: { code: string; name: string; nameEn: string }[] | undefined; // reference data: read once
  const provinceList = async () => (provinces ??= (await listProvinces(db)).map((p) => ({ code: p.code, name: p.name, nameEn: p.nameEn })));

  // The two forms post application/x-www-form-urlencoded; only these routes read it (this plugin's scope).
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(String(body))));
  });

  /** Everything the page shows, or undefined when the public may not see the identifier. */
  async function pageData(key: GtinKey): Promise<TracePageData & { productId: string } | undefined> {
    const r = await resolveGtin(db, key.gtin, key.lot, []);
    if (!r || !r.published || (key.lot !== undefined && !r.lotId)) return undefined;
    const row = await getProduct(db, r.productId);
    if (!row || !canReadProduct(PUBLIC, row.product, row.entityStatus)) return undefined;
    const product = presentProduct(row, PUBLIC, config.publicUrl);
    const lot = key.lot !== undefined ? await lotByKey(db, key.gtin, key.lot) : undefined;
    // The product's own code (the QR on its page and in the catalogue, not a pack's) tells its latest batch's journey,
    // named as such, so a consumer scanning it still sees where the product comes from.
    const latest = key.lot === undefined && key.serial === undefined ? await latestLot(db, key.gtin) : undefined;
    // A serial's journey is its own and its lot's; a lot's is the lot's (and, back and forward, its inputs' and cases').
    const ids = [canonicalOf(key), ...(key.serial !== undefined && key.lot !== undefined ? [canonicalOf({ kind: 'gtin', gtin: key.gtin, lot: key.lot })] : []),
      ...(latest ? [canonicalOf({ kind: 'gtin', gtin: key.gtin, lot: latest.lot })] : [])];
    const events = await journeyEvents(db, ids);
    const areas = await rawMaterialAreas(db, product.entity.id);
    const origin = lot ?? latest ? await lotArea(db, (lot ?? latest)!.id) : undefined;
    const places = await placesByGln(db, [...new Set(events.map((e) => glnOf(e.bizLocation ?? e.readPoint)).filter((g): g is string => !!g))]);
    const inputGtins = [...new Set(events.flatMap((e) => e.inputs).map((i) => /\/01\/(\d{14})/.exec(i)?.[1]).filter((g): g is string => !!g))];
    const names = await productNamesByGtin(db, inputGtins);
    const all = await provinceList();
    const provinceName = (code: string | null) => (code ? all.find((p) => p.code === code)?.name ?? null : null);
    const timeline: TimelineItem[] = events.map((e) => {
      const at = places.get(glnOf(e.bizLocation ?? e.readPoint) ?? '');
      return { step: stepOf(e.eventType, e.bizStep, e.disposition), time: e.eventTime, place: at?.name ?? null, provinceName: provinceName(at?.provinceCode ?? null), inputs: e.inputs.map((i) => inputName(i, names)) };
    });
    const mapPlaces = [
      ...(origin ? [{ label: origin.name, provinceCode: origin.provinceCode, lon: origin.longitude, lat: origin.latitude }] : []),
      ...areas.map((a) => ({ label: a.name, provinceCode: a.provinceCode, lon: a.longitude, lat: a.latitude })),
      ...events.map((e) => places.get(glnOf(e.bizLocation ?? e.readPoint) ?? '')).filter((p) => p !== undefined)
        .filter((p, i, list) => list.findIndex((q) => q!.gln === p!.gln) === i && !areas.some((a) => a.gln === p!.gln))
        .map((p) => ({ label: p!.name, provinceCode: p!.provinceCode, lon: p!.longitude, lat: p!.latitude })),
    ];
    return {
      productId: r.productId, product, gtin: key.gtin, serial: key.serial ?? null,
      lot: lot ? { lot: lot.lot, producedOn: lot.producedOn, expiresOn: lot.expiresOn }
        : latest ? { lot: latest.lot, producedOn: latest.producedOn, expiresOn: latest.expiresOn, latest: true } : null,
      digitalLink: digitalLink(key, config.publicUrl),
      certificate: await certificationOf(r.productId),
      lotArea: origin ? { ...origin, provinceName: provinceName(origin.provinceCode), position: positionText(origin.latitude, origin.longitude) } : null,
      areas: areas.map((a) => ({ name: a.name, provinceName: provinceName(a.provinceCode), description: a.description })),
      timeline,
      mapSvg: mapPlaces.length ? journeyMapSvg(mapPlaces, '') : null,
      provinces: all,
    };
  }

  async function show(req: FastifyRequest, reply: FastifyReply, key: GtinKey, status = 200, notice?: TracePageData['notice'], found?: (productId: string) => Promise<void>) {
    const path = tracePagePath(key);
    const site = siteOf(req, reply, config.publicUrl, path);
    const d = await pageData(key);
    if (!d) return sendHtml(req, reply, renderNotFound(site, site.t('product.notFound')), 404);
    if (found) await found(d.productId);
    if (d.mapSvg) d.mapSvg = d.mapSvg.replace('aria-label=""', `aria-label="${site.t('trace.map').replace(/"/g, '&quot;')}"`);
    return sendHtml(req, reply, renderTracePage(site, { ...d, notice }, path), status);
  }

  app.get('/truy-xuat/*', ROUTE, async (req, reply) => {
    const at = readPath(req.url);
    if (!at || at.form) {
      const site = siteOf(req, reply, config.publicUrl, req.url.split('?')[0]);
      return sendHtml(req, reply, renderNotFound(site, site.t('product.notFound')), 404);
    }
    const q = req.query as Record<string, string | undefined>;
    const notice: TracePageData['notice'] = q['bao-cao'] === 'da-gui' ? { form: 'report', kind: 'ok' } : q['noi-quet'] === 'da-gui' ? { form: 'where', kind: 'ok' } : undefined;
    // A view is a scan (not the page a form sends the reader back to, nor a HEAD), counted once the page is found.
    const scan = req.method === 'GET' && !notice ? (productId: string) => countScan(db, productId, at.key.lot ?? '', '', vnDate(new Date())) : undefined;
    return show(req, reply, at.key, 200, notice, scan);
  });

  app.post('/truy-xuat/*', ROUTE, async (req, reply) => {
    const at = readPath(req.url);
    if (!at?.form) return reply.callNotFound();
    const key = at.key;
    const form = at.form === 'bao-cao' ? 'report' as const : 'where' as const;
    const body = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
    const text = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '');
    // Another site's page may not post here (there is no session to protect, but the office's records are).
    if (!writeOriginTrusted(req.headers, origins)) return show(req, reply, key, 403, { form, kind: 'refused' });
    const r = await resolveGtin(db, key.gtin, key.lot, []);
    if (!r || !r.published || (key.lot !== undefined && !r.lotId)) return show(req, reply, key, 404);
    const back = (anchor: string, flag: string) => {
      const lang = siteOf(req, reply, config.publicUrl, '').lang;
      return reply.code(303).header('cache-control', 'no-store').redirect(`${localPath(tracePagePath(key), lang, { [flag]: 'da-gui' })}#${anchor}`, 303);
    };
    if (form === 'where') {
      const province = text('province');
      if (!(await provinceList()).some((p) => p.code === province)) return show(req, reply, key, 400, { form, kind: 'invalid' });
      await countScan(db, r.productId, key.lot ?? '', province, vnDate(new Date()));
      return back('noi-quet', 'noi-quet');
    }
    const message = text('message');
    const contact = text('contact');
    if (message.length < 5 || message.length > 2000 || contact.length > 200) return show(req, reply, key, 400, { form, kind: 'invalid', message: message.slice(0, 2000), contact: contact.slice(0, 200) });
    if (text('website')) return back('bao-cao', 'bao-cao'); // a robot: thanked, not stored
    if (!fileReport) return show(req, reply, key, 404);
    let filed: { reference: string; statusPath: string };
    try {
      filed = await db.transaction(async (tx) => {
        await takeAttempt(tx, new Date(), [[REPORT_BUDGETS.product, r.productId], ...(key.lot !== undefined ? [[REPORT_BUDGETS.lot, `${r.productId}|${key.lot}`] as [typeof REPORT_BUDGETS.lot, string]] : [])]);
        return fileReport({ actor: PUBLIC, tx, log: req.log, now: new Date() }, { productId: r.productId, lot: key.lot ?? null, message, contact: contact || null, ip: req.ip });
      });
    } catch (err) {
      if (err instanceof AppError && err.kind === 'rate_limited') {
        reply.header('retry-after', String(err.extra.retryAfter ?? 3600));
        return show(req, reply, key, 429, { form, kind: 'limited', message, contact });
      }
      throw err;
    }
    // The page that shows the reporter the reference code to follow the report by.
    const lang = siteOf(req, reply, config.publicUrl, '').lang;
    return reply.code(303).header('cache-control', 'no-store').redirect(localPath(filed.statusPath, lang, { moi: 1 }), 303);
  });
};
