// Scoring's server-rendered public pages, registered at the site's root by the composition root: the certificate
// register (/giay-chung-nhan) and the verification page (/xac-minh/:number, printed in every QR code). Also the
// lookup the registry's product page uses to show a product's certificate (passed to it by the composition root).
import type { FastifyPluginAsync } from 'fastify';
import { renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import type { Queryable } from '../../../app/db.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { presentRegisterItem, presentVerification } from '../certificates.present.js';
import { getByNumber, latestOfProduct } from '../certificates.repo.js';
import { vnDate } from '../certificates.rules.js';
import { renderVerifyPage, verifyPath } from './verify.page.js';

/** The certificate a product's public page shows, as the public may read it; null when it never held one. */
export const productCertification = (db: Queryable) => async (productId: string) => {
  const row = await latestOfProduct(db, productId);
  if (!row) return null;
  const item = presentRegisterItem(row, vnDate(new Date()));
  return { number: item.number, stars: item.stars, status: item.status, authority: row.certificate.authority, issuedOn: item.issuedOn, expiresOn: item.expiresOn, extendedUntil: item.extendedUntil };
};

export const scoringPages: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;

  app.get<{ Params: { number: string } }>('/xac-minh/:number', PAGE_ROUTE, async (req, reply) => {
    const number = req.params.number;
    const site = siteOf(req, reply, config.publicUrl, verifyPath(number));
    const found = number.length <= 40 ? await getByNumber(db, number) : undefined;
    if (!found) return sendHtml(req, reply, renderNotFound(site, site.t('cert.notFoundTitle'), site.t('cert.notFoundHint', { number: number.slice(0, 40) })), 404);
    return sendHtml(req, reply, renderVerifyPage(site, presentVerification(found, vnDate(new Date()))));
  });
};
