// Turns credit rows into API output, cut down to the reader's audience (credit.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import type { ApplicationOut, ProgrammeOut } from './credit.contract.js';
import { APPLICATION_FIELDS, PROGRAMME_FIELDS } from './credit.fields.js';
import { applicationActions, canEditProgramme } from './credit.policy.js';
import type { ApplicationView } from './credit.repo.js';
import { isOpen } from './credit.rules.js';
import type { ApplicationRow, ProgrammeRow } from './content.tables.js';

export function presentProgramme(p: ProgrammeRow, actor: Actor, today: string): ProgrammeOut {
  const edit = canEditProgramme(actor, p);
  const full: ProgrammeOut = {
    id: p.id, name: p.name, lender: p.lender, kind: p.kind, description: p.description, conditions: p.conditions,
    ratePercent: p.ratePercent === null ? null : Number(p.ratePercent), rateNote: p.rateNote, maxAmountVnd: p.maxAmountVnd,
    opensOn: p.opensOn, deadline: p.deadline, open: isOpen(p, today), legalBasis: p.legalBasis, contact: p.contact, provinceCode: p.provinceCode, active: p.active,
    version: p.version, actions: edit ? ['edit'] : [],
  };
  return project(PROGRAMME_FIELDS, edit ? 'internal' : 'public', full) as ProgrammeOut;
}

export function presentApplication(v: ApplicationView, actor: Actor): ApplicationOut {
  const a = v.application;
  const full: ApplicationOut = {
    id: a.id, programme: { id: a.programmeId, name: v.programmeName, lender: v.lender }, entity: { id: a.entityId, name: v.entityName },
    provinceCode: a.provinceCode, communeCode: a.communeCode, requestedAmountVnd: a.requestedAmountVnd, purpose: a.purpose, submittedOn: a.submittedOn,
    status: a.status, approvedAmountVnd: a.approvedAmountVnd, decidedOn: a.decidedOn, rejectionReason: a.rejectionReason, note: a.note,
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), version: a.version, actions: applicationActions(actor, a),
  };
  // Only readers in scope get here (the routes refuse the others); the projection keeps the classification honest.
  return project(APPLICATION_FIELDS, 'internal', full) as ApplicationOut;
}

export function programmeSnapshot(p: ProgrammeRow) {
  const { createdAt: _c, updatedAt, ...rest } = p;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}
export function applicationSnapshot(a: ApplicationRow) {
  const { createdAt: _c, updatedAt, ...rest } = a;
  return { ...rest, updatedAt: updatedAt.toISOString() };
}
