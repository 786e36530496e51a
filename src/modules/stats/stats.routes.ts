// Indicators: /api/v1/indicators. Public, live from the published data (a write shows at the next request: the counts
// are recounted for the communes a write marked, counts.repo.ts, and the public micro-cache is cleared by every
// write), as JSON or CSV. An unknown province or commune is a 404.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { ModulePlugin } from '../../app/plugin.js';
import { notFound } from '../../app/errors.js';
import { PRIVACY_RULES, suppressSmallCells } from '../registry/index.js';
import { vnDate } from '../scoring/index.js';
import { CHANNEL_DATA } from '../trade/index.js';
import { areaQuery, dashboardOut, INDICATOR_NAMES, indicatorListOut, indicatorOut, indicatorParams, modernChannelsOut, periodQuery, PUBLIC_INDICATOR_NAMES, type IndicatorOut } from './stats.contract.js';
import { countsOf, issuedInMonths, productsByCommune, productsByProvince, recognisedInMonths, sectorNames, sharesByArea, type Area, type CountRow, type Figure } from './counts.repo.js';
import { countsForToday, EXPIRING_WITHIN_DAYS } from './recount.js';
import { certificatesIssuedRevoked, missingArea, recognisedOnDays, unitNames, type RecognisedBy } from './stats.repo.js';
import { TRADE_EVENT_INDICATORS } from './trade-events.indicator.js';
import { percentOf, rankShares, splitByMonths } from './stats.rules.js';
import { send } from './stats.present.js';

type Name = (typeof PUBLIC_INDICATOR_NAMES)[number];
const TITLES: Record<Name | 'modern-channels', { vi: string; en: string }> = {
  'modern-channels': { vi: 'Tỷ lệ chủ thể OCOP có kênh phân phối hiện đại', en: 'Share of OCOP entities selling through modern channels' },
  'products-by-stars': { vi: 'Sản phẩm OCOP theo hạng sao', en: 'OCOP products by stars' },
  'products-by-sector': { vi: 'Sản phẩm OCOP theo ngành', en: 'OCOP products by sector' },
  'products-by-province': { vi: 'Sản phẩm OCOP theo tỉnh', en: 'OCOP products by province' },
  certificates: { vi: 'Giấy chứng nhận: cấp mới, còn hiệu lực, sắp hết hạn, bị thu hồi', en: 'Certificates: issued, in force, expiring soon, revoked' },
  'entities-by-type': { vi: 'Chủ thể theo loại hình', en: 'Entities by type' },
  'entities-by-sex': { vi: 'Chủ thể theo giới tính người đại diện', en: 'Entities by sex of the legal representative' },
  'entities-by-ethnicity': { vi: 'Chủ thể theo dân tộc người đại diện', en: 'Entities by ethnicity of the legal representative' },
  'entities-by-disability': { vi: 'Chủ thể theo tình trạng khuyết tật của người đại diện', en: 'Entities by disability of the legal representative' },
  'modern-channels-by-province': { vi: 'Tỷ lệ chủ thể OCOP có kênh phân phối hiện đại, theo tỉnh', en: 'Share of OCOP entities selling through modern channels, by province' },
  'modern-channels-by-commune': { vi: 'Tỷ lệ chủ thể OCOP có kênh phân phối hiện đại, theo xã', en: 'Share of OCOP entities selling through modern channels, by commune' },
  'products-by-commune': { vi: 'Sản phẩm OCOP theo xã', en: 'OCOP products by commune' },
};

export const statsRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const area = (q: { province?: string; commune?: string }): Area => ({ province: q.province, commune: q.commune });
  const areaOut = (q: { province?: string; commune?: string }) => ({ province: q.province ?? null, commune: q.commune ?? null });
  const days = EXPIRING_WITHIN_DAYS;
  /** An area that exists (else a 404), with its counts true for today (recounted first if a write marked a commune). */
  async function prepare(a: Area, today: string) {
    const missing = await missingArea(db, a);
    if (missing) throw missing === 'province' ? notFound('province', 'tỉnh') : notFound('commune', 'xã');
    await countsForToday(db, today);
  }
  /** The area's counts of some figures (`ready`: prepared already, as the dashboard does once for all its figures). */
  async function counts(a: Area, today: string, figures: Figure[], ready = false): Promise<CountRow[]> {
    if (!ready) await prepare(a, today);
    return countsOf(db, a, figures);
  }
  const total = (rows: CountRow[], figure: Figure) => rows.filter((r) => r.figure === figure).reduce((s, r) => s + Number(r.n), 0);
  /** Rows of one figure by key, most first (then by key), as the entities' tables list them. */
  const byCount = (rows: CountRow[]) => rows.map((r) => ({ key: r.key, count: Number(r.n) })).sort((x, y) => y.count - x.count || String(x.key ?? '').localeCompare(String(y.key ?? '')));

  async function modernChannels(a: Area, today: string, ready = false) {
    const rows = await counts(a, today, ['ocop', 'modern'], ready);
    const numerator = total(rows, 'modern');
    const denominator = total(rows, 'ocop');
    return { numerator, denominator, percent: percentOf(numerator, denominator), target: CHANNEL_DATA.modernChannelTarget.percent };
  }
  async function indicator(name: Name, a: Area, today: string, q: { from?: string; to?: string } = {}, ready = false): Promise<IndicatorOut> {
    const base = { name, title: TITLES[name], area: areaOut(a), asOf: today };
    let out: IndicatorOut;
    const inPeriod = q.from !== undefined || q.to !== undefined;
    if (inPeriod && name.startsWith('products-by-')) return recognised(name, a, today, { from: q.from ?? '1900-01-01', to: q.to ?? today }, ready);
    switch (name) {
      case 'modern-channels-by-province':
      case 'modern-channels-by-commune': {
        await counts(a, today, [], ready);
        const target = CHANNEL_DATA.modernChannelTarget.percent;
        const shares = rankShares(await sharesByArea(db, a, name === 'modern-channels-by-province' ? 'province' : 'commune'), target);
        const rows = shares.map((x) => ({ ...(name === 'modern-channels-by-commune' ? { commune: x.code } : {}), province: x.province, name: x.name, nameEn: x.nameEn, numerator: x.modern, denominator: x.ocop, percent: x.percent, target, reached: x.reached }));
        out = { ...base, columns: rows.length ? Object.keys(rows[0]) : ['province', 'name', 'nameEn', 'numerator', 'denominator', 'percent', 'target', 'reached'], rows, total: rows.length };
        break;
      }
      case 'products-by-commune': {
        await counts(a, today, [], ready);
        const rows = await productsByCommune(db, a);
        out = { ...base, columns: ['commune', 'province', 'name', 'count'], rows: rows.map((x) => ({ commune: x.commune, province: x.province, name: x.name, count: Number(x.count) })), total: rows.reduce((s, x) => s + Number(x.count), 0) };
        break;
      }
      case 'products-by-stars': {
        const rows = (await counts(a, today, ['stars'], ready)).map((x) => ({ stars: Number(x.key), count: Number(x.n) })).sort((x, y) => x.stars - y.stars);
        out = { ...base, columns: ['stars', 'count'], rows, total: rows.reduce((s, x) => s + x.count, 0) };
        break;
      }
      case 'products-by-sector': {
        const found = new Map((await counts(a, today, ['sector'], ready)).map((x) => [x.key, Number(x.n)]));
        const rows = (await sectorNames(db)).filter((x) => found.has(x.sector)).map((x) => ({ sector: x.sector, name: x.name, nameEn: x.name_en, count: found.get(x.sector)! }));
        out = { ...base, columns: ['sector', 'name', 'nameEn', 'count'], rows, total: rows.reduce((s, x) => s + x.count, 0) };
        break;
      }
      case 'products-by-province': {
        await counts(a, today, [], ready);
        const rows = await productsByProvince(db, a);
        out = { ...base, columns: ['province', 'name', 'count'], rows: rows.map((x) => ({ province: x.province, name: x.name, count: Number(x.count) })), total: rows.reduce((s, x) => s + Number(x.count), 0) };
        break;
      }
      case 'certificates': {
        const period = { from: q.from ?? '1900-01-01', to: q.to ?? today };
        const c = await counts(a, today, ['in_force', 'expiring'], ready);
        const { months, edges } = splitByMonths(period);
        const inMonths = months ? await issuedInMonths(db, a, months.first, months.last) : 0;
        const { issued, revoked } = await certificatesIssuedRevoked(db, a, edges, period);
        const row = { issued: inMonths + issued, inForce: total(c, 'in_force'), [`expiringWithin${days}Days`]: total(c, 'expiring'), revoked };
        out = { ...base, period, columns: Object.keys(row), rows: [row] };
        break;
      }
      case 'entities-by-type': {
        const rows = byCount(await counts(a, today, ['type'], ready));
        out = { ...base, columns: ['category', 'count'], rows: rows.map((x) => ({ category: x.key, count: x.count })), total: rows.reduce((s, x) => s + x.count, 0) };
        break;
      }
      default: {
        const attribute = name === 'entities-by-sex' ? 'sex' : name === 'entities-by-ethnicity' ? 'ethnicity' : 'disability';
        const rows = byCount(await counts(a, today, [attribute], ready));
        const table = suppressSmallCells(rows.map((x) => ({ key: x.key ?? 'unknown', count: x.count })));
        out = { ...base, columns: ['category', 'count', 'suppressed'], rows: table.cells.map((c) => ({ category: c.key, count: c.count, suppressed: c.suppressed })), total: table.total, minimumCellSize: table.minimumCellSize, source: PRIVACY_RULES.instrument };
      }
    }
    return out;
  }

  /** products-by-* over a period: the recognitions within it (certificates issued to approved entities). */
  async function recognised(name: Name, a: Area, today: string, period: { from: string; to: string }, ready: boolean): Promise<IndicatorOut> {
    if (!ready) await prepare(a, today);
    const by = name.replace('products-by-', '') as RecognisedBy;
    // Whole months from the counts, the days at the period's edges live (as the certificates indicator does).
    const { months, edges } = splitByMonths(period);
    const sums = new Map<string, number>();
    for (const x of [...(months ? await recognisedInMonths(db, a, months.first, months.last, by) : []), ...await recognisedOnDays(db, a, edges, by)]) sums.set(x.key, (sums.get(x.key) ?? 0) + x.n);
    const found = [...sums].map(([key, n]) => ({ key, n }));
    const base = { name, title: TITLES[name], area: areaOut(a), asOf: today, period };
    const sum = found.reduce((s, x) => s + x.n, 0);
    if (by === 'stars') {
      return { ...base, columns: ['stars', 'count'], rows: found.map((x) => ({ stars: Number(x.key), count: x.n })).sort((x, y) => x.stars - y.stars), total: sum };
    }
    if (by === 'sector') {
      const n = new Map(found.map((x) => [x.key, x.n]));
      const rows = (await sectorNames(db)).filter((x) => n.has(x.sector)).map((x) => ({ sector: x.sector, name: x.name, nameEn: x.name_en, count: n.get(x.sector)! }));
      return { ...base, columns: ['sector', 'name', 'nameEn', 'count'], rows, total: sum };
    }
    const names = await unitNames(db, by, found.map((x) => x.key));
    const rows = found.map((x) => ({ ...(by === 'commune' ? { commune: x.key } : {}), province: names.get(x.key)?.province ?? null, name: names.get(x.key)?.name ?? null, count: x.n }))
      .sort((x, y) => (by === 'commune' ? y.count - x.count || String(x.commune).localeCompare(String(y.commune)) : String(x.province).localeCompare(String(y.province))));
    return { ...base, columns: by === 'commune' ? ['commune', 'province', 'name', 'count'] : ['province', 'name', 'count'], rows, total: sum };
  }

  r.get('/indicators', { config: { access: 'public' }, schema: { tags: ['stats'], summary: 'The indicators published as open data', response: { 200: indicatorListOut } } }, async () => ({
    items: [
      ...(['modern-channels', ...PUBLIC_INDICATOR_NAMES] as const).map((name) => ({ name, title: TITLES[name], url: `/api/v1/indicators/${name}` })),
      ...Object.entries(TRADE_EVENT_INDICATORS).map(([name, title]) => ({ name, title, url: `/api/v1/indicators/${name}` })),
    ],
  }));

  r.get('/indicators/modern-channels', {
    config: { access: 'public', publicCache: true },
    schema: {
      tags: ['stats'], querystring: areaQuery, response: { 200: modernChannelsOut },
      summary: 'Share of OCOP entities with at least one verified, current modern sales channel, against the 50 % target (JSON or CSV)',
      description: 'denominator: approved entities holding at least one certificate in force today (stored valid and not past expiry, or kept in force by a pending late re-rating, Điều 12.3). numerator: those of them with at least one channel verified by the commune or province, started and not ended today, of a type counted modern in data/trade/channels.json (default: supermarket, convenience store, OCOP point of sale, e-commerce, export). target: data/trade/channels.json (QĐ 919/QĐ-TTg). By the entity\'s province or commune with ?province= or ?commune= (an unknown code is a 404).',
    },
  }, async (req, reply) => {
    const a = area(req.query);
    const today = vnDate(new Date());
    const out = await modernChannels(a, today);
    return send(req, reply, req.query.format, { name: 'modern-channels', title: TITLES['modern-channels'], area: areaOut(a), asOf: today, columns: Object.keys(out), rows: [out] }, out);
  });

  r.get('/indicators/:name', {
    config: { access: 'public', publicCache: true },
    schema: {
      tags: ['stats'], params: indicatorParams, querystring: periodQuery, response: { 200: indicatorOut },
      summary: 'One indicator, live, national or by ?province= / ?commune= (JSON, CSV or xlsx): products by stars, sector, province or commune; certificates; entities by type, or by the representative\'s sex, ethnicity or disability (cells below the minimum size withheld); the modern-channel share by province or commune',
      description: `Published data only. Products: certified products whose certificate is in force today, of approved entities; with ?from= or ?to=, the products recognised within the period instead (each certificate issued in it to an approved entity: first rating, upgrade or re-rating). Entities: approved entities, today. certificates: issued and revoked within ?from=&to= (default all time to today), in force today, expiring within the next ${EXPIRING_WITHIN_DAYS} days (the re-rating window, data/rules). modern-channels-by-province: every province (all 34, for the map) with numerator, denominator, percent, the target and whether it is reached; modern-channels-by-commune: the communes holding an OCOP entity, best share first. Areas are the entity's province or commune; an unknown code is a 404. Counts by sex, ethnicity or disability are sensitive personal data aggregates (Nghị định 13/2023/NĐ-CP): a cell below minimumCellSize (data/privacy) is withheld (count null, suppressed true), and a second one when one alone could be recovered from the total. ?format=csv (or Accept: text/csv) answers CSV, ?format=xlsx an Excel workbook.`,
    },
  }, async (req, reply) => {
    const { name } = req.params;
    const q = req.query;
    const out = await indicator(name, area(q), vnDate(new Date()), q);
    return send(req, reply, q.format, out, out);
  });

  r.get('/dashboard', {
    config: { access: 'public', publicCache: true },
    schema: {
      tags: ['stats'], querystring: areaQuery.omit({ format: true }), response: { 200: dashboardOut },
      summary: 'A dashboard\'s figures at once: the modern-channel share and every indicator, national or by ?province= / ?commune=',
      description: 'The same figures as /api/v1/indicators/…, in one answer (certificates over all time): what a dashboard page loads. Live: a write shows at the next request. An unknown code is a 404.',
    },
  }, async (req, reply) => {
    const today = vnDate(new Date());
    const a = area(req.query);
    await prepare(a, today);
    const [modern, ...indicators] = await Promise.all([modernChannels(a, today, true), ...INDICATOR_NAMES.map((name) => indicator(name, a, today, {}, true))]);
    reply.header('cache-control', 'public, max-age=0, must-revalidate');
    return { area: areaOut(a), asOf: today, modernChannels: modern, indicators };
  });
};
