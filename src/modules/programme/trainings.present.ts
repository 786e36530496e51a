// Turns training rows into API output, cut down to the reader's audience (trainings.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import type { AttendeeOut, TrainingOut } from './trainings.contract.js';
import { TRAINING_FIELDS } from './trainings.fields.js';
import { canManage, trainingActions } from './trainings.policy.js';
import type { AttendeeView, Counts } from './trainings.repo.js';
import type { TrainingRow } from './trainings.tables.js';

export const certificatePath = (trainingId: string, attendeeId: string) => `/api/v1/trainings/${trainingId}/attendees/${attendeeId}/certificate.pdf`;

export function presentAttendee(a: AttendeeView): AttendeeOut {
  return {
    id: a.id, userId: a.userId, fullName: a.fullName, position: a.position, entity: a.entityId ? { id: a.entityId, name: a.entityName ?? '' } : null,
    registeredAt: a.registeredAt.toISOString(), attendedAt: a.attendedAt?.toISOString() ?? null, checkinMethod: a.checkinMethod, evaluated: a.evaluated,
    certificateUrl: a.attendedAt ? certificatePath(a.trainingId, a.id) : null,
  };
}

type Extra = {
  counts: Counts; invited: boolean; mine: AttendeeView | undefined; organiser?: string | null;
  invitations?: { id: string; entity_id: string | null; entity_name: string | null; user_id: string | null; user_name: string | null }[];
  attendees?: AttendeeView[];
};

export function presentTraining(t: TrainingRow, actor: Actor, x: Extra): TrainingOut {
  const full: TrainingOut = {
    id: t.id, kind: t.kind, title: t.title, topic: t.topic, level: t.level, provinceCode: t.provinceCode, communeCode: t.communeCode,
    startsOn: t.startsOn, endsOn: t.endsOn, place: t.place, trainers: t.trainers, description: t.description, cancelled: t.cancelled,
    counts: x.counts, mine: { invited: x.invited, attendee: x.mine ? presentAttendee(x.mine) : null },
    budgetVnd: t.budgetVnd, organiser: x.organiser ?? null,
    invitations: x.invitations?.map((i) => ({ id: i.id, entity: i.entity_id ? { id: i.entity_id, name: i.entity_name ?? '' } : null, user: i.user_id ? { id: i.user_id, name: i.user_name ?? '' } : null })),
    attendees: x.attendees?.map(presentAttendee),
    createdAt: t.createdAt.toISOString(), updatedAt: t.updatedAt.toISOString(), version: t.version,
    actions: trainingActions(actor, t, { registered: Boolean(x.mine), attended: Boolean(x.mine?.attendedAt), evaluated: Boolean(x.mine?.evaluated) }),
  };
  const out = project(TRAINING_FIELDS, canManage(actor, t) ? 'internal' : 'public', full) as TrainingOut;
  if (out.invitations === undefined) delete out.invitations;
  if (out.attendees === undefined) delete out.attendees;
  return out;
}

export function trainingSnapshot(t: TrainingRow) {
  const { createdAt: _c, updatedAt, checkinSecret: _s, ...rest } = t;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}
