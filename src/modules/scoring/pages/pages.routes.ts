// Scoring's server-rendered public pages, registered at the site's root by the composition root: the certificate
// register (/giay-chung-nhan) and the verification page (/xac-minh/:number, printed in every QR code). Also the
// lookup the registry's product page uses to show a product's certificate (passed to it by the composition root).
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import type { Queryable } from '../../../app/db.js';
import { readCursor } from '../../../app/paging.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { listProvinces, provinceCode } from '../../geo/index.js';
import { presentRegisterItem, presentVerification } from '../certificates.present.js';
import { certificateKeys, getByNumber, latestOfProduct, listCertificates, REGISTER_SORT, registerFilter } from '../certificates.repo.js';
import { vnDate } from '../certificates.rules.js';
import { CERTIFICATE_STATUSES } from '../certificates.tables.js';
import { REGISTER_PAGE_SIZE, registerParams, renderRegisterPage } from './register.page.js';
import { renderVerifyPage, verifyPath } from './verify.page.js';

/** The register page's query, forgiving: a value that does not fit is dropped, never a 400 page. */
const registerQuery = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  province: provinceCode.optional().catch(undefined),
  stars: z.coerce.number().int().min(3).max(5).optional().catch(undefined),
  status: z.enum(CERTIFICATE_STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  cursor: z.string().max(2000).regex(/^[A-Za-z0-9_-]+$/).optional().catch(undefined),
});

/** A register cursor's position, or undefined when it does not read (the first page, not a 400 page). */
function registerPosition(cursor: string) {
  try {
    return readCursor({ cursor, sort: REGISTER_SORT }, 'certificate', certificateKeys);
  } catch {
    return undefined;
  }
}

/** The certificate a product's public page shows, as the public may read it; null when it never held one. */
export const productCertification = (db: Queryable) => async (productId: string) => {
  const row = await latestOfProduct(db, productId);
  if (!row) return null;
  const item = presentRegisterItem(row, vnDate(new Date()));
  return { number: item.number, stars: item.stars, status: item.status, authority: row.certificate.authority, issuedOn: item.issuedOn, expiresOn: item.expiresOn, extendedUntil: item.extendedUntil };
};

export const scoringPages: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;
  let provinces: { code: string; name: string; nameEn: string }[] | undefined; // reference data: read once

  app.get('/giay-chung-nhan', PAGE_ROUTE, async (req, reply) => {
    const f = registerQuery.parse(req.query ?? {});
    const site = siteOf(req, reply, config.publicUrl, '/giay-chung-nhan', registerParams(f));
    const today = vnDate(new Date());
    const after = f.cursor ? registerPosition(f.cursor) : undefined;
    if (!after) f.cursor = undefined;
    const { total, totalExact, rows, nextCursor } = await listCertificates(db, registerFilter(f, today), after ? 1 : f.page, REGISTER_PAGE_SIZE, after);
    provinces ??= (await listProvinces(db)).map((p) => ({ code: p.code, name: p.fullName, nameEn: p.fullNameEn }));
    return sendHtml(req, reply, renderRegisterPage(site, f, { items: rows.map((r) => presentRegisterItem(r, today)), total, totalExact, nextCursor }, provinces));
  });

  app.get<{ Params: { number: string } }>('/xac-minh/:number', PAGE_ROUTE, async (req, reply) => {
    const number = req.params.number;
    const site = siteOf(req, reply, config.publicUrl, verifyPath(number));
    const found = number.length <= 40 ? await getByNumber(db, number) : undefined;
    if (!found) return sendHtml(req, reply, renderNotFound(site, site.t('cert.notFoundTitle'), site.t('cert.notFoundHint', { number: number.slice(0, 40) })), 404);
    return sendHtml(req, reply, renderVerifyPage(site, presentVerification(found, vnDate(new Date()))));
  });
};
