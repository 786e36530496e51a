// The public tourism pages at the site's root (registered by the composition root beside the other public pages).
import { z } from 'zod';
import { PUBLIC } from '../../../app/actor.js';
import { renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import type { ModulePlugin } from '../../../app/plugin.js';
import { listProvinces, provinceCode } from '../../geo/index.js';
import { destinationFilter } from '../tourism.routes.js';
import { presentDestination } from '../tourism.present.js';
import { getDestination, listDestinations } from '../tourism.repo.js';
import { tourismMapSvg } from './tourism-map.js';
import { renderDestinationPage, renderTourismPage, TOURISM_PATH } from './tourism.page.js';

const pageQuery = z.object({ province: provinceCode.optional().catch(undefined) });
const uuid = z.uuid();

export const tourismPages: ModulePlugin = async (app, { database, config }) => {
  const { db } = database;
  app.get(TOURISM_PATH, PAGE_ROUTE, async (req, reply) => {
    const q = pageQuery.parse(req.query ?? {});
    const site = siteOf(req, reply, config.publicUrl, TOURISM_PATH, { province: q.province });
    const { rows } = await listDestinations(db, destinationFilter(PUBLIC, { province: q.province, limit: 500 }), 500);
    const items = rows.map((d) => presentDestination(d, PUBLIC));
    const provinces = (await listProvinces(db)).map((p) => ({ code: p.code, name: site.lang === 'en' ? p.fullNameEn : p.fullName }));
    const mapSvg = tourismMapSvg(items.map((d) => ({ label: d.name, href: d.url, lat: d.latitude, lon: d.longitude, provinceCode: d.province.code })), site.t('tourism.mapLabel', { count: items.length }), q.province);
    return sendHtml(req, reply, renderTourismPage(site, { items, mapSvg, provinces, province: q.province }));
  });

  app.get<{ Params: { id: string } }>(`${TOURISM_PATH}/:id`, PAGE_ROUTE, async (req, reply) => {
    const site = siteOf(req, reply, config.publicUrl, `${TOURISM_PATH}/${req.params.id}`);
    const row = uuid.safeParse(req.params.id).success ? await getDestination(db, req.params.id) : undefined;
    if (!row || !row.published || (row.entityId && row.entityStatus !== 'approved')) return sendHtml(req, reply, renderNotFound(site, site.t('tourism.empty')), 404);
    const d = presentDestination(row, PUBLIC);
    const mapSvg = tourismMapSvg([{ label: d.name, href: d.url, lat: d.latitude, lon: d.longitude, provinceCode: d.province.code }], d.name, d.province.code);
    return sendHtml(req, reply, renderDestinationPage(site, d, mapSvg));
  });
};
