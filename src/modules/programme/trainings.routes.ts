// Trainings, workshops and study tours: /api/v1/trainings. An office organises in its area, invites entities and
// people, shows a QR code of a short-lived signed check-in link (attendees open it with their phone's camera, logged
// in, and are marked present) or ticks attendance by hand, prints certificates of attendance, reads the evaluations;
// an entity's training history is visible to it, its commune and its province. Thin routes.
import { and, eq, sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actingUser } from '../../app/access.js';
import type { UserActor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { forbidden, notFound } from '../../app/errors.js';
import { nextLink, readCursor } from '../../app/paging.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition } from '../../app/security-headers.js';
import { getCommune, getProvince } from '../geo/index.js';
import { getEntity } from '../registry/index.js';
import { qrSvg } from '../trace/index.js';
import { addAttendee, checkIn, checkinLink, markAttendance, registerForTraining, withdrawFromTraining } from './commands/attend-training.js';
import { createTraining, updateTraining } from './commands/create-training.js';
import { evaluateTraining } from './commands/evaluate-training.js';
import { inviteToTraining, uninvite } from './commands/invite-to-training.js';
import { renderAttendanceCertificates, type CertificateOfAttendance } from './trainings.pdf.js';
import {
  addAttendeeBody, attendeeOut, checkinBody, checkinCodeOut, checkinOut, createTrainingBody, evaluationBody, evaluationsOut, historyOut, historyQuery,
  inviteBody, markAttendanceBody, trainingList, trainingListQuery, trainingOut, updateTrainingBody,
} from './trainings.contract.js';
import { canManage, canRead, entityInScope, OFFICES, trainingVisibility } from './trainings.policy.js';
import { presentAttendee, presentTraining } from './trainings.present.js';
import {
  attendeesOf, countsOf, entityHistory, evaluationsOf, getAttendee, getTraining, HISTORY_LIMIT, invitationsOf, invitedTo, listTrainings, myAttendance, placeOf, trainingKeys, type AttendeeView,
} from './trainings.repo.js';
import { asciiSlug, CHECKIN_REFRESH_SECONDS, ratingSummary } from './trainings.rules.js';
import { training, type TrainingRow } from './trainings.tables.js';
import { appUser } from '../accounts/index.js';

const idParams = z.object({ id: z.uuid() });
const attendeeParams = z.object({ id: z.uuid(), attendeeId: z.uuid() });
const invitationParams = z.object({ id: z.uuid(), invitationId: z.uuid() });
const day = (d: string | Date) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

export const CHECKIN_PATH = '/diem-danh';

export const trainingRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;

  /** The training, if the person may read it (404 otherwise: its existence is not theirs to learn). */
  async function readable(actor: UserActor, id: string): Promise<TrainingRow> {
    const t = await getTraining(db, id);
    if (!t) throw notFound('training', 'lớp tập huấn');
    const involved = (await invitedTo(db, actor, [id])).has(id) || (await myAttendance(db, actor, [id])).has(id);
    if (!canRead(actor, t, await placeOf(db, actor), involved)) throw notFound('training', 'lớp tập huấn');
    return t;
  }
  async function detail(actor: UserActor, t: TrainingRow) {
    const [counts, invited, mine] = [await countsOf(db, [t.id]), await invitedTo(db, actor, [t.id]), await myAttendance(db, actor, [t.id])];
    const manage = canManage(actor, t);
    const organiser = manage && t.organiserId ? (await db.select({ name: appUser.fullName }).from(appUser).where(eq(appUser.id, t.organiserId)))[0]?.name ?? null : null;
    return presentTraining(t, actor, {
      counts: counts.get(t.id)!, invited: invited.has(t.id), mine: mine.get(t.id), organiser,
      ...(manage ? { invitations: await invitationsOf(db, t.id), attendees: await attendeesOf(db, t.id) } : {}),
    });
  }
  async function officeOf(t: TrainingRow): Promise<{ office: CertificateOfAttendance['office']; placeName: string }> {
    if (t.level === 'national') return { office: { parent: 'Bộ Nông nghiệp và Môi trường', name: 'Văn phòng Điều phối nông thôn mới Trung ương' }, placeName: 'Hà Nội' };
    const p = await getProvince(db, t.provinceCode!);
    if (t.level === 'province') return { office: { parent: `UBND ${p?.fullName ?? ''}`, name: 'Văn phòng Điều phối nông thôn mới tỉnh' }, placeName: p?.name ?? '' };
    const c = await getCommune(db, t.communeCode!);
    return { office: { parent: null, name: `UBND ${c?.fullName ?? ''}` }, placeName: c?.name ?? '' };
  }
  async function certificates(t: TrainingRow, people: AttendeeView[]) {
    const { office, placeName } = await officeOf(t);
    return renderAttendanceCertificates(people.map((a) => ({
      office, placeName, kind: t.kind, title: t.title, startsOn: t.startsOn, endsOn: t.endsOn, place: t.place, fullName: a.fullName, position: a.position, entityName: a.entityName,
    })), `Giấy chứng nhận đã tham dự — ${t.title}`);
  }

  r.get('/trainings', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'Trainings, workshops and study tours the caller may read (their area\'s, and those they are invited to), newest first', querystring: trainingListQuery, response: { 200: trainingList } } }, async (req, reply) => {
    const actor = actingUser(req);
    const qy = req.query;
    const where = and(
      trainingVisibility(actor, await placeOf(db, actor)),
      qy.kind ? eq(training.kind, qy.kind) : undefined, qy.level ? eq(training.level, qy.level) : undefined,
      qy.province ? eq(training.provinceCode, qy.province) : undefined, qy.commune ? eq(training.communeCode, qy.commune) : undefined,
      qy.year ? sql`${training.startsOn} >= ${`${qy.year}-01-01`} AND ${training.startsOn} <= ${`${qy.year}-12-31`}` : undefined,
    );
    const { total, totalExact, rows, nextCursor } = await listTrainings(db, where, qy.page, qy.pageSize, readCursor(qy, 'training', trainingKeys));
    if (nextCursor) reply.header('link', nextLink(req.url, nextCursor));
    const ids = rows.map((t) => t.id);
    const [counts, invited, mine] = [await countsOf(db, ids), await invitedTo(db, actor, ids), await myAttendance(db, actor, ids)];
    return { total, totalExact, page: qy.page, pageSize: qy.pageSize, nextCursor, items: rows.map((t) => presentTraining(t, actor, { counts: counts.get(t.id)!, invited: invited.has(t.id), mine: mine.get(t.id) })) };
  });

  r.post('/trainings', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Organise a training, workshop or study tour in your area (national: central office; province; commune)', body: createTrainingBody, response: { 201: trainingOut } } }, async (req, reply) => {
    const t = await inTransaction(db, req, (ctx) => createTraining(ctx, req.body));
    return reply.status(201).send(await detail(actingUser(req), t));
  });

  r.get('/trainings/history', { config: { access: ['central', 'province', 'commune', 'entity'] }, schema: { tags: ['programme'], summary: 'An entity\'s training history (the entity itself, its commune, its province, the central office)', querystring: historyQuery, response: { 200: historyOut } } }, async (req) => {
    const actor = actingUser(req);
    const e = await getEntity(db, req.query.entity);
    if (!e || !entityInScope(actor, e.entity)) throw notFound('entity', 'chủ thể');
    const rows = await entityHistory(db, e.entity.id);
    return {
      capped: rows.length > HISTORY_LIMIT,
      items: rows.slice(0, HISTORY_LIMIT).map((t) => ({
        training: { id: t.id, kind: t.kind as TrainingRow['kind'], title: t.title, topic: t.topic as TrainingRow['topic'], level: t.level as TrainingRow['level'], startsOn: day(t.starts_on), endsOn: day(t.ends_on), place: t.place },
        invited: Boolean(t.invited), people: typeof t.people === 'string' ? JSON.parse(t.people) : t.people,
      })),
    };
  });

  r.post('/trainings/checkin', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'Check in with the link of the QR code on the organiser\'s screen (registers you if you were not)', body: checkinBody, response: { 200: checkinOut } } }, async (req) => {
    const res = await inTransaction(db, req, (ctx) => checkIn(ctx, req.body.token));
    const a = (await attendeesOf(db, res.training.id, { userId: actingUser(req).id }))[0];
    return { training: { id: res.training.id, title: res.training.title, place: res.training.place }, attendee: presentAttendee(a), already: res.already };
  });

  r.get('/trainings/:id', { config: { access: 'user' }, schema: { tags: ['programme'], params: idParams, response: { 200: trainingOut } } }, async (req) => {
    const actor = actingUser(req);
    return detail(actor, await readable(actor, req.params.id));
  });

  r.patch('/trainings/:id', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Change the event (send the version you read); cancelled: true cancels it', params: idParams, body: updateTrainingBody, response: { 200: trainingOut } } }, async (req) => {
    const actor = actingUser(req);
    await readable(actor, req.params.id);
    const t = await inTransaction(db, req, (ctx) => updateTraining(ctx, req.params.id, req.body));
    return detail(actor, t);
  });

  r.post('/trainings/:id/invitations', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Invite entities and people of the event\'s area (an invitation already sent is kept once)', params: idParams, body: inviteBody, response: { 200: trainingOut } } }, async (req) => {
    const actor = actingUser(req);
    await readable(actor, req.params.id);
    await inTransaction(db, req, (ctx) => inviteToTraining(ctx, req.params.id, req.body));
    return detail(actor, (await getTraining(db, req.params.id))!);
  });

  r.delete('/trainings/:id/invitations/:invitationId', { config: { access: OFFICES }, schema: { tags: ['programme'], params: invitationParams } }, async (req, reply) => {
    await readable(actingUser(req), req.params.id);
    if (!(await inTransaction(db, req, (ctx) => uninvite(ctx, req.params.id, req.params.invitationId)))) throw notFound('invitation', 'lời mời');
    return reply.status(204).send();
  });

  r.post('/trainings/:id/registration', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'Register for the event (yourself, with your entity)', params: idParams, response: { 201: attendeeOut } } }, async (req, reply) => {
    const actor = actingUser(req);
    await readable(actor, req.params.id);
    await inTransaction(db, req, (ctx) => registerForTraining(ctx, req.params.id));
    return reply.status(201).send(presentAttendee((await attendeesOf(db, req.params.id, { userId: actor.id }))[0]));
  });

  r.delete('/trainings/:id/registration', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'Withdraw your registration (before you are checked in)', params: idParams } }, async (req, reply) => {
    await readable(actingUser(req), req.params.id);
    await inTransaction(db, req, (ctx) => withdrawFromTraining(ctx, req.params.id));
    return reply.status(204).send();
  });

  r.post('/trainings/:id/checkin-code', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: `A fresh check-in link and its QR code (SVG) for the organiser's screen; it works ${CHECKIN_REFRESH_SECONDS * 3 / 60} minutes, show a new one every ${CHECKIN_REFRESH_SECONDS / 60}`, params: idParams, response: { 200: checkinCodeOut } } }, async (req) => {
    await readable(actingUser(req), req.params.id);
    const link = await inTransaction(db, req, (ctx) => checkinLink(ctx, req.params.id));
    const url = `${config.publicUrl.replace(/\/$/, '')}${CHECKIN_PATH}/${link.token}`;
    const svg = await qrSvg(url, `QR điểm danh: ${link.training.title}`);
    return { url, expiresAt: link.expiresAt.toISOString(), refreshSeconds: CHECKIN_REFRESH_SECONDS, svg };
  });

  r.post('/trainings/:id/attendees', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Add a person at the door (an account, or a name and entity) and tick them present', params: idParams, body: addAttendeeBody, response: { 201: attendeeOut } } }, async (req, reply) => {
    await readable(actingUser(req), req.params.id);
    const a = await inTransaction(db, req, (ctx) => addAttendee(ctx, req.params.id, req.body));
    return reply.status(201).send(presentAttendee((await getAttendee(db, req.params.id, a.id))!));
  });

  r.patch('/trainings/:id/attendees/:attendeeId', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Tick (or untick) a person\'s attendance by hand', params: attendeeParams, body: markAttendanceBody, response: { 200: attendeeOut } } }, async (req) => {
    await readable(actingUser(req), req.params.id);
    await inTransaction(db, req, (ctx) => markAttendance(ctx, req.params.id, req.params.attendeeId, req.body.attended));
    return presentAttendee((await getAttendee(db, req.params.id, req.params.attendeeId))!);
  });

  r.get('/trainings/:id/attendees/:attendeeId/certificate.pdf', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'A person\'s certificate of attendance (PDF): the organisers, the person, their entity', params: attendeeParams } }, async (req, reply) => {
    const actor = actingUser(req);
    const t = await readable(actor, req.params.id);
    const a = await getAttendee(db, t.id, req.params.attendeeId);
    const mayPrint = a && (canManage(actor, t) || a.userId === actor.id || (actor.role === 'entity' && a.entityId !== null && a.entityId === actor.entityId));
    if (!a || !mayPrint) throw notFound('attendee', 'người tham dự');
    if (!a.attendedAt) throw notFound('certificate', 'giấy chứng nhận (người này chưa được điểm danh)');
    reply.header('content-type', 'application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('inline', `giay-chung-nhan-${asciiSlug(t.title, 40)}-${asciiSlug(a.fullName, 30)}.pdf`));
    return reply.send(await certificates(t, [a]));
  });

  r.get('/trainings/:id/certificates.pdf', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'Every attendee\'s certificate of attendance in one PDF (a page each)', params: idParams } }, async (req, reply) => {
    const actor = actingUser(req);
    const t = await readable(actor, req.params.id);
    if (!canManage(actor, t)) throw forbidden();
    const people = (await attendeesOf(db, t.id)).filter((a) => a.attendedAt);
    if (!people.length) throw notFound('certificate', 'giấy chứng nhận (chưa có ai được điểm danh)');
    reply.header('content-type', 'application/pdf').header('cache-control', 'private, no-store')
      .header('content-disposition', contentDisposition('inline', `giay-chung-nhan-${asciiSlug(t.title, 50)}.pdf`));
    return reply.send(await certificates(t, people));
  });

  r.post('/trainings/:id/evaluation', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'Rate the event you attended (once): content, trainers, organisation, usefulness (1–5) and a comment', params: idParams, body: evaluationBody } }, async (req, reply) => {
    await readable(actingUser(req), req.params.id);
    await inTransaction(db, req, (ctx) => evaluateTraining(ctx, req.params.id, req.body));
    return reply.status(204).send();
  });

  r.get('/trainings/:id/evaluations', { config: { access: OFFICES }, schema: { tags: ['programme'], summary: 'The evaluations received: averages and comments (no names)', params: idParams, response: { 200: evaluationsOut } } }, async (req) => {
    const actor = actingUser(req);
    const t = await readable(actor, req.params.id);
    if (!canManage(actor, t)) throw forbidden();
    const rows = await evaluationsOf(db, t.id);
    const counts = (await countsOf(db, [t.id])).get(t.id)!;
    const s = ratingSummary(rows);
    return { count: s.count, attended: counts.attended, averages: s.averages, comments: rows.map((e) => e.comment).filter((c): c is string => Boolean(c)) };
  });
};
