// Pure rules of post-recognition inspections: which level plans a product (the Ministry for 5★), why a product is a
// risk (complaints, expiring, never inspected, no traceability code at 4★+), the order of the suggestions, what a
// conclusion must carry, and when a corrective action is overdue. The numbers are data/supervision/inspections.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { addDays, authorityLevel } from '../scoring/index.js';
import type { Conclusion, PlanLevel, RiskReason } from './inspections.tables.js';

const dataSchema = z.strictObject({
  version: z.string(), instrument: z.string(), note: z.string(),
  risk: z.strictObject({
    expiringWithinDays: z.number().int().positive(), expiringSource: z.string(), complaintsWithinDays: z.number().int().positive(),
    traceRequiredFromStars: z.number().int().min(1).max(5), traceSource: z.string(), suggestionLimit: z.number().int().min(1).max(1000),
  }),
  correctiveAction: z.strictObject({ defaultDays: z.number().int().positive(), maxDays: z.number().int().positive() }),
});
export type InspectionData = z.infer<typeof dataSchema>;
export const INSPECTION_DATA: InspectionData = dataSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'supervision', 'inspections.json'), 'utf8')));

/** The plan a certified product of this many stars belongs to: the Ministry's for 5★, the province's otherwise. */
export const levelOf = (stars: number): PlanLevel => authorityLevel(stars);

export type RiskFacts = { complaints: number; expiresOn: string; lastInspectedOn: string | null; traceMissing: boolean };

/** Why a product should be inspected, most pressing first. */
export function riskReasons(f: RiskFacts, today: string, data: InspectionData = INSPECTION_DATA): RiskReason[] {
  const out: RiskReason[] = [];
  if (f.complaints > 0) out.push('complaints');
  if (f.traceMissing) out.push('trace_missing');
  if (f.expiresOn <= addDays(today, data.risk.expiringWithinDays)) out.push('expiring');
  if (!f.lastInspectedOn) out.push('never_inspected');
  return out;
}

const WEIGHT: Record<RiskReason, number> = { complaint: 16, complaints: 8, trace_missing: 4, expiring: 2, never_inspected: 1 };
/** A risk score: complaints weigh most, then a missing traceability code, then expiry, then never inspected. */
export const riskScore = (reasons: readonly RiskReason[], complaints = 0) => reasons.reduce((s, r) => s + WEIGHT[r], 0) + Math.min(complaints, 7) * 0.1;

/** Suggestions by risk (highest first), then the earliest expiry, then the product code: a stable order. */
export function bySuggestionOrder<T extends { reasons: RiskReason[]; complaints: number; expiresOn: string; productCode: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => riskScore(b.reasons, b.complaints) - riskScore(a.reasons, a.complaints)
    || a.expiresOn.localeCompare(b.expiresOn) || a.productCode.localeCompare(b.productCode));
}

export type ConclusionInput = {
  inspectedOn: string; concludedOn: string; conclusion: Conclusion;
  correctiveActions?: { description: string; dueOn: string }[]; revocationGround?: string | null;
};
export type RuleError = { field: string; code: string; vi: string; en: string };

/** What a conclusion must carry: dates not in the future and in order; corrective actions (each due after the
 * conclusion, within the data's limit) exactly when it asks for them; a ground of Điều 8 exactly when it proposes
 * to revoke. The first error, or null. */
export function conclusionError(c: ConclusionInput, today: string, data: InspectionData = INSPECTION_DATA): RuleError | null {
  if (c.inspectedOn > today) return { field: 'inspectedOn', code: 'date_in_future', vi: 'Ngày kiểm tra không thể ở tương lai', en: 'The inspection date cannot be in the future' };
  if (c.concludedOn > today) return { field: 'concludedOn', code: 'date_in_future', vi: 'Ngày kết luận không thể ở tương lai', en: 'The conclusion date cannot be in the future' };
  if (c.concludedOn < c.inspectedOn) return { field: 'concludedOn', code: 'conclusion_before_inspection', vi: 'Ngày kết luận không thể trước ngày kiểm tra', en: 'The conclusion cannot precede the inspection' };
  const actions = c.correctiveActions ?? [];
  if (c.conclusion === 'corrective_action') {
    if (!actions.length) return { field: 'correctiveActions', code: 'corrective_action_required', vi: 'Cần ghi ít nhất một yêu cầu khắc phục với thời hạn', en: 'Give at least one corrective action with its deadline' };
    const limit = addDays(c.concludedOn, data.correctiveAction.maxDays);
    const i = actions.findIndex((a) => a.dueOn <= c.concludedOn || a.dueOn > limit);
    if (i >= 0) return { field: `correctiveActions.${i}.dueOn`, code: 'corrective_deadline_out_of_range', vi: `Thời hạn khắc phục phải sau ngày kết luận và không quá ${data.correctiveAction.maxDays} ngày`, en: `The deadline must come after the conclusion and within ${data.correctiveAction.maxDays} days` };
  } else if (actions.length) {
    return { field: 'correctiveActions', code: 'corrective_action_not_expected', vi: 'Chỉ ghi yêu cầu khắc phục khi kết luận là yêu cầu khắc phục', en: 'Corrective actions go with a corrective-action conclusion only' };
  }
  if (c.conclusion === 'revocation_proposed' && !c.revocationGround) return { field: 'revocationGround', code: 'ground_required', vi: 'Cần chọn căn cứ thu hồi theo Điều 8', en: 'Choose the ground of revocation (Article 8)' };
  if (c.conclusion !== 'revocation_proposed' && c.revocationGround) return { field: 'revocationGround', code: 'ground_not_expected', vi: 'Căn cứ thu hồi chỉ ghi khi đề nghị thu hồi', en: 'A ground goes with a revocation proposal only' };
  return null;
}

/** A planned inspection past its date, an open corrective action past its deadline. */
export const isOverdue = (status: string, dueOn: string, today: string) => (status === 'planned' || status === 'open') && dueOn < today;

/** The state a workspace shows: planned, then the conclusion, and for a proposal whether the authority has revoked. */
export function inspectionState(i: { status: string; conclusion: string | null }, proposalStatus: string | null, openActions: number): string {
  if (i.status === 'planned') return 'planned';
  if (i.conclusion === 'corrective_action') return openActions > 0 ? 'corrective_open' : 'corrective_closed';
  if (i.conclusion === 'revocation_proposed') return proposalStatus === 'completed' ? 'revoked' : 'revocation_pending';
  return 'compliant';
}
