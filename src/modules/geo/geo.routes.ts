import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { invalidField } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { adminUnitList, adminUnitsQuery, translateQuery, translateResult } from './geo.contract.js';
import * as repo from './geo.repo.js';

// Public reference data: no login, cacheable.
export const geoRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  r.get('/admin-units', {
    config: { access: 'public' },
    schema: { tags: ['geo'], summary: 'Administrative units in force (34 provinces, 3,321 communes)', querystring: adminUnitsQuery, response: { 200: adminUnitList } },
  }, async (req, reply) => {
    const { level, province, q, limit } = req.query;
    // A well-formed code of no province in force is a mistake to report, not an empty list.
    if (province && !(await repo.getProvince(db, province))) {
      throw invalidField('querystring.province', 'unknown_province', { vi: `Mã tỉnh ${province} không có trong danh mục đơn vị hành chính hiện hành`, en: `Province code ${province} is not in the administrative units in force` });
    }
    const version = await repo.currentVersion(db);
    const items = level === 'province'
      ? (await repo.listProvinces(db, q)).map((p) => ({ level, code: p.code, name: p.name, nameEn: p.nameEn, fullName: p.fullName, fullNameEn: p.fullNameEn }))
      : (await repo.listCommunes(db, province, q, limit)).map((c) => ({ level, code: c.code, name: c.name, nameEn: c.nameEn, fullName: c.fullName, fullNameEn: c.fullNameEn, provinceCode: c.provinceCode }));
    reply.header('cache-control', 'public, max-age=3600');
    return { version: { id: version.id, validFrom: version.validFrom, instrument: version.instrument }, total: items.length, items };
  });

  r.get('/admin-units/translate', {
    config: { access: 'public' },
    schema: { tags: ['geo'], summary: 'Translate a district-era commune to the commune in force', querystring: translateQuery, response: { 200: translateResult } },
  }, async (req) => {
    const rows = await repo.translateOldCommune(db, req.query);
    const candidates = rows.map((r) => ({ code: r.code, fullName: r.full_name, provinceCode: r.province_code, provinceName: r.province_name, oldName: r.old_name, oldDistrict: r.old_district, oldProvince: r.old_province }));
    return { unambiguous: new Set(candidates.map((c) => c.code)).size === 1, candidates };
  });
};
