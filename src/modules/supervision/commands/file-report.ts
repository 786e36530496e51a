// A report arrives: from the public product page or API ('public'), from the public trace page ('trace'), or typed
// in by an officer from a phone call or a letter ('officer'). It lands in the queue of the product's province with
// a reference code the reporter keeps, and its service-level date (working days, data/supervision/reports.json).
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, forbidden, notFound } from '../../../app/errors.js';
import type { FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { takeAttempt } from '../../accounts/index.js';
import { canReadProduct, storeFile } from '../../registry/index.js';
import { addWorkingDays, calendarFromDb, vnDate } from '../../scoring/index.js';
import { canRecord } from '../reports.policy.js';
import { snapshot } from '../reports.present.js';
import { attachPhoto, insertReport, productForReport } from '../reports.repo.js';
import { isCategory, newReference, REPORT_DATA, REPORT_IP_BUDGET } from '../reports.rules.js';
import type { ReportChannel, ReportSource } from '../reports.tables.js';

export type NewReport = {
  productId: string; category: string; message: string; contact?: string | null; lot?: string | null;
  source: ReportSource; channel?: ReportChannel | null;
  /** The sender's address (public sources): rate limited per address. */
  ip?: string;
  photos?: Upload[];
};

export const unknownProduct = () => notFound('product', 'sản phẩm');
const tooManyPhotos = () => new AppError('invalid', 'too_many_photos', { vi: `Gửi tối đa ${REPORT_DATA.attachments.maxFiles} ảnh`, en: `Send at most ${REPORT_DATA.attachments.maxFiles} photos` }, { field: 'photos' });

/** The service-level date of a report received at `now`: N working days after the day of receipt (Việt Nam time). */
export async function slaDueOn(ctx: Ctx, now: Date): Promise<string> {
  return addWorkingDays(vnDate(now), REPORT_DATA.serviceLevel.workingDays, await calendarFromDb(ctx.tx));
}

export async function fileReport(ctx: Ctx, files: FileStore | undefined, input: NewReport) {
  const p = await productForReport(ctx.tx, input.productId);
  if (input.source === 'officer') {
    if (!p) throw unknownProduct();
    if (!canRecord(ctx.actor, p)) throw forbidden();
  } else if (!p || !canReadProduct({ kind: 'public' }, p, p.entityStatus)) {
    // The public reports only on a product the public can see; a draft or unknown one is not found.
    throw unknownProduct();
  }
  if (!isCategory(input.category)) throw new AppError('invalid', 'unknown_category', { vi: 'Loại phản ánh không hợp lệ', en: 'Unknown category' }, { field: 'category' });
  const photos = input.photos ?? [];
  if (photos.length > REPORT_DATA.attachments.maxFiles) throw tooManyPhotos();
  if (input.ip !== undefined) await takeAttempt(ctx.tx, ctx.now, [[REPORT_IP_BUDGET, input.ip]]);
  const values = {
    productId: p.id, lot: input.lot || null, certificateId: p.certificateId, provinceCode: p.provinceCode, communeCode: p.communeCode,
    category: input.category, message: input.message, contact: input.contact || null, source: input.source, channel: input.channel ?? null,
    slaDueOn: await slaDueOn(ctx, ctx.now), createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
  };
  const year = Number(vnDate(ctx.now).slice(0, 4));
  let row;
  for (let i = 0; i < 5 && !row; i++) row = await insertReport(ctx.tx, { ...values, reference: newReference(year) });
  if (!row) throw new Error('no free report reference after 5 draws');
  const stored = [];
  for (const photo of photos) {
    if (!files) throw new Error('a file store is needed for photos');
    if (photo.bytes.length > REPORT_DATA.attachments.maxBytes) throw new AppError('too_large', 'payload_too_large', { vi: 'Ảnh quá lớn', en: 'The photo is too large' }, { field: 'photos' });
    const f = await storeFile(ctx, files, photo, REPORT_DATA.attachments.types);
    await attachPhoto(ctx.tx, row.id, f.id);
    stored.push({ id: f.id, sha256: f.sha256, mimeType: f.mimeType });
  }
  await recordAudit(ctx, { action: 'report.create', recordType: 'report', recordId: row.id, provinceCode: row.provinceCode, communeCode: row.communeCode, after: { ...snapshot(row), photos: stored } });
  return row;
}
