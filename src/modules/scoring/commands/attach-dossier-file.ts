// Evidence for the self-assessment (Mẫu 02 part III), per criterion or for the dossier as a whole. Bytes go to the
// file store with the same content checks as the registry's documents (PDF or image, type read from the bytes).
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import { invalidField } from '../../../app/errors.js';
import { dossierFile } from '../dossiers.tables.js';
import { criteriaOf, getSheet } from '../sheets.data.js';
import { actorId, loadFor } from './_dossier.js';

export type Upload = { bytes: Buffer; filename: string };

export async function attachDossierFile(ctx: Ctx, files: FileStore, id: string, criterionCode: string | null, caption: string | null, upload: Upload) {
  const d = await loadFor(ctx, id, 'upload');
  if (criterionCode && !criteriaOf(getSheet(d.sheet, d.instrument)!).some((c) => c.code === criterionCode)) {
    throw invalidField('criterionCode', 'unknown_criterion', { vi: `Phiếu số ${d.sheet} không có tiêu chí ${criterionCode}`, en: `Sheet ${d.sheet} has no criterion ${criterionCode}` });
  }
  const put = await files.put(upload.bytes, ALLOWED_TYPES.document);
  const [row] = await ctx.tx.insert(dossierFile).values({
    dossierId: d.id, criterionCode, ...put, originalName: upload.filename.slice(0, 255), caption, uploadedBy: actorId(ctx), createdAt: ctx.now,
  }).returning();
  await recordAudit(ctx, { action: 'dossier.attach', recordType: 'dossier', recordId: d.id, provinceCode: d.provinceCode, communeCode: d.communeCode, after: { fileId: row.id, criterionCode, name: row.originalName, sha256: row.sha256 } });
  return row;
}
