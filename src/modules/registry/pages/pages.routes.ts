// The registry's server-rendered public pages, registered at the site's root by the composition root: the catalogue
// (/), a product (/san-pham/:id), an entity (/chu-the/:id), the group drawings and the sitemap. They render what
// the public may read (the PUBLIC actor, whoever is signed in), so one copy serves everyone and can be cached.
import type { FastifyPluginAsync } from 'fastify';
import { and, ne } from 'drizzle-orm';
import { z } from 'zod';
import { PUBLIC } from '../../../app/actor.js';
import { readCursor } from '../../../app/paging.js';
import { renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import { pageMemo } from '../../../app/html/page-memo.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { listProvinces, provinceCode } from '../../geo/index.js';
import { readClassification } from '../commands/load-classification.js';
import { canReadEntity, canReadProduct } from '../registry.policy.js';
import { productFilter } from '../registry.filters.js';
import { presentEntity, presentFile, presentProduct } from '../registry.present.js';
import { firstProducts, getEntity, getProduct, listProductFiles, listProducts, productKeys, RELEVANCE } from '../registry.repo.js';
import { ENTITY_TYPES, product } from '../registry.tables.js';
import type { EntityPublicOut } from '../registry.contract.js';
import { CATALOGUE_PAGE_SIZE, CATALOGUE_STATUSES, filterParams, renderCataloguePage } from './catalogue.page.js';
import { ENTITY_PAGE_SIZE, renderEntityPage } from './entity.page.js';
import { illustrationSvg } from './illustrations.js';
import { entityPath, productPath } from './product-card.js';
import { renderProductPage, type CertificationLookup, type GoodModelLookup, type NearbyLookup, type OfferLookup, type QrCodeLookup, type ReportForm } from './product.page.js';
import { pathOf, sitemapIndex, urlSet } from './sitemap.js';
import { publicEntitiesSlice, publicProductsSlice, sitemapSlices } from './sitemap.repo.js';

/** `qrCodeOf`: the QR code of a GTIN's Digital Link (the trace module draws it; the composition root hands it in). */
/** `reportForm`: where the product page's report-a-problem form posts and what it offers (the supervision module's);
 * `otherPagesOf`: the public pages of the modules above (news, good models) for the sitemap of the site's pages. */
export type RegistryPagesOptions = ModuleDeps & {
  certificationOf: CertificationLookup; qrCodeOf?: QrCodeLookup; offersOf?: OfferLookup; reportForm?: ReportForm; goodModelsOf?: GoodModelLookup;
  tourismNear?: NearbyLookup; otherPagesOf?: () => Promise<{ path: string; updatedAt?: Date }[]>;
};

const CATALOGUE_SORT = '-stars';
/** A catalogue cursor's position, or undefined when it does not read (a page, not a 400: old links still open). */
function cataloguePosition(cursor: string, sort: string) {
  try {
    return readCursor({ cursor, sort }, 'product', productKeys(sort));
  } catch {
    return undefined;
  }
}

const uuid = z.uuid();
/** A page's query, forgiving: a value that does not fit is dropped (an old link still opens), never a 400 page. */
const pageNumber = z.coerce.number().int().min(1).max(10_000).catch(1);
const catalogueQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  province: provinceCode.optional().catch(undefined),
  group: z.string().regex(/^[IV]+\.\d$/).optional().catch(undefined),
  stars: z.coerce.number().int().min(1).max(5).optional().catch(undefined),
  entityType: z.enum(ENTITY_TYPES).optional().catch(undefined),
  status: z.enum(CATALOGUE_STATUSES).catch('certified'),
  page: pageNumber,
  cursor: z.string().max(2000).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
});

export const registryPages: FastifyPluginAsync<RegistryPagesOptions> = async (app, { database, config, certificationOf, qrCodeOf, offersOf, reportForm, goodModelsOf, tourismNear, otherPagesOf }) => {
  const { db } = database;
  const classification = readClassification();
  let provinces: { code: string; name: string; nameEn: string }[] | undefined; // reference data: read once

  app.get('/', PAGE_ROUTE, async (req, reply) => {
    const f = catalogueQuery.parse(req.query ?? {});
    const site = siteOf(req, reply, config.publicUrl, '/', filterParams(f, f.page));
    const where = productFilter(PUBLIC, { province: f.province, group: f.group, stars: f.stars, entityType: f.entityType, status: f.status === 'all' ? undefined : f.status });
    // Past the numbered pages the catalogue goes on by the API's cursor; one that does not read opens the first page.
    // A search is ranked by relevance (registry.repo.ts rankProducts), which puts certified and higher stars first too.
    const sort = f.q ? RELEVANCE : CATALOGUE_SORT;
    const after = f.cursor ? cataloguePosition(f.cursor, sort) : undefined;
    if (!after) f.cursor = undefined;
    const list = await listProducts(db, where, sort, after ? 1 : f.page, CATALOGUE_PAGE_SIZE, after, { q: f.q });
    provinces ??= (await listProvinces(db)).map((p) => ({ code: p.code, name: p.fullName, nameEn: p.fullNameEn }));
    return sendHtml(req, reply, renderCataloguePage(site, {
      filters: f, items: list.rows.map((r) => presentProduct(r, PUBLIC, config.publicUrl)), total: list.total, totalExact: list.totalExact, nextCursor: list.nextCursor, provinces, classification,
    }));
  });

  // The product page is remembered by what it is made of (page-memo.ts): each request reads the database's state,
  // and the page's data again only when that moved; rendered and compressed again only when its data changed. Never
  // older than the request, so it leaves the micro-cache. Its lookups are independent of each other: read at once.
  const memo = pageMemo(database);
  const PRODUCT_PAGE = { ...PAGE_ROUTE, config: { access: 'public' as const, publicCache: false } };
  app.get<{ Params: { id: string } }>('/san-pham/:id', PRODUCT_PAGE, async (req, reply) => {
    const site = siteOf(req, reply, config.publicUrl, productPath(req.params.id));
    const notFound = () => renderNotFound(site, site.t('product.notFound'));
    if (!uuid.safeParse(req.params.id).success) return sendHtml(req, reply, notFound(), 404);
    return memo.send(req, reply, `${req.params.id} ${site.lang} ${site.signedIn ? 'in' : 'out'}`, async () => {
      const row = await getProduct(db, req.params.id);
      if (!row || !canReadProduct(PUBLIC, row.product, row.entityStatus)) return { notFound: notFound() };
      const p = presentProduct(row, PUBLIC, config.publicUrl);
      const [files, siblings, qr, cert, offers, goodModels, nearby] = await Promise.all([
        listProductFiles(db, p.id),
        firstProducts(db, and(productFilter(PUBLIC, { entity: p.entity.id }), ne(product.id, p.id)), 4),
        row.product.gtin && qrCodeOf ? qrCodeOf(row.product.gtin) : null,
        certificationOf(p.id),
        offersOf ? offersOf(p.id, p.entity.id) : [],
        goodModelsOf ? goodModelsOf(p.id) : [],
        tourismNear ? tourismNear(p.id) : [],
      ]);
      const photos = files.filter((f) => f.link.kind === 'image').map((f) => presentFile(f.file, f.link.kind, f.link.caption, 'public'));
      const others = siblings.map((r) => presentProduct(r, PUBLIC, config.publicUrl));
      const parts = { qr, offers, reportForm, goodModels, nearby };
      return { view: { p, photos, others, cert, parts }, render: () => renderProductPage(site, p, photos, others, cert, parts) };
    });
  });

  app.get<{ Params: { id: string } }>('/chu-the/:id', PAGE_ROUTE, async (req, reply) => {
    const page = pageNumber.parse((req.query as { page?: unknown }).page);
    const site = siteOf(req, reply, config.publicUrl, entityPath(req.params.id), { page: page > 1 ? page : undefined });
    const row = uuid.safeParse(req.params.id).success ? await getEntity(db, req.params.id) : undefined;
    if (!row || !canReadEntity(PUBLIC, row.entity)) return sendHtml(req, reply, renderNotFound(site, site.t('entity.notFound')), 404);
    const e = presentEntity(row, PUBLIC, 'public') as EntityPublicOut;
    const list = await listProducts(db, productFilter(PUBLIC, { entity: e.id }), '-stars', page, ENTITY_PAGE_SIZE);
    return sendHtml(req, reply, renderEntityPage(site, e, { items: list.rows.map((r) => presentProduct(r, PUBLIC, config.publicUrl)), total: list.total, page }));
  });

  app.get<{ Params: { file: string } }>('/minh-hoa/:file', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const svg = req.params.file.endsWith('.svg') ? illustrationSvg(req.params.file.slice(0, -4)) : undefined;
    if (!svg) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
  });

  const xml = 'application/xml; charset=utf-8';
  app.get('/sitemap.xml', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) => {
    const [products, entities] = [await sitemapSlices(db, 'san-pham'), await sitemapSlices(db, 'chu-the')];
    return reply.type(xml).header('cache-control', 'public, max-age=3600').send(sitemapIndex(config.publicUrl, products, entities));
  });

  app.get('/sitemap-trang.xml', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) =>
    reply.type(xml).header('cache-control', 'public, max-age=3600').send(urlSet(config.publicUrl, [{ path: '/' }, { path: '/giay-chung-nhan' }, ...(otherPagesOf ? await otherPagesOf() : [])])));

  // One file per slice of the ids (sitemap.repo.ts): /sitemap-san-pham-1.xml, /sitemap-chu-the-1.xml …
  for (const kind of ['san-pham', 'chu-the'] as const) {
    app.get<{ Params: { page: string } }>(`/sitemap-${kind}-:page(^\\d{1,4}).xml`, { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
      const page = Number(req.params.page);
      const slices = await sitemapSlices(db, kind);
      if (page < 1 || page > slices) return reply.callNotFound();
      const rows = kind === 'san-pham' ? await publicProductsSlice(db, page, slices) : await publicEntitiesSlice(db, page, slices);
      return reply.type(xml).header('cache-control', 'public, max-age=3600').send(urlSet(config.publicUrl, rows.map((r) => ({ path: pathOf(kind, r.id), updatedAt: r.updatedAt }))));
    });
  }
};
