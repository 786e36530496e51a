// Council sessions over HTTP: agenda, opening with the quorum (or, by written opinion, asking every scoring member),
// independent scoring (no member sees another's score before submitting their own), the chair's view against the
// mean, re-scoring, converting a written session to a meeting, closing, minutes and sheets as PDF.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { fileSlug } from '../../app/file-names.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition } from '../../app/security-headers.js';
import { requireUser } from '../accounts/index.js';
import { addressLine, getCommune, getProvince, placeName, unitInText } from '../geo/index.js';
import { addSessionItem } from './commands/add-session-item.js';
import { closeSession } from './commands/close-session.js';
import { convertSessionToMeeting } from './commands/convert-session-to-meeting.js';
import { createSession } from './commands/create-session.js';
import { openSession } from './commands/open-session.js';
import { requestRescore } from './commands/request-rescore.js';
import { saveScore } from './commands/save-score.js';
import {
  addItemBody, closeSessionBody, convertSessionBody, createSessionBody, idParams, itemParams, openSessionBody, overviewOut, rescoreBody, revisionOut, scoreBody, scoreOut,
  scoresOut, sessionList, sessionOut,
} from './councils.contract.js';
import { canReadCouncil, COUNCIL_OFFICES, COUNCIL_PEOPLE, countingScores, expectedScorers, isChair, SCORING_MEMBERS, scores, seesAllScores, SESSION_RUNNERS, sessionActions } from './councils.policy.js';
import { presentScore } from './councils.present.js';
import { getCouncil, getMember, getSession, listConflicts, listItems, listMembers, listRevisions, listScores, listSessions, userNames } from './councils.repo.js';
import type { CouncilRow, MemberRow, ScoreRow, SessionRow } from './councils.tables.js';
import { memberSheetPdf, minutesPdf } from './forms-pdf.js';
import { RULES } from './rules.data.js';
import { councilMean, evaluateCouncil, requiredScores, spreadCheck } from './scoring.rules.js';
import { procedureRules } from './deadlines.rules.js';
import { getSheet } from './sheets.data.js';
import { query } from '../../app/db.js';
import { sql } from 'drizzle-orm';

const tags = ['councils'];
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Which scores of an item the caller may see: all for the office, the secretary and after closing; otherwise a
 * scoring member sees only their own until they have submitted it. */
function visible(s: SessionRow, c: CouncilRow, m: MemberRow | undefined, actor: Actor, all: ScoreRow[]) {
  const submitted = all.filter((x) => x.status === 'submitted');
  if (s.status === 'closed' || seesAllScores(actor, c, m)) return { hidden: false, items: s.status === 'closed' ? submitted : all };
  if (!scores(m)) return { hidden: true, items: [] };
  const mine = all.find((x) => x.userId === m!.userId);
  if (mine?.status !== 'submitted') return { hidden: true, items: mine ? [mine] : [] };
  return { hidden: false, items: submitted };
}

export const sessionRoutes: ModulePlugin = async (app, { database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  async function context(actor: Actor, sessionId: string) {
    const session = await getSession(db, sessionId);
    if (!session) throw notFound('session', 'phiên họp');
    const council = (await getCouncil(db, session.councilId))!;
    const member = await getMember(db, council.id, actor.kind === 'user' ? actor.id : null);
    if (!canReadCouncil(actor, council, member)) throw notFound('session', 'phiên họp');
    return { session, council, member };
  }
  /**
   * Where the council sits and whom it answers to, for the head of its papers: the province's people's committee
   * and its place, or the ministry in Hà Nội for the central council.
   */
  async function councilSeat(council: CouncilRow): Promise<{ place: string | null; parentBody: string | null }> {
    if (!council.provinceCode) return { place: 'Hà Nội', parentBody: 'Bộ Nông nghiệp và Môi trường' };
    const p = await getProvince(db, council.provinceCode);
    return p ? { place: placeName(p.fullName), parentBody: `Ủy ban nhân dân ${unitInText(p.fullName, 'tỉnh')}` } : { place: null, parentBody: null };
  }
  async function item(sessionId: string, itemId: string) {
    const [it] = await listItems(db, sessionId, itemId);
    if (!it) throw notFound('item', 'sản phẩm trong phiên họp');
    return it;
  }

  const presentSessionHead = (s: SessionRow, c: CouncilRow, m: MemberRow | undefined, actor: Actor) => ({
    id: s.id, councilId: c.id, councilName: c.name, level: c.level, title: s.title, scheduledOn: s.scheduledOn, location: s.location, status: s.status,
    mode: s.mode, convertedAt: s.convertedAt?.toISOString() ?? null, present: s.present, quorum: s.quorum, minutesNote: s.minutesNote, openedAt: s.openedAt?.toISOString() ?? null, closedAt: s.closedAt?.toISOString() ?? null,
    version: s.version, actions: sessionActions(actor, c, m, s),
  });

  async function full(actor: Actor, sessionId: string) {
    const { session, council, member } = await context(actor, sessionId);
    const items = await listItems(db, sessionId);
    const all = await listScores(db, items.map((i) => i.item.id));
    const names = await userNames(db, [...new Set(all.map((s) => s.userId))]);
    const conflicts = await listConflicts(db, council.id);
    const members = await listMembers(db, council.id);
    return {
      ...presentSessionHead(session, council, member, actor),
      items: items.map((it) => {
        const mine = member ? all.find((s) => s.itemId === it.item.id && s.userId === member.userId) : undefined;
        const expected = expectedScorers(members, session, conflicts, it.entityId);
        const expectedCount = expected.size;
        const request = it.item.rescoreRequest;
        return {
          id: it.item.id, position: it.item.position, dossierId: it.item.dossierId, dossierNumber: it.dossierNumber, dossierStatus: it.dossierStatus, sheet: it.sheet,
          product: { name: it.productName, code: it.productCode }, entity: { id: it.entityId, name: it.entityName }, rescoreRound: it.item.rescoreRound,
          // Only the scores that count: after a conversion to a meeting, an absent member's written opinion does not.
          submittedCount: all.filter((s) => s.itemId === it.item.id && s.status === 'submitted' && expected.has(s.userId)).length,
          expectedCount, requiredCount: requiredScores(session.mode, expectedCount, council.settings),
          rescoreRequest: request ? { round: request.round, reason: request.reason, members: request.members, at: request.at } : null,
          mustRescore: session.status === 'open' && !!request && !!member && request.members.includes(member.userId) && mine?.status !== 'submitted',
          myScore: mine ? presentScore(mine, names) : null,
          conflicted: !!member && scores(member) && !expected.has(member.userId) && (session.status === 'planned' || session.present.includes(member.userId)),
          result: it.item.result,
        };
      }),
    };
  }

  r.get('/councils/:id/sessions', { config: { access: COUNCIL_PEOPLE }, schema: { tags, params: idParams, response: { 200: sessionList } } }, async (req) => {
    requireUser(req);
    const c = await getCouncil(db, req.params.id);
    const m = await getMember(db, req.params.id, req.actor.kind === 'user' ? req.actor.id : null);
    if (!c || !canReadCouncil(req.actor, c, m)) throw notFound('council', 'hội đồng');
    return { items: (await listSessions(db, c.id)).map((s) => presentSessionHead(s, c, m, req.actor)) };
  });

  r.post('/councils/:id/sessions', { config: { access: SESSION_RUNNERS }, schema: { tags, summary: 'Schedule a session', params: idParams, body: createSessionBody, response: { 201: sessionOut } } }, async (req, reply) => {
    requireUser(req);
    const s = await inTransaction(db, req, (ctx) => createSession(ctx, req.params.id, req.body));
    return reply.status(201).send(await full(req.actor, s.id));
  });

  r.get('/sessions/:id', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'A session with its agenda, the caller\'s own scores and the results once closed', params: idParams, response: { 200: sessionOut } } }, async (req) => {
    requireUser(req);
    return full(req.actor, req.params.id);
  });

  r.post('/sessions/:id/items', { config: { access: COUNCIL_OFFICES }, schema: { tags, summary: 'Put a dossier on the agenda', params: idParams, body: addItemBody, response: { 200: sessionOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => addSessionItem(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  r.post('/sessions/:id/open', { config: { access: SESSION_RUNNERS }, schema: { tags, summary: 'Open the session with the members present (quorum checked)', params: idParams, body: openSessionBody, response: { 200: sessionOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => openSession(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  r.put('/sessions/:id/items/:itemId/score', { config: { access: SCORING_MEMBERS }, schema: { tags, summary: 'Save (or submit with submit=true) your own score on one product', params: itemParams, body: scoreBody, response: { 200: scoreOut } } }, async (req) => {
    requireUser(req);
    const s = await inTransaction(db, req, (ctx) => saveScore(ctx, req.params.id, req.params.itemId, req.body));
    return presentScore(s, await userNames(db, [s.userId]));
  });

  r.get('/sessions/:id/items/:itemId/scores', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Members\' scores: hidden until you have submitted your own', params: itemParams, response: { 200: scoresOut } } }, async (req) => {
    requireUser(req);
    const { session, council, member } = await context(req.actor, req.params.id);
    await item(req.params.id, req.params.itemId);
    const all = await listScores(db, [req.params.itemId]);
    const v = visible(session, council, member, req.actor, all);
    const names = await userNames(db, v.items.map((s) => s.userId));
    return { hidden: v.hidden, submittedCount: all.filter((s) => s.status === 'submitted').length, items: v.items.map((s) => presentScore(s, names)) };
  });

  r.get('/sessions/:id/items/:itemId/overview', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'The chair\'s view: each member\'s total and parts against the mean, and the spread check', params: itemParams, response: { 200: overviewOut } } }, async (req) => {
    requireUser(req);
    const { session, council, member } = await context(req.actor, req.params.id);
    const it = await item(req.params.id, req.params.itemId);
    const all = await listScores(db, [req.params.itemId]);
    const chairReady = isChair(member) && all.some((s) => s.userId === member!.userId && s.status === 'submitted');
    if (!(session.status === 'closed' || seesAllScores(req.actor, council, member) || chairReady)) throw forbidden('submit_your_score_first');
    const submitted = countingScores(session, all);
    const names = await userNames(db, submitted.map((s) => s.userId));
    const mean = submitted.length ? councilMean(submitted.map((s) => ({ total: Number(s.total), parts: s.parts as { A: number; B: number; C: number } }))) : null;
    const spread = spreadCheck(submitted.map((s) => ({ memberId: s.userId, total: Number(s.total) })), council.settings.maxSpread);
    return {
      mean: mean?.total ?? null, parts: mean?.parts ?? null, spread: spread.spread, maxSpread: council.settings.maxSpread, withinLimit: spread.withinLimit, lowest: spread.lowest, highest: spread.highest,
      members: submitted.map((s) => ({ userId: s.userId, fullName: names.get(s.userId) ?? null, status: s.status, total: Number(s.total), parts: s.parts as { A: number; B: number; C: number }, diffFromMean: round2(Number(s.total) - (mean?.exactTotal ?? 0)) })),
      preview: submitted.length ? evaluateCouncil(getSheet(it.sheet, it.instrument)!, submitted.map((s) => s.answers), RULES, council.settings, submitted.map((s) => ({ knockOuts: s.knockOuts, conditions: s.conditions }))) : null,
    };
  });

  r.post('/sessions/:id/items/:itemId/rescore', { config: { access: SCORING_MEMBERS }, schema: { tags, summary: 'The chair asks members (all by default) to re-score this product', params: itemParams, body: rescoreBody, response: { 200: z.object({ round: z.number(), members: z.array(z.string()) }) } } }, async (req) => {
    requireUser(req);
    return inTransaction(db, req, (ctx) => requestRescore(ctx, req.params.id, req.params.itemId, req.body));
  });

  r.post('/sessions/:id/convert-to-meeting', { config: { access: SESSION_RUNNERS }, schema: { tags, summary: 'Turn a written-opinion session into a meeting (opinions diverge, or a matter needs discussion): attendance and quorum checked, scores kept', params: idParams, body: convertSessionBody, response: { 200: sessionOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => convertSessionToMeeting(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  r.post('/sessions/:id/close', { config: { access: SESSION_RUNNERS }, schema: { tags, summary: 'Close the session: results go to the dossiers; everything is frozen', params: idParams, body: closeSessionBody, response: { 200: sessionOut } } }, async (req) => {
    requireUser(req);
    await inTransaction(db, req, (ctx) => closeSession(ctx, req.params.id, req.body));
    return full(req.actor, req.params.id);
  });

  r.get('/scores/:id/revisions', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'Every saved version of one member\'s score', params: idParams, response: { 200: revisionOut } } }, async (req) => {
    const u = requireUser(req);
    const rows = await query<{ item_id: string; user_id: string; session_id: string }>(db, sql`SELECT s.item_id, s.user_id, i.session_id FROM member_score s JOIN session_item i ON i.id = s.item_id WHERE s.id = ${req.params.id}`);
    if (!rows.length) throw notFound('score', 'phiếu chấm');
    const { session, council, member } = await context(req.actor, rows[0].session_id);
    if (rows[0].user_id !== u.id && session.status !== 'closed' && !seesAllScores(req.actor, council, member)) throw notFound('score', 'phiếu chấm');
    const revs = await listRevisions(db, req.params.id);
    return { items: revs.map((x) => ({ version: x.version, at: x.at.toISOString(), byUser: x.byUser, action: x.action, total: Number(x.total), changed: x.changed })) };
  });

  r.get('/sessions/:id/minutes.pdf', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'The session minutes (biên bản) as PDF', params: idParams } }, async (req, reply) => {
    requireUser(req);
    const { session, council } = await context(req.actor, req.params.id);
    const members = await listMembers(db, council.id);
    const items = await listItems(db, session.id);
    const all = await listScores(db, items.map((i) => i.item.id));
    const names = await userNames(db, all.map((s) => s.userId));
    const closed = session.status === 'closed';
    const person = (m: (typeof members)[number]) => ({ name: m.fullName, role: m.member.role });
    // In a meeting, who was there; by written opinion, which of the members asked sent one (and which did not).
    const answered = new Set(all.filter((x) => x.status === 'submitted').map((x) => x.userId));
    const attendance = session.mode === 'written'
      ? { present: members.filter((m) => session.present.includes(m.member.userId) && answered.has(m.member.userId)).map(person), absent: members.filter((m) => session.present.includes(m.member.userId) && !answered.has(m.member.userId)).map(person) }
      : { present: members.filter((m) => m.member.team === 'council' && session.present.includes(m.member.userId)).map(person), absent: members.filter((m) => m.member.team === 'council' && m.member.active && !session.present.includes(m.member.userId)).map(person) };
    const pdf = await minutesPdf({
      councilName: council.name, title: session.title, scheduledOn: session.scheduledOn, location: session.location, closedAt: session.closedAt?.toISOString() ?? null,
      mode: session.mode, convertedAt: session.convertedAt?.toISOString() ?? null, writtenSource: procedureRules().writtenOpinion.source,
      quorum: session.quorum, note: session.minutesNote, ...(await councilSeat(council)), ...attendance,
      items: items.map((it) => ({
        position: it.item.position, productName: it.productName, productCode: it.productCode, entityName: it.entityName, sheet: it.sheet,
        // Scores appear in the minutes only once the session is closed (independent scoring until then).
        members: closed ? countingScores(session, all.filter((s) => s.itemId === it.item.id)).map((s) => ({ name: names.get(s.userId) ?? '', total: Number(s.total), ...(s.parts as { A: number; B: number; C: number }) })) : [],
        mean: it.item.result?.mean ?? null, parts: (it.item.result?.parts as { A: number; B: number; C: number } | undefined) ?? null, stars: it.item.result?.stars || null, spread: it.item.result?.spread ?? null,
      })),
    });
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('inline', `bien-ban-${fileSlug(session.title.toLowerCase()) || 'phien-hop'}-${session.scheduledOn}.pdf`)).send(pdf);
  });

  r.get('/sessions/:id/items/:itemId/members/:userId/sheet.pdf', { config: { access: COUNCIL_PEOPLE }, schema: { tags, summary: 'One member\'s filled score sheet as PDF', params: z.strictObject({ id: z.uuid(), itemId: z.uuid(), userId: z.uuid() }) } }, async (req, reply) => {
    const u = requireUser(req);
    const { session, council, member } = await context(req.actor, req.params.id);
    const it = await item(req.params.id, req.params.itemId);
    const [score] = (await listScores(db, [it.item.id])).filter((s) => s.userId === req.params.userId);
    const allowed = req.params.userId === u.id || session.status === 'closed' || seesAllScores(req.actor, council, member);
    if (!score || !allowed) throw notFound('score', 'phiếu chấm');
    const names = await userNames(db, [score.userId]);
    const commune = await getCommune(db, it.entityCommune);
    const province = commune ? await getProvince(db, commune.provinceCode) : undefined;
    const pdf = await memberSheetPdf({
      sheet: getSheet(it.sheet, it.instrument)!, councilName: council.name, memberName: names.get(score.userId) ?? '', productName: it.productName, productCode: it.productCode,
      entityName: it.entityName, address: addressLine(it.address, commune?.fullName, province?.fullName), phone: it.phone, place: (await councilSeat(council)).place, answers: score.answers, total: Number(score.total), parts: score.parts as { A: number; B: number; C: number },
      comment: score.comment, submittedAt: score.submittedAt?.toISOString() ?? null,
    });
    return reply.header('content-type', 'application/pdf').header('content-disposition', contentDisposition('inline', `phieu-cham-${fileSlug(it.productCode)}-${fileSlug(names.get(score.userId) ?? '')}.pdf`)).send(pdf);
  });
};
