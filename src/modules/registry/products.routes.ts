import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { requireUser } from '../accounts/index.js';
import { createProduct } from './commands/create-product.js';
import { updateProduct } from './commands/update-product.js';
import { createProductBody, historyOut, idParams, productList, productListQuery, productOut, updateProductBody } from './registry.contract.js';
import { canEditProduct, canReadProduct, productAudience, SCOPED_ROLES } from './registry.policy.js';
import { productFilter } from './registry.filters.js';
import { presentFile, presentProduct } from './registry.present.js';
import { getProduct, listProductFiles, listProducts, productKeys, productSort } from './registry.repo.js';
import type { Actor } from '../../app/actor.js';

export const productRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  async function readable(actor: Actor, id: string) {
    const row = await getProduct(db, id);
    if (!row || !canReadProduct(actor, row.product, row.entityStatus)) throw notFound('product', 'sản phẩm');
    return row;
  }
  async function withFiles(actor: Actor, id: string) {
    const row = await readable(actor, id);
    const audience = productAudience(actor, row.product);
    // The public sees the product's photos; its documents (test reports, others' certificates) stay with the office.
    const files = (await listProductFiles(db, id)).filter((f) => audience !== 'public' || f.link.kind === 'image');
    return { ...presentProduct(row, actor, config.publicUrl), files: files.map((f) => presentFile(f.file, f.link.kind, f.link.caption, audience)) };
  }

  r.get('/products', { config: { access: 'public', publicCache: true }, schema: { tags: ['registry'], summary: 'OCOP products: search without diacritics (q=mat ong), filters, paging by page or cursor', querystring: productListQuery, response: { 200: productList } } }, async (req, reply) => {
    const qy = req.query;
    const where = productFilter(req.actor, qy);
    const sort = productSort(qy.sort, qy.q);
    const { total, totalExact, rows, nextCursor } = await listProducts(db, where, sort, qy.page, qy.pageSize, readCursor({ ...qy, sort }, 'product', productKeys(sort)), { q: qy.q });
    if (req.actor.kind === 'public') reply.header('cache-control', 'public, max-age=60');
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((row) => presentProduct(row, req.actor, config.publicUrl)) };
  });

  r.post('/products', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Register a product; its code T-X-STT-YYYY is assigned, and a GTIN under the programme\'s GS1 prefix unless it brings its own', body: createProductBody, response: { 201: productOut } } }, async (req, reply) => {
    requireUser(req);
    const created = await inTransaction(db, req, (ctx) => createProduct(ctx, req.body, { gs1Prefix: config.gs1Prefix }));
    return reply.status(201).send(await withFiles(req.actor, created.id));
  });

  r.get('/products/:id', { config: { access: 'public' }, schema: { tags: ['registry'], params: idParams, response: { 200: productOut } } }, async (req, reply) => {
    const out = await withFiles(req.actor, req.params.id);
    reply.header('etag', `W/"${out.id}.${out.version}.${out.gtin ?? ''}"`); // a GTIN assigned at start-up bumps no version
    if (req.actor.kind === 'public') reply.header('cache-control', 'public, max-age=60');
    return out;
  });

  r.patch('/products/:id', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Update a product (send the version you read)', params: idParams, body: updateProductBody, response: { 200: productOut } } }, async (req) => {
    requireUser(req);
    await readable(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => updateProduct(ctx, req.params.id, req.body, { gs1Prefix: config.gs1Prefix }));
    return withFiles(req.actor, req.params.id);
  });

  r.get('/products/:id/history', { config: { access: SCOPED_ROLES }, schema: { tags: ['registry'], summary: 'Audit trail of a product', params: idParams, response: { 200: historyOut } } }, async (req) => {
    const row = await readable(req.actor, req.params.id);
    if (!canEditProduct(req.actor, row.product) && !(req.actor.kind === 'user' && req.actor.role === 'central')) throw forbidden();
    return { items: await readAudit(db, 'product', req.params.id) };
  });
};
