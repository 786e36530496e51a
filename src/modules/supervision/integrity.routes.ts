// Scoring-integrity analytics: /api/v1/integrity/…, over CLOSED council sessions only. Five views (threshold
// bunching, member leniency, spread and re-scoring, self-assessment against the council, time to decision against the
// legal deadlines), each as JSON or its table as CSV/xlsx, and two drill-downs to the sessions, products and dossiers
// behind every figure. Council members and advisory teams are refused at the door (access); see integrity.policy.ts
// for the scope and for when a member's name is shown.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actingUser } from '../../app/access.js';
import { AppError } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { evaluate, getSheet, procedureRules, RULES, vnDate } from '../scoring/index.js';
import {
  baseQuery, bunchingOut, bunchingQuery, dossierDrillOut, dossierDrillQuery, drillOut, drillQuery, leniencyOut, leniencyQuery, selfOut, selfQuery, spreadOut, timelinessOut,
  type BaseQuery,
} from './integrity.contract.js';
import { sendTable, type Column, type Row } from './integrity.export.js';
import { INTEGRITY_ROLES, integrityScope, showsMemberNames } from './integrity.policy.js';
import { closedItems, closedScores, councilsOfMember, dossierTimes, drillItems, sheetNames, type DossierTimeRow, type Filter, type ItemRow, type ScoreRow } from './integrity.repo.js';
import {
  bunching, histogram, leniency, selfAssessment, spreadSummary, stageTimes, starThresholds, timeliness, type ItemSpread, type SelfPoint, type StageTime,
} from './integrity.rules.js';

const tags = ['integrity'];
const DRILL_LIMIT = 200;
const outOfScope = () => new AppError('forbidden', 'out_of_scope', { vi: 'Ngoài phạm vi tỉnh của bạn', en: 'Outside your province' });
const memberHidden = () => new AppError('forbidden', 'member_identity_hidden', { vi: 'Bạn không được xem theo từng thành viên Hội đồng', en: 'You may not look at a council member\'s products' });

/** The filter an actor may read: their province for a province reader; 403 for another one asked. */
function filterOf(req: FastifyRequest, q: BaseQuery): Filter {
  const scope = integrityScope(req.actor, q.province);
  if (!scope.ok) throw outOfScope();
  return { province: scope.province, level: scope.province ? 'province' : q.level, from: q.from, to: q.to };
}
const wantsFile = (q: BaseQuery): q is BaseQuery & { format: 'csv' | 'xlsx' } => q.format === 'csv' || q.format === 'xlsx';

const COL = {
  threshold: { key: 'threshold', vi: 'Ngưỡng (điểm)', en: 'Threshold (points)' }, stars: { key: 'stars', vi: 'Hạng sao', en: 'Stars' },
  window: { key: 'window', vi: 'Khoảng (± điểm)', en: 'Window (± points)' }, below: { key: 'below', vi: 'Ngay dưới ngưỡng', en: 'Just below' },
  above: { key: 'above', vi: 'Ngay trên ngưỡng', en: 'Just above' }, excess: { key: 'excess', vi: 'Chênh lệch (trên − dưới)', en: 'Excess (above − below)' },
  shareAbove: { key: 'shareAbove', vi: 'Tỷ lệ trên ngưỡng', en: 'Share above' }, low: { key: 'low', vi: 'Cận dưới 95%', en: '95% low' }, high: { key: 'high', vi: 'Cận trên 95%', en: '95% high' },
  flagged: { key: 'flagged', vi: 'Cảnh báo', en: 'Flagged' }, n: { key: 'n', vi: 'Số sản phẩm', en: 'Products' },
} satisfies Record<string, Column>;

export const integrityRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const config = { access: INTEGRITY_ROLES };

  async function file(reply: FastifyReply, q: BaseQuery & { format: 'csv' | 'xlsx' }, name: string, columns: Column[], rows: Row[]) {
    return sendTable(reply, name, columns, rows, q.format, q.lang);
  }

  r.get('/integrity/bunching', { config, schema: { tags, querystring: bunchingQuery, response: { 200: bunchingOut }, summary: 'Threshold bunching: the council means of closed sessions as a histogram with the star thresholds (data/rules), and how many fall just above each threshold against just below (±window), with the share above and its 95 % Wilson interval' } }, async (req, reply) => {
    const q = req.query;
    const items = await closedItems(db, filterOf(req, q));
    const means = items.map((i) => Number(i.mean));
    const thresholds = starThresholds(RULES);
    const rows = bunching(means, thresholds, q.window);
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-nguong-diem', [COL.stars, COL.threshold, COL.window, COL.below, COL.above, COL.excess, COL.shareAbove, COL.low, COL.high, COL.flagged],
        rows.map((x) => ({ ...x, low: x.interval?.low ?? null, high: x.interval?.high ?? null })));
    }
    return { closedItems: items.length, window: q.window, instrument: RULES.instrument, thresholds, histogram: histogram(means, RULES.maxTotal), rows };
  });

  r.get('/integrity/leniency', { config, schema: { tags, querystring: leniencyQuery, response: { 200: leniencyOut }, summary: 'Member leniency: each council member\'s totals against the council\'s mean on every closed product they scored (mean difference, standard deviation, z, n), flagged beyond a distance; names for the central office and inspectors only' } }, async (req, reply) => {
    const q = req.query;
    const actor = actingUser(req);
    const scores = await closedScores(db, filterOf(req, q));
    const names = showsMemberNames(actor);
    const sitsOn = actor.role === 'central' ? await councilsOfMember(db, actor.id) : new Set<string>();
    const byMember = new Map<string, ScoreRow[]>();
    for (const s of scores) byMember.set(s.user_id, [...(byMember.get(s.user_id) ?? []), s]);
    const stats = leniency(scores.map((s) => ({ memberId: s.user_id, itemId: s.item_id, total: Number(s.total), mean: Number(s.mean) })), { distance: q.distance, minProducts: q.minProducts });
    const rows = stats.map((l, i) => {
      const mine = byMember.get(l.memberId)!;
      const councils = [...new Set(mine.map((s) => s.council_id))];
      // A fellow member of a council the reader sits on stays an alias (never one member's figures to another).
      const shown = names && (l.memberId === actor.id || !councils.some((c) => sitsOn.has(c)));
      return {
        ...l, memberId: shown ? l.memberId : null, alias: `TV${String(i + 1).padStart(2, '0')}`, name: shown ? mine[0].full_name : null,
        councils: [...new Set(mine.map((s) => s.council_name))], councilId: councils.length === 1 ? councils[0] : null,
      };
    });
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-thanh-vien', [{ key: 'alias', vi: 'Mã', en: 'Alias' }, { key: 'name', vi: 'Thành viên', en: 'Member', width: 30 }, { key: 'council', vi: 'Hội đồng', en: 'Council', width: 40 },
        COL.n, { key: 'meanDiff', vi: 'Chênh lệch TB so với Hội đồng', en: 'Mean difference from council' }, { key: 'sd', vi: 'Độ lệch chuẩn', en: 'SD' }, { key: 'z', vi: 'z', en: 'z' }, COL.flagged],
      rows.map((x) => ({ ...x, council: x.councils.join('; ') })));
    }
    return { distance: q.distance, minProducts: q.minProducts, namesShown: names, rows };
  });

  r.get('/integrity/spread', { config, schema: { tags, querystring: baseQuery, response: { 200: spreadOut }, summary: 'Spread: how often closed products needed re-scoring (the spread limit of the council\'s settings, or the chair\'s call) and how re-scoring moved the members\' totals, overall and per session' } }, async (req, reply) => {
    const q = req.query;
    const f = filterOf(req, q);
    const [items, scores] = await Promise.all([closedItems(db, f), closedScores(db, f)]);
    const byItem = new Map<string, ScoreRow[]>();
    for (const s of scores) byItem.set(s.item_id, [...(byItem.get(s.item_id) ?? []), s]);
    const spreads: (ItemSpread & { row: ItemRow })[] = items.map((i) => ({
      itemId: i.item_id, sessionId: i.session_id, maxSpread: Number(i.max_spread), rescoreRound: Number(i.rescore_round), row: i,
      members: (byItem.get(i.item_id) ?? []).map((s) => ({ first: Number(s.first_total), final: Number(s.total) })),
    }));
    const sessions = new Map<string, typeof spreads>();
    for (const s of spreads) sessions.set(s.sessionId, [...(sessions.get(s.sessionId) ?? []), s]);
    const rows = [...sessions.values()].map((list) => {
      const sum = spreadSummary(list);
      const h = list[0].row;
      return { sessionId: h.session_id, title: h.session_title, scheduledOn: h.scheduled_on, councilName: h.council_name, maxSpread: Number(h.max_spread), items: sum.items, rescored: sum.rescored, meanFirstSpread: sum.meanFirstSpread, meanFinalSpread: sum.meanFinalSpread, meanMove: sum.meanMove };
    }).sort((a, b) => b.rescored - a.rescored || b.scheduledOn.localeCompare(a.scheduledOn));
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-cham-lai', [{ key: 'title', vi: 'Phiên họp', en: 'Session', width: 36 }, { key: 'scheduledOn', vi: 'Ngày', en: 'Date' }, { key: 'councilName', vi: 'Hội đồng', en: 'Council', width: 36 },
        { key: 'maxSpread', vi: 'Mức chênh lệch tối đa', en: 'Spread limit' }, { key: 'items', vi: 'Sản phẩm', en: 'Products' }, { key: 'rescored', vi: 'Phải chấm lại', en: 'Re-scored' },
        { key: 'meanFirstSpread', vi: 'Chênh lệch lần đầu (TB)', en: 'First spread (mean)' }, { key: 'meanFinalSpread', vi: 'Chênh lệch sau chấm lại (TB)', en: 'Final spread (mean)' }, { key: 'meanMove', vi: 'Điểm thay đổi TB', en: 'Mean move' }], rows);
    }
    return { summary: spreadSummary(spreads), rows };
  });

  r.get('/integrity/self-assessment', { config, schema: { tags, querystring: selfQuery, response: { 200: selfOut }, summary: 'Self-assessment (the producer\'s own score in the dossier) against the council\'s mean, by province or by product set (provincial councils unless level=central)' } }, async (req, reply) => {
    const q = req.query;
    const f = filterOf(req, q);
    const items = await closedItems(db, { ...f, level: f.level ?? 'province' });
    const points: SelfPoint[] = [];
    for (const i of items) {
      const sheet = getSheet(Number(i.sheet), i.instrument);
      if (!sheet) continue;
      try {
        points.push({ provinceCode: i.province_code, sheet: Number(i.sheet), self: evaluate(sheet, i.answers, RULES).total, council: Number(i.mean) });
      } catch { /* an incomplete self-assessment (filed before the sheet's last revision) is left out */ }
    }
    const provinces = new Map(items.map((i) => [i.province_code, i.province_name ?? i.province_code]));
    const sets = q.by === 'sheet' ? await sheetNames(db) : new Map();
    const rows = selfAssessment(points, (p) => (q.by === 'province' ? p.provinceCode : String(p.sheet))).map((g) => ({
      ...g, label: q.by === 'province' ? provinces.get(g.key) ?? g.key : `${g.key}. ${sets.get(Number(g.key))?.[q.lang] ?? ''}`,
    })).sort((a, b) => (q.by === 'sheet' ? Number(a.key) - Number(b.key) : a.label.localeCompare(b.label, 'vi')));
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-tu-danh-gia', [{ key: 'label', vi: q.by === 'province' ? 'Tỉnh' : 'Bộ sản phẩm', en: q.by === 'province' ? 'Province' : 'Product set', width: 36 }, COL.n,
        { key: 'meanSelf', vi: 'Tự chấm (TB)', en: 'Self-assessed (mean)' }, { key: 'meanCouncil', vi: 'Hội đồng (TB)', en: 'Council (mean)' }, { key: 'meanGap', vi: 'Chênh lệch TB', en: 'Mean gap' },
        { key: 'overClaimShare', vi: 'Tỷ lệ tự chấm cao hơn', en: 'Share self-assessed higher' }], rows);
    }
    return { by: q.by, rows };
  });

  /** Each filed dossier's stages against their deadlines (today in Việt Nam). */
  async function stagesOf(req: FastifyRequest, q: BaseQuery) {
    const f = filterOf(req, q);
    const today = vnDate(new Date());
    const dossiers = await dossierTimes(db, f.province, f);
    return { today, list: dossiers.map((d) => ({ d, stages: stageTimes(datesOf(d), today) })) };
  }

  r.get('/integrity/timeliness', { config, schema: { tags, querystring: baseQuery, response: { 200: timelinessOut }, summary: 'Time from filing to decision against the legal deadlines (the commune\'s working days, the re-rating\'s days: data/rules; the evaluation round\'s finish date), overdue rates by province and by stage. Stages still open count once past their deadline' } }, async (req, reply) => {
    const q = req.query;
    const { today, list } = await stagesOf(req, q);
    const names = new Map(list.map(({ d }) => [d.province_code, d.province_name ?? d.province_code]));
    const rows = timeliness(list.map(({ d, stages }) => ({ key: d.province_code, stages }))).map((x) => ({ ...x, label: names.get(x.key) ?? x.key }));
    const byStage = timeliness(list.map(({ stages }) => ({ key: '*', stages }))).map(({ key: _k, ...x }) => x);
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-thoi-han', [{ key: 'label', vi: 'Tỉnh', en: 'Province', width: 24 }, { key: 'stage', vi: 'Bước', en: 'Stage' }, { key: 'n', vi: 'Số hồ sơ', en: 'Dossiers' },
        { key: 'overdue', vi: 'Quá hạn', en: 'Overdue' }, { key: 'overdueShare', vi: 'Tỷ lệ quá hạn', en: 'Overdue share' }, { key: 'open', vi: 'Chưa xong', en: 'Still open' }, { key: 'meanDays', vi: 'Số ngày TB', en: 'Mean days' }], rows);
    }
    return {
      asOf: today, deadlines: { communeWorkingDays: communeDays(), reRatingDays: RULES.reRating.maxDurationDays, instrument: RULES.instrument }, byStage, rows,
    };
  });

  r.get('/integrity/items', { config, schema: { tags, querystring: drillQuery, response: { 200: drillOut }, summary: `Drill-down: the closed products (session, dossier, council mean, stars, spread, re-scoring round; never a member's own score) behind a figure, by mean range, member, council, product set, stars or re-scoring; at most ${DRILL_LIMIT}, most recent first` } }, async (req, reply) => {
    const q = req.query;
    const f = filterOf(req, q);
    if (q.member) {
      const actor = actingUser(req);
      if (!showsMemberNames(actor)) throw memberHidden();
      if (q.member !== actor.id && actor.role === 'central') {
        const sitsOn = await councilsOfMember(db, actor.id);
        if (sitsOn.size && (await closedScores(db, f)).some((s) => s.user_id === q.member && sitsOn.has(s.council_id))) throw memberHidden();
      }
    }
    const { rows, total } = await drillItems(db, {
      ...f, meanFrom: q.meanFrom, meanBelow: q.meanBelow, member: q.member, council: q.council, sheet: q.sheet, stars: q.stars,
      rescored: q.rescored === undefined ? undefined : q.rescored === 'true',
    }, DRILL_LIMIT);
    const items = rows.map((i) => ({
      itemId: i.item_id, sessionId: i.session_id, sessionTitle: i.session_title, scheduledOn: i.scheduled_on, councilName: i.council_name, level: i.level,
      dossierId: i.dossier_id, dossierNumber: i.dossier_number, productId: i.product_id, productName: i.product_name, provinceCode: i.province_code, provinceName: i.province_name,
      sheet: Number(i.sheet), mean: Number(i.mean), stars: Number(i.stars), spread: Number(i.spread), rescoreRound: Number(i.rescore_round), members: Number(i.members),
    }));
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-san-pham', [{ key: 'scheduledOn', vi: 'Ngày họp', en: 'Date' }, { key: 'sessionTitle', vi: 'Phiên họp', en: 'Session', width: 36 }, { key: 'councilName', vi: 'Hội đồng', en: 'Council', width: 36 },
        { key: 'dossierNumber', vi: 'Số hồ sơ', en: 'Dossier' }, { key: 'productName', vi: 'Sản phẩm', en: 'Product', width: 30 }, { key: 'provinceName', vi: 'Tỉnh', en: 'Province' },
        { key: 'mean', vi: 'Điểm Hội đồng', en: 'Council mean' }, COL.stars, { key: 'spread', vi: 'Chênh lệch', en: 'Spread' }, { key: 'rescoreRound', vi: 'Lượt chấm', en: 'Round' }], items);
    }
    return { total, limit: DRILL_LIMIT, items };
  });

  r.get('/integrity/dossiers', { config, schema: { tags, querystring: dossierDrillQuery, response: { 200: dossierDrillOut }, summary: `Drill-down of the deadlines: the dossiers' stages (by stage, overdue or not) behind an overdue rate; at most ${DRILL_LIMIT}` } }, async (req, reply) => {
    const q = req.query;
    const { list } = await stagesOf(req, q);
    const all = list.flatMap(({ d, stages }) => stages.map((s) => ({ d, s })))
      .filter(({ s }) => (!q.stage || s.stage === q.stage) && (q.overdue === undefined || s.overdue === (q.overdue === 'true')));
    const items = all.slice(0, DRILL_LIMIT).map(({ d, s }) => present(d, s));
    if (wantsFile(q)) {
      return file(reply, q, 'lien-chinh-ho-so', [{ key: 'number', vi: 'Số hồ sơ', en: 'Dossier' }, { key: 'productName', vi: 'Sản phẩm', en: 'Product', width: 30 }, { key: 'provinceName', vi: 'Tỉnh', en: 'Province' },
        { key: 'stage', vi: 'Bước', en: 'Stage' }, { key: 'start', vi: 'Bắt đầu', en: 'Start' }, { key: 'due', vi: 'Hạn', en: 'Due' }, { key: 'end', vi: 'Hoàn thành', en: 'Done' }, { key: 'days', vi: 'Số ngày', en: 'Days' },
        { key: 'overdue', vi: 'Quá hạn', en: 'Overdue' }], items);
    }
    return { total: all.length, limit: DRILL_LIMIT, items };
  });
};

function present(d: DossierTimeRow, s: StageTime) {
  return { dossierId: d.id, number: d.number, type: d.type, status: d.status, productName: d.product_name, provinceCode: d.province_code, provinceName: d.province_name, ...s };
}

const communeDays = () => procedureRules().communePreAssessment.workingDays;

/** The stage dates of a dossier row: the commune's report day (Việt Nam), the decisions of the province and the Ministry. */
export function datesOf(d: DossierTimeRow): Parameters<typeof stageTimes>[0] {
  const decisionDay = (x: DossierTimeRow['decision']) => (x ? (x.decisionDate ?? vnDate(new Date(x.decidedAt))) : null);
  const rejectedAt = (stage: string) => (d.rejection?.stage === stage ? vnDate(new Date(d.rejection.at)) : null);
  const provinceDecided = d.decision?.level === 'province' ? decisionDay(d.decision) : d.sent_to_central_on;
  return {
    type: d.type, submittedOn: d.submitted_on, communeDueOn: d.commune_due_on,
    communeReviewedOn: d.commune_reviewed_at ? vnDate(new Date(d.commune_reviewed_at)) : rejectedAt('commune'),
    provinceReceivedOn: d.province_received_on, provinceFinishBefore: d.province_finish_before, reratingDueOn: d.rerating_due_on,
    provinceDecidedOn: provinceDecided ?? rejectedAt('province'),
    centralReceivedOn: d.central_received_on, centralFinishBefore: d.central_finish_before,
    centralDecidedOn: d.decision?.level === 'central' ? decisionDay(d.decision) : rejectedAt('central'),
  };
}
