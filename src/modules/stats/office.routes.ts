// The office dashboard: figures that are not public (records by status, before they are published; counts by the
// representatives' sex, ethnicity and disability without suppression), for the officers of the area only
// (stats.policy.ts). A province officer asking for another province, or a commune of another, is refused (403).
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actingUser } from '../../app/access.js';
import { forbidden, notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { vnDate } from '../scoring/index.js';
import { countsOf, type Area } from './counts.repo.js';
import { countByStatus, provinceOfCommune, type StatusOf } from './office.repo.js';
import { OFFICE_INDICATOR_NAMES, officeDashboardOut, officeIndicatorParams, areaQuery, indicatorOut, type IndicatorOut } from './stats.contract.js';
import { OFFICE_ROLES, officeArea } from './stats.policy.js';
import { send } from './stats.present.js';
import { countsForToday } from './recount.js';
import { missingArea } from './stats.repo.js';

type Name = (typeof OFFICE_INDICATOR_NAMES)[number];
const TITLES: Record<Name, { vi: string; en: string }> = {
  'entities-by-status': { vi: 'Chủ thể theo trạng thái hồ sơ', en: 'Entities by status' },
  'products-by-status': { vi: 'Sản phẩm theo trạng thái', en: 'Products by status' },
  'dossiers-by-status': { vi: 'Hồ sơ đánh giá theo bước', en: 'Scoring dossiers by stage' },
  'channels-by-status': { vi: 'Kênh bán hàng theo trạng thái xác minh', en: 'Sales channels by verification' },
  'entities-by-sex': { vi: 'Chủ thể theo giới tính người đại diện (đầy đủ)', en: 'Entities by sex of the legal representative (in full)' },
  'entities-by-ethnicity': { vi: 'Chủ thể theo dân tộc người đại diện (đầy đủ)', en: 'Entities by ethnicity of the legal representative (in full)' },
  'entities-by-disability': { vi: 'Chủ thể theo tình trạng khuyết tật của người đại diện (đầy đủ)', en: 'Entities by disability of the legal representative (in full)' },
};
const STATUS_OF: Partial<Record<Name, StatusOf>> = { 'entities-by-status': 'entity', 'products-by-status': 'product', 'dossiers-by-status': 'dossier', 'channels-by-status': 'channel' };
const ATTRIBUTE: Partial<Record<Name, 'sex' | 'ethnicity' | 'disability'>> = { 'entities-by-sex': 'sex', 'entities-by-ethnicity': 'ethnicity', 'entities-by-disability': 'disability' };

const officeQuery = areaQuery.describe('Within the caller\'s scope; default: their own province or commune (the nation for the central office)');

export const officeRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  /** The area asked, within the caller's scope (403 outside it, 404 when it does not exist), counts made current. */
  async function scoped(req: Parameters<typeof actingUser>[0], q: Area, today: string): Promise<Area> {
    const actor = actingUser(req);
    const asked = { province: q.province, commune: q.commune };
    // The province of the commune asked, or of a commune officer's own (a province asked must be theirs).
    const commune = asked.commune ?? (actor.role === 'commune' ? actor.communeCode ?? undefined : undefined);
    const a = officeArea(actor, asked, commune ? await provinceOfCommune(db, commune) : undefined);
    if (a === 'forbidden') throw forbidden('out_of_scope');
    const missing = await missingArea(db, a);
    if (missing) throw missing === 'province' ? notFound('province', 'tỉnh') : notFound('commune', 'xã');
    await countsForToday(db, today);
    return a;
  }

  async function indicator(name: Name, a: Area, today: string): Promise<IndicatorOut> {
    const base = { name, title: TITLES[name], area: { province: a.province ?? null, commune: a.commune ?? null }, asOf: today };
    const of = STATUS_OF[name];
    const rows = of
      ? (await countByStatus(db, a, of)).map((x) => ({ status: x.key, count: x.n }))
      : (await countsOf(db, a, [ATTRIBUTE[name]!])).map((x) => ({ category: x.key ?? 'unknown', count: Number(x.n) })).sort((x, y) => y.count - x.count || x.category.localeCompare(y.category));
    return { ...base, columns: of ? ['status', 'count'] : ['category', 'count'], rows, total: rows.reduce((s, x) => s + x.count, 0) };
  }

  r.get('/office/dashboard', {
    config: { access: OFFICE_ROLES },
    schema: {
      tags: ['stats'], querystring: officeQuery.omit({ format: true }), response: { 200: officeDashboardOut },
      summary: 'The office dashboard\'s figures that are not public: entities, products, dossiers and sales channels by status, and the representatives\' sex, ethnicity and disability in full',
      description: 'Officers only, within their scope: the central office anywhere, a province officer in their province, a commune officer in their commune (403 out_of_scope otherwise). Live.',
    },
  }, async (req, reply) => {
    const today = vnDate(new Date());
    const a = await scoped(req, req.query, today);
    const indicators = await Promise.all(OFFICE_INDICATOR_NAMES.map((name) => indicator(name, a, today)));
    reply.header('cache-control', 'private, no-store');
    return { area: { province: a.province ?? null, commune: a.commune ?? null }, asOf: today, indicators };
  });

  r.get('/office/indicators/:name', {
    config: { access: OFFICE_ROLES },
    schema: {
      tags: ['stats'], params: officeIndicatorParams, querystring: officeQuery, response: { 200: indicatorOut },
      summary: 'One of the office dashboard\'s figures, within the caller\'s scope (JSON, CSV or xlsx)',
    },
  }, async (req, reply) => {
    const today = vnDate(new Date());
    const a = await scoped(req, req.query, today);
    const out = await indicator(req.params.name, a, today);
    return send(req, reply, req.query.format, out, out, 'office');
  });
};
