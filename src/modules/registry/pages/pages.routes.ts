// The registry's server-rendered public pages, registered at the site's root by the composition root: the catalogue
// (/), a product (/san-pham/:id), an entity (/chu-the/:id), the group drawings and the sitemap. They render what
// the public may read (the PUBLIC actor, whoever is signed in), so one copy serves everyone and can be cached.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { PUBLIC } from '../../../app/actor.js';
import { renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { canReadProduct } from '../registry.policy.js';
import { productFilter } from '../registry.filters.js';
import { presentFile, presentProduct } from '../registry.present.js';
import { getProduct, listProductFiles, listProducts } from '../registry.repo.js';
import { illustrationSvg } from './illustrations.js';
import { productPath } from './product-card.js';
import { renderProductPage, type CertificationLookup } from './product.page.js';

export type RegistryPagesOptions = ModuleDeps & { certificationOf: CertificationLookup };

const uuid = z.uuid();

export const registryPages: FastifyPluginAsync<RegistryPagesOptions> = async (app, { database, config, certificationOf }) => {
  const { db } = database;

  app.get<{ Params: { id: string } }>('/san-pham/:id', PAGE_ROUTE, async (req, reply) => {
    const site = siteOf(req, reply, config.publicUrl, productPath(req.params.id));
    const row = uuid.safeParse(req.params.id).success ? await getProduct(db, req.params.id) : undefined;
    if (!row || !canReadProduct(PUBLIC, row.product, row.entityStatus)) return sendHtml(req, reply, renderNotFound(site, site.t('product.notFound')), 404);
    const p = presentProduct(row, PUBLIC);
    const photos = (await listProductFiles(db, p.id)).filter((f) => f.link.kind === 'image').map((f) => presentFile(f.file, f.link.kind, f.link.caption, 'public'));
    const siblings = await listProducts(db, productFilter(PUBLIC, { entity: p.entity.id }), '-stars', 1, 5);
    const others = siblings.rows.filter((r) => r.product.id !== p.id).slice(0, 4).map((r) => presentProduct(r, PUBLIC));
    return sendHtml(req, reply, renderProductPage(site, p, photos, others, await certificationOf(p.id)));
  });

  app.get<{ Params: { file: string } }>('/minh-hoa/:file', { schema: { hide: true }, config: { access: 'public' } }, async (req, reply) => {
    const svg = illustrationSvg(req.params.file.replace(/\.svg$/, ''));
    if (!svg || !req.params.file.endsWith('.svg')) return reply.code(404).type('text/plain; charset=utf-8').send('Not found');
    return reply.type('image/svg+xml').header('cache-control', 'public, max-age=86400').send(svg);
  });
};
