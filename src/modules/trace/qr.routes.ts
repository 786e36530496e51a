// QR codes of Digital Links (SVG and PNG) for a product, a lot or a serial, or for any Digital Link URI, and the
// printable label sheet of a batch:
//   GET /products/{id}/qr.svg|.png            the product's GTIN
//   GET /trace/lots/{lotId}/qr.svg|.png       a lot (?serial=… for one item of it)
//   GET /trace/qr.svg|.png?uri=…              any valid Digital Link URI (normalised: GTIN-14, qualifiers in order)
//   GET /trace/lots/{lotId}/labels.pdf?size=small|medium|large&count=N
import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, forbidden, notFound } from '../../app/errors.js';
import { fileSlug } from '../../app/file-names.js';
import { contentDisposition } from '../../app/security-headers.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { translator } from '../../app/html/site-i18n.js';
import { digitalLinkPath, Gs1Error, parseDigitalLink, type Gs1Key } from './gs1.rules.js';
import { renderLabelSheet, stampsPerPage } from './labels.pdf.js';
import { labelUri, qrPng, qrSvg } from './qr.js';
import { keyOfPath } from './resolver.routes.js';
import { labelsQuery, lotIdParams, lotQrQuery, productIdParams, uriQrQuery } from './trace.contract.js';
import { getLot, productGtin } from './trace.repo.js';
import { canPrintLabels } from './trace.policy.js';

const FORMATS = ['svg', 'png'] as const;
type Format = (typeof FORMATS)[number];

async function sendQr(reply: FastifyReply, uri: string, format: Format) {
  reply.header('cache-control', 'public, max-age=86400').header('x-digital-link', uri);
  if (format === 'svg') return reply.type('image/svg+xml').send(await qrSvg(uri, uri));
  return reply.type('image/png').send(await qrPng(uri));
}

/** A Digital Link URI → the same link, normalised, on the domain (and path prefix) it was given with. */
function normalisedUri(raw: string): string {
  let key: Gs1Key | null;
  try {
    key = parseDigitalLink(raw);
  } catch (err) {
    if (!(err instanceof Gs1Error)) throw err;
    keyOfPath(new URL(raw).pathname.slice(new URL(raw).pathname.search(/\/(01|414)\//))); // throws the precise 400
    throw err;
  }
  if (!key) throw new AppError('invalid', 'not_a_digital_link', { vi: 'Không phải đường dẫn GS1 Digital Link (https://…/01/{GTIN}…)', en: 'Not a GS1 Digital Link URI (https://…/01/{GTIN}…)' }, { field: 'uri' });
  const url = new URL(raw);
  const prefix = url.pathname.slice(0, url.pathname.search(/\/(01|414)\//));
  return `${url.origin}${prefix}${digitalLinkPath(key)}`;
}

export const qrRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  for (const format of FORMATS) {
    r.get(`/products/:id/qr.${format}`, { config: { access: 'public' }, schema: { tags: ['trace'], summary: `The QR code (${format.toUpperCase()}) of the product's GS1 Digital Link`, params: productIdParams } }, async (req, reply) => {
      const p = await productGtin(db, req.params.id);
      if (!p || !p.published) throw notFound('product', 'sản phẩm');
      if (!p.gtin) throw new AppError('not_found', 'gtin_missing', { vi: 'Sản phẩm chưa có mã GTIN', en: 'The product has no GTIN yet' });
      return sendQr(reply, labelUri(config.publicUrl, { kind: 'gtin', gtin: p.gtin }), format);
    });

    r.get(`/trace/lots/:lotId/qr.${format}`, { config: { access: 'public' }, schema: { tags: ['trace'], summary: `The QR code (${format.toUpperCase()}) of a lot's (or one serial's) Digital Link`, params: lotIdParams, querystring: lotQrQuery } }, async (req, reply) => {
      const lot = await getLot(db, req.params.lotId);
      if (!lot || !lot.published) throw notFound('lot', 'lô hàng');
      return sendQr(reply, labelUri(config.publicUrl, { kind: 'gtin', gtin: lot.gtin, lot: lot.lot, ...(req.query.serial ? { serial: req.query.serial } : {}) }), format);
    });

    r.get(`/trace/qr.${format}`, { config: { access: 'public' }, schema: { tags: ['trace'], summary: `The QR code (${format.toUpperCase()}) of any GS1 Digital Link URI`, querystring: uriQrQuery } }, async (req, reply) =>
      sendQr(reply, normalisedUri(req.query.uri), format));
  }

  r.get('/trace/lots/:lotId/labels.pdf', { config: { access: 'user' }, schema: { tags: ['trace'], summary: 'A printable A4 sheet of label stamps for a batch (QR code, product, stars, lot, dates, the Digital Link)', params: lotIdParams, querystring: labelsQuery } }, async (req, reply) => {
    const lot = await getLot(db, req.params.lotId);
    if (!lot) throw notFound('lot', 'lô hàng');
    if (!canPrintLabels(req.actor, lot)) {
      if (!lot.published) throw notFound('lot', 'lô hàng');
      throw forbidden();
    }
    const { size, lang } = req.query;
    const { cols, rows } = stampsPerPage(size);
    const t = translator(lang);
    const uri = labelUri(config.publicUrl, { kind: 'gtin', gtin: lot.gtin, lot: lot.lot });
    const pdf = await renderLabelSheet({
      uri, productName: lot.productName, stars: lot.stars, lot: lot.lot, producedOn: lot.producedOn, expiresOn: lot.expiresOn,
      words: { lot: t('trace.label.lot'), produced: t('trace.label.produced'), expires: t('trace.label.expires'), scan: t('trace.label.scan') },
    }, size, req.query.count ?? cols * rows);
    return reply.type('application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('inline', `tem-${fileSlug(lot.productName, 40)}-lo-${fileSlug(lot.lot, 20)}.pdf`)).send(pdf);
  });
};
