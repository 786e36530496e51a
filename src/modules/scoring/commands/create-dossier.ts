// The entity opens a dossier for one of its products: Mẫu 01 prefilled from the registry, Mẫu 02 to complete.
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation } from '../../../app/db.js';
import { AppError, forbidden, invalidField } from '../../../app/errors.js';
import { getEntity, getProduct } from '../../registry/index.js';
import { procedureRules } from '../deadlines.rules.js';
import { assertFindings } from '../deciding-notes.rules.js';
import type { createDossierBody } from '../dossiers.contract.js';
import { nextDossierSequence, openDossierOfProduct } from '../dossiers.repo.js';
import { dossier, type Registration, type SelfReport } from '../dossiers.tables.js';
import { assertAnswers } from '../scoring.rules.js';
import { getSheet, IN_FORCE } from '../sheets.data.js';
import { auditView } from './_dossier.js';
import { vnDate } from '../deadlines.rules.js';
import { assertTypeFitsProduct } from './_dossier-type.js';

export async function createDossier(ctx: Ctx, input: z.infer<typeof createDossierBody>) {
  const found = await getProduct(ctx.tx, input.productId);
  const actor = ctx.actor;
  if (!found || actor.kind !== 'user' || actor.role !== 'entity' || actor.entityId !== found.product.entityId) {
    if (found && actor.kind === 'user' && actor.role === 'entity') throw forbidden();
    throw invalidField('productId', 'unknown_product', { vi: 'Sản phẩm không tồn tại hoặc không thuộc chủ thể của bạn', en: 'Unknown product, or not your entity\'s' });
  }
  const p = found.product;
  if (found.entityStatus !== 'approved') throw new AppError('conflict', 'entity_not_approved', { vi: 'Chủ thể chưa được UBND xã phê duyệt', en: 'The entity is not approved by its commune yet' });
  if (p.status === 'revoked') throw new AppError('conflict', 'product_revoked', { vi: 'Sản phẩm đã bị thu hồi giấy chứng nhận', en: 'The product\'s certificate was revoked' });
  await assertTypeFitsProduct(ctx, p, input.type);
  const open = await openDossierOfProduct(ctx.tx, p.id);
  if (open) throw alreadyOpen(open);
  const sheet = getSheet(p.productSet, IN_FORCE)!;
  if (input.answers) assertAnswers(sheet, input.answers);
  assertFindings(sheet, input.answers ?? {}, { knockOuts: input.knockOuts, conditions: input.conditions });

  const e = (await getEntity(ctx.tx, p.entityId))!.entity;
  const year = Number(vnDate(ctx.now).slice(0, 4));
  const samples = procedureRules().samples;
  const registration: Registration = {
    unitName: e.name, representativeName: e.representative.fullName, representativeTitle: e.representative.position ?? '',
    address: e.address, phone: e.phone, email: e.email, productName: p.name,
    sampleCount: samples.exceptSheets.includes(p.productSet) ? 0 : samples.count, year, ...clean(input.registration),
  };
  const selfReport: SelfReport = {
    orgType: e.type, foundedOn: e.registrationDate, registrationNumber: e.registrationNumber,
    representative: { fullName: e.representative.fullName, sex: e.representative.sex, ethnicity: e.representative.ethnicity, permanentAddress: null },
    productSpec: [p.description, p.standard].filter(Boolean).join('\n') || null, ...clean(input.selfReport),
  };
  const seq = await nextDossierSequence(ctx.tx, p.communeCode, year);
  const [row] = await ctx.tx.insert(dossier).values({
    number: `${String(seq).padStart(3, '0')}/PĐK-${p.provinceCode}-${p.communeCode}-${year}`,
    productId: p.id, entityId: p.entityId, provinceCode: p.provinceCode, communeCode: p.communeCode, sheet: p.productSet, instrument: IN_FORCE, filedUnder: IN_FORCE,
    type: input.type, status: 'draft', registration, selfReport, answers: input.answers ?? {}, answerNotes: input.answerNotes ?? {},
    knockOuts: input.knockOuts ?? [], conditions: input.conditions ?? {},
    createdBy: actor.id, createdAt: ctx.now, updatedAt: ctx.now,
  }).returning().catch((err: unknown) => {
    // Two openings at the same moment both passed the check above; the partial unique index lets one through.
    throw isUniqueViolation(err, 'dossier_one_open_idx') ? alreadyOpen() : err;
  });
  await recordAudit(ctx, { action: 'dossier.create', recordType: 'dossier', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: auditView(row) });
  return row;
}

const alreadyOpen = (open?: { id: string; number: string }) => open
  ? new AppError('conflict', 'dossier_already_open', { vi: `Sản phẩm đang có hồ sơ ${open.number} chưa kết thúc`, en: `The product already has an open dossier ${open.number}` }, { dossierId: open.id })
  : new AppError('conflict', 'dossier_already_open', { vi: 'Sản phẩm đang có một hồ sơ chưa kết thúc', en: 'The product already has an open dossier' });

/** Drops the undefined keys of a partial update so they do not overwrite defaults. */
export function clean<T extends object>(o: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}
