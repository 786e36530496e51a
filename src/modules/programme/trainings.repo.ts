// Training queries: no decisions. Lists fetch the page's ids through an index, then decorate those rows only.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { UserActor } from '../../app/actor.js';
import { query, type Queryable } from '../../app/db.js';
import { after, countCapped, inOrder, keyFields, limits, orderBy, pageEnd, type KeysetPage, type KeyValues, type SortKey } from '../../app/paging.js';
import { entity } from '../registry/index.js';
import type { Place } from './trainings.policy.js';
import { training, trainingAttendee, trainingEvaluation, trainingInvitation, type AttendeeRow, type TrainingRow } from './trainings.tables.js';

export async function placeOf(db: Queryable, actor: UserActor): Promise<Place> {
  if (actor.role === 'entity' && actor.entityId) {
    const [e] = await db.select({ provinceCode: entity.provinceCode, communeCode: entity.communeCode }).from(entity).where(eq(entity.id, actor.entityId));
    if (e) return e;
  }
  return { provinceCode: actor.provinceCode, communeCode: actor.communeCode };
}

export async function getTraining(db: Queryable, id: string): Promise<TrainingRow | undefined> {
  const [row] = await db.select().from(training).where(eq(training.id, id));
  return row;
}
export async function getTrainingForUpdate(db: Queryable, id: string): Promise<TrainingRow | undefined> {
  const [row] = await db.select().from(training).where(eq(training.id, id)).for('update');
  return row;
}

export type AttendeeView = AttendeeRow & { entityName: string | null; evaluated: boolean };
export async function attendeesOf(db: Queryable, trainingId: string, only?: { userId: string }): Promise<AttendeeView[]> {
  const rows = await db.select({ a: trainingAttendee, entityName: entity.name, evaluated: sql<boolean>`(${trainingEvaluation.attendeeId} IS NOT NULL)` }).from(trainingAttendee)
    .leftJoin(entity, eq(entity.id, trainingAttendee.entityId))
    .leftJoin(trainingEvaluation, eq(trainingEvaluation.attendeeId, trainingAttendee.id))
    .where(and(eq(trainingAttendee.trainingId, trainingId), only ? eq(trainingAttendee.userId, only.userId) : undefined))
    .orderBy(asc(trainingAttendee.fullName), asc(trainingAttendee.id)).limit(2000);
  return rows.map((r) => ({ ...r.a, entityName: r.entityName, evaluated: Boolean(r.evaluated) }));
}
export async function getAttendee(db: Queryable, trainingId: string, attendeeId: string): Promise<AttendeeView | undefined> {
  return (await attendeesOf(db, trainingId)).find((a) => a.id === attendeeId);
}

export async function invitationsOf(db: Queryable, trainingId: string) {
  return query<{ id: string; entity_id: string | null; entity_name: string | null; user_id: string | null; user_name: string | null }>(db, sql`
    SELECT i.id, i.entity_id, e.name AS entity_name, i.user_id, u.full_name AS user_name
    FROM training_invitation i LEFT JOIN entity e ON e.id = i.entity_id LEFT JOIN app_user u ON u.id = i.user_id
    WHERE i.training_id = ${trainingId} ORDER BY COALESCE(e.name, u.full_name) LIMIT 2000`);
}

export type Counts = { invitedEntities: number; invitedPeople: number; registered: number; attended: number };
export async function countsOf(db: Queryable, ids: string[]): Promise<Map<string, Counts>> {
  if (!ids.length) return new Map();
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `);
  const rows = await query<{ id: string; ie: number; ip: number; r: number; a: number }>(db, sql`
    SELECT t.id,
      (SELECT count(*)::int FROM training_invitation i WHERE i.training_id = t.id AND i.entity_id IS NOT NULL) AS ie,
      (SELECT count(*)::int FROM training_invitation i WHERE i.training_id = t.id AND i.user_id IS NOT NULL) AS ip,
      (SELECT count(*)::int FROM training_attendee a WHERE a.training_id = t.id) AS r,
      (SELECT count(*)::int FROM training_attendee a WHERE a.training_id = t.id AND a.attended_at IS NOT NULL) AS a
    FROM training t WHERE t.id IN (${list})`);
  return new Map(rows.map((r) => [r.id, { invitedEntities: Number(r.ie), invitedPeople: Number(r.ip), registered: Number(r.r), attended: Number(r.a) }]));
}

/** Whether the person (or their entity) is invited to each of these trainings. */
export async function invitedTo(db: Queryable, actor: UserActor, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db.select({ id: trainingInvitation.trainingId }).from(trainingInvitation)
    .where(and(inArray(trainingInvitation.trainingId, ids), actor.entityId ? sql`(${trainingInvitation.userId} = ${actor.id} OR ${trainingInvitation.entityId} = ${actor.entityId})` : eq(trainingInvitation.userId, actor.id)));
  return new Set(rows.map((r) => r.id));
}
export async function myAttendance(db: Queryable, actor: UserActor, ids: string[]): Promise<Map<string, AttendeeView>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ a: trainingAttendee, entityName: entity.name, evaluated: sql<boolean>`(${trainingEvaluation.attendeeId} IS NOT NULL)` }).from(trainingAttendee)
    .leftJoin(entity, eq(entity.id, trainingAttendee.entityId))
    .leftJoin(trainingEvaluation, eq(trainingEvaluation.attendeeId, trainingAttendee.id))
    .where(and(inArray(trainingAttendee.trainingId, ids), eq(trainingAttendee.userId, actor.id)));
  return new Map(rows.map((r) => [r.a.trainingId, { ...r.a, entityName: r.entityName, evaluated: Boolean(r.evaluated) }]));
}

export const trainingKeys: SortKey[] = [{ expr: training.startsOn, kind: 'date', dir: 'desc' }, { expr: training.id, kind: 'uuid', dir: 'desc' }];
export async function listTrainings(db: Queryable, where: SQL | undefined, page: number, pageSize: number, after_?: KeyValues): Promise<KeysetPage<TrainingRow>> {
  const p = { page, pageSize, after: after_ };
  const found = await db.select({ id: training.id, ...keyFields(trainingKeys) }).from(training)
    .where(and(where, after_ && after(trainingKeys, after_))).orderBy(...orderBy(trainingKeys)).limit(limits(p).limit).offset(limits(p).offset);
  const { rows: ids, nextCursor, whole } = pageEnd(found, p, 'training', '-startsOn', trainingKeys);
  const rows = ids.length ? await db.select().from(training).where(inArray(training.id, ids.map((r) => r.id))) : [];
  const counted = await countCapped(db, db.select({ id: training.id }).from(training).where(where), whole);
  return { ...counted, nextCursor, rows: inOrder(ids, rows, (r) => r.id) };
}

export async function evaluationsOf(db: Queryable, trainingId: string) {
  return db.select().from(trainingEvaluation).where(eq(trainingEvaluation.trainingId, trainingId)).orderBy(asc(trainingEvaluation.createdAt)).limit(2000);
}

export const HISTORY_LIMIT = 200;
/** An entity's trainings: those it was invited to or its people attended, newest first (bounded). */
export async function entityHistory(db: Queryable, entityId: string) {
  return query<{ id: string; kind: string; title: string; topic: string; level: string; starts_on: string | Date; ends_on: string | Date; place: string; invited: boolean; people: { fullName: string; attended: boolean }[] | string }>(db, sql`
    SELECT t.id, t.kind, t.title, t.topic, t.level, t.starts_on, t.ends_on, t.place,
      EXISTS (SELECT 1 FROM training_invitation i WHERE i.training_id = t.id AND i.entity_id = ${entityId}) AS invited,
      COALESCE((SELECT json_agg(json_build_object('fullName', a.full_name, 'attended', a.attended_at IS NOT NULL) ORDER BY a.full_name)
        FROM training_attendee a WHERE a.training_id = t.id AND a.entity_id = ${entityId}), '[]'::json) AS people
    FROM training t
    WHERE NOT t.cancelled AND (EXISTS (SELECT 1 FROM training_invitation i WHERE i.training_id = t.id AND i.entity_id = ${entityId})
       OR EXISTS (SELECT 1 FROM training_attendee a WHERE a.training_id = t.id AND a.entity_id = ${entityId}))
    ORDER BY t.starts_on DESC, t.id LIMIT ${HISTORY_LIMIT + 1}`);
}
