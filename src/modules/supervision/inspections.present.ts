// Turns plan, inspection and corrective-action rows into API output. Every field is internal (inspections.fields.ts):
// only officers and inspectors in scope read these records at all.
import type { Actor } from '../../app/actor.js';
import type { z } from 'zod';
import type { correctiveActionOut, InspectionOut, planOut } from './inspections.contract.js';
import { canAct, inspectionActions, planActions } from './inspections.policy.js';
import type { ActionView, InspectionView, PlanView } from './inspections.repo.js';
import { inspectionState, isOverdue } from './inspections.rules.js';
import type { CorrectiveActionRow, InspectionRow, PlanRow } from './inspections.tables.js';

export const labFilePath = (id: string) => `/api/v1/inspections/${id}/lab-result`;

export function presentPlan(p: PlanView, actor: Actor): z.infer<typeof planOut> {
  return {
    id: p.id, provinceCode: p.provinceCode, provinceName: p.provinceName, level: p.level, year: p.year, title: p.title, note: p.note, status: p.status,
    approvedAt: p.approvedAt?.toISOString() ?? null, approvedBy: p.approvedBy, createdAt: p.createdAt.toISOString(), version: p.version,
    counts: { planned: p.planned, done: p.done, overdue: p.overdue }, actions: planActions(actor, p),
  };
}

export function presentAction(a: CorrectiveActionRow & { productId?: string | null; productName?: string | null; entityName?: string | null; level: 'province' | 'central' }, actor: Actor, today: string): z.infer<typeof correctiveActionOut> {
  return {
    id: a.id, inspectionId: a.inspectionId, provinceCode: a.provinceCode, product: a.productId ? { id: a.productId, name: a.productName ?? '' } : null, entityName: a.entityName ?? null,
    description: a.description, dueOn: a.dueOn, status: a.status, overdue: isOverdue(a.status, a.dueOn, today), closedOn: a.closedOn, closingNote: a.closingNote, version: a.version,
    actions: a.status === 'open' && canAct(actor, { provinceCode: a.provinceCode, level: a.level }) ? ['close'] : [],
  };
}
export const presentActionView = (a: ActionView, actor: Actor, today: string) => presentAction(a, actor, today);

export function presentInspection(v: InspectionView, actor: Actor, today: string, mayRevoke: boolean): InspectionOut {
  const openActions = v.correctiveActions.filter((a) => a.status === 'open').length;
  return {
    id: v.id, planId: v.planId, planTitle: v.planTitle, planStatus: v.planStatus,
    product: { id: v.productId, name: v.productName, code: v.productCode }, entity: { id: v.entityId, name: v.entityName },
    provinceCode: v.provinceCode, provinceName: v.provinceName, communeName: v.communeName,
    certificate: { number: v.certificateNumber, stars: v.certificateStars, status: v.certificateStatus, expiresOn: v.certificateExpiresOn },
    level: v.level, reasons: v.reasons, dueOn: v.dueOn, overdue: isOverdue(v.status, v.dueOn, today), status: v.status,
    state: inspectionState(v, v.proposal?.status ?? null, openActions) as InspectionOut['state'],
    inspectedOn: v.inspectedOn, team: v.team, checks: v.checks, labName: v.labName, labResult: v.labResult,
    labFile: v.labFile ? { url: labFilePath(v.id), mimeType: v.labFile.mimeType, sizeBytes: v.labFile.sizeBytes, originalName: v.labFile.originalName } : null,
    findings: v.findings, conclusion: v.conclusion, concludedOn: v.concludedOn,
    revocation: v.proposal ? { ...v.proposal, overdue: v.proposal.status === 'pending' && v.proposal.deadlineOn < today } : null,
    correctiveActions: v.correctiveActions.map((a) => presentAction({ ...a, productId: v.productId, productName: v.productName, entityName: v.entityName, level: v.level }, actor, today)),
    version: v.version,
    actions: inspectionActions(actor, { ...v, planStatus: v.planStatus }, mayRevoke, v.proposal?.status === 'pending'),
  };
}

/** What the audit trail keeps (before and after each change). */
export function planSnapshot(p: PlanRow) {
  return { ...p, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString(), approvedAt: p.approvedAt?.toISOString() ?? null };
}
export function inspectionSnapshot(i: InspectionRow) {
  return { ...i, createdAt: i.createdAt.toISOString(), updatedAt: i.updatedAt.toISOString() };
}
export function actionSnapshot(a: CorrectiveActionRow) {
  return { ...a, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString() };
}
