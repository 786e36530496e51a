// Turns report rows into API output, cut down to the reader's audience (reports.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import type { ReportOut } from './reports.contract.js';
import { REPORT_FIELDS } from './reports.fields.js';
import { reportActions, reportAudience } from './reports.policy.js';
import type { ReportView } from './reports.repo.js';
import { isOverdue } from './reports.rules.js';
import type { ReportRow } from './reports.tables.js';

export const photoPath = (reference: string, fileId: string) => `/api/v1/reports/${reference}/photos/${fileId}`;

type Extra = { photos?: { id: string; mimeType: string; sizeBytes: number }[]; duplicates?: string[]; withContact?: boolean };

export function presentReport(v: ReportView, actor: Actor, today: string, extra: Extra = {}): ReportOut {
  const r = v.report;
  const full: ReportOut = {
    id: r.id, reference: r.reference, status: r.status, category: r.category,
    product: { id: r.productId, name: v.productName, code: v.productCode }, lot: r.lot,
    certificate: r.certificateId && v.certificateNumber ? { id: r.certificateId, number: v.certificateNumber } : null,
    provinceCode: r.provinceCode, communeCode: r.communeCode, message: r.message,
    ...(extra.withContact ? { contact: r.contact } : {}),
    source: r.source, channel: r.channel,
    assignedTo: r.assignedTo ? { id: r.assignedTo, name: v.assigneeName ?? '' } : null,
    duplicateOf: v.duplicateOfReference, ...(extra.duplicates ? { duplicates: extra.duplicates } : {}),
    inspectionId: r.inspectionId, slaDueOn: r.slaDueOn, overdue: isOverdue(r, today), resolution: r.resolution,
    createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString(), closedAt: r.closedAt?.toISOString() ?? null,
    ...(extra.photos ? { photos: extra.photos.map((p) => ({ id: p.id, url: photoPath(r.reference, p.id), mimeType: p.mimeType, sizeBytes: p.sizeBytes })) } : {}),
    version: r.version, actions: reportActions(actor, r),
  };
  return project(REPORT_FIELDS, reportAudience(actor, r), full) as ReportOut;
}

/** What the audit trail keeps of a report (before and after each change); the contact is not copied into it. */
export function snapshot(r: ReportRow) {
  const { createdAt: _c, contact, updatedAt, closedAt, ...rest } = r;
  return { ...rest, contact: contact ? '***' : null, updatedAt: updatedAt.toISOString(), closedAt: closedAt?.toISOString() ?? null };
}
