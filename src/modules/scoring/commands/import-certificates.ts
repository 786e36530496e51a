// Imports certificates issued before this system (QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026…) so the register is
// complete from day one. Preview: every row is checked and planned, nothing but the preview itself is written.
// Commit: the rows are checked again in the commit's transaction and written all or nothing; if what they would do
// differs from what the preview announced (a certificate changed or added since), the commit is refused (409).
// Certificates issued under an earlier instrument keep it and stay valid to their own expiry (Điều 12.1).
// Run twice, an import changes nothing the second time: a row finds its certificate by number (when the sheet has
// the column), else by product + decision number, and a row equal to its certificate is "unchanged" (no write, no
// audit row).
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { AppError, notFound, type Message } from '../../../app/errors.js';
import { query, type Queryable } from '../../../app/db.js';
import { applyCertificate } from '../../registry/index.js';
import { authorityLevel, RULES } from '../rules.data.js';
import { certificateNumber, expiryOf, instrumentFromText, statusOn, vnDate } from '../certificates.rules.js';
import { COLUMNS, parseDate, type LegacyField, type LegacyRow } from '../certificates.import.js';
import { canImportInProvince } from '../certificates.policy.js';
import { certificateSnapshot } from '../certificates.present.js';
import { findByDecision, getImport, historyOfProduct, nextCertificateSequence } from '../certificates.repo.js';
import { certificate, certificateImport, type CertificateRow } from '../certificates.tables.js';

type ImportError = { column: string; field: string; code: string; message: Message };
type Plan = {
  productId: string; entityId: string; provinceCode: string; communeCode: string;
  stars: number; decisionNumber: string; decidedOn: string; issuedOn: string; expiresOn: string; instrument: string; authority: string;
  targetId?: string; version?: number;
};
export type PlannedRow = { row: number; sheet: string; kind: 'certificate'; action: 'create' | 'update' | 'unchanged' | 'error'; label: string; errors: ImportError[]; plan?: Plan };
export type ImportResult = { id: string; fileName: string; totals: { rows: number; create: number; update: number; unchanged: number; errors: number }; rows: Omit<PlannedRow, 'plan'>[]; committed: boolean };

const err = (field: LegacyField, code: string, vi: string, en: string): ImportError => ({ column: COLUMNS[field].header, field, code, message: { vi, en } });

type FoundProduct = { id: string; entity_id: string; province_code: string; commune_code: string; name: string; code: string };

async function findProduct(db: Queryable, r: LegacyRow): Promise<{ product?: FoundProduct; error?: ImportError }> {
  if (r.productCode) {
    const rows = await query<FoundProduct>(db, sql`SELECT id, entity_id, province_code, commune_code, name, code FROM product WHERE code = ${r.productCode}`);
    return rows[0] ? { product: rows[0] } : { error: err('productCode', 'unknown_product', `Không có sản phẩm mã ${r.productCode}`, `No product with code ${r.productCode}`) };
  }
  if (!r.productName || !r.entityRegistration) {
    return { error: err('productCode', 'product_required', 'Cần mã sản phẩm, hoặc tên sản phẩm và số ĐKKD của chủ thể', 'Give the product code, or the product name and the entity\'s registration number') };
  }
  const rows = await query<FoundProduct>(db, sql`
    SELECT p.id, p.entity_id, p.province_code, p.commune_code, p.name, p.code FROM product p JOIN entity e ON e.id = p.entity_id
    WHERE e.registration_number = ${r.entityRegistration} AND p.name_fold = f_unaccent(${r.productName}) LIMIT 2`);
  if (rows.length === 1) return { product: rows[0] };
  return rows.length
    ? { error: err('productName', 'ambiguous_product', 'Chủ thể có nhiều sản phẩm trùng tên; hãy ghi mã sản phẩm', 'The entity has several products of this name; give the product code') }
    : { error: err('productName', 'unknown_product', `Không tìm thấy sản phẩm "${r.productName}" của chủ thể ${r.entityRegistration}`, `No product "${r.productName}" of entity ${r.entityRegistration}`) };
}

async function productById(db: Queryable, id: string): Promise<{ product?: FoundProduct; error?: ImportError }> {
  const rows = await query<FoundProduct>(db, sql`SELECT id, entity_id, province_code, commune_code, name, code FROM product WHERE id = ${id}`);
  return { product: rows[0] };
}

/** The fields a row sets; equal on every one, the certificate is left alone. */
const SAME_FIELDS = ['stars', 'decisionNumber', 'decidedOn', 'issuedOn', 'expiresOn', 'instrument', 'authority'] as const;

/** Checks one row against the database as it is now and plans what the commit would write. */
async function planRow(ctx: Ctx, r: LegacyRow, seen: Set<string>): Promise<PlannedRow> {
  const errors: ImportError[] = [];
  const today = vnDate(ctx.now);
  let byNumber: CertificateRow | undefined;
  if (r.certificateNumber) {
    [byNumber] = await ctx.tx.select().from(certificate).where(eq(certificate.number, r.certificateNumber));
    if (!byNumber) errors.push(err('certificateNumber', 'unknown_certificate', `Không có giấy chứng nhận số ${r.certificateNumber}; để trống để nhập giấy mới`, `No certificate number ${r.certificateNumber}; leave it empty to import a new one`));
  }
  // A row naming its certificate by number may leave the product out: it is the certificate's.
  const { product, error } = byNumber && !r.productCode && !r.productName ? await productById(ctx.tx, byNumber.productId) : await findProduct(ctx.tx, r);
  if (error) errors.push(error);
  if (byNumber && product && byNumber.productId !== product.id) {
    errors.push(err('certificateNumber', 'certificate_of_other_product', `Giấy chứng nhận ${byNumber.number} là của sản phẩm khác`, `Certificate ${byNumber.number} belongs to another product`));
  }
  if (product && !canImportInProvince(ctx.actor, product.province_code)) {
    errors.push(err('productCode', 'outside_province', 'Sản phẩm thuộc tỉnh khác; chỉ nhập được giấy chứng nhận của tỉnh mình', 'The product is in another province; import your own province\'s certificates only'));
  }
  const stars = /^[3-5]$/.test(r.stars.replace(/\s*sao$/i, '')) ? Number(r.stars.replace(/\s*sao$/i, '')) : undefined;
  if (!stars) errors.push(err('stars', 'invalid_stars', 'Hạng sao phải là 3, 4 hoặc 5', 'Stars must be 3, 4 or 5'));
  if (!r.decisionNumber) errors.push(err('decisionNumber', 'required', 'Cần số quyết định', 'The decision number is required'));
  else if (r.decisionNumber.length > 100) errors.push(err('decisionNumber', 'too_long', 'Số quyết định quá dài', 'The decision number is too long'));
  const decidedOn = parseDate(r.decidedOn);
  if (!decidedOn) errors.push(err('decidedOn', 'invalid_date', 'Ngày quyết định không hợp lệ (dd/mm/yyyy)', 'Invalid decision date (dd/mm/yyyy)'));
  else if (decidedOn > today) errors.push(err('decidedOn', 'date_in_future', 'Ngày quyết định ở tương lai', 'The decision date is in the future'));
  const issuedOn = r.issuedOn ? parseDate(r.issuedOn) : decidedOn;
  if (r.issuedOn && !issuedOn) errors.push(err('issuedOn', 'invalid_date', 'Ngày cấp không hợp lệ (dd/mm/yyyy)', 'Invalid issue date (dd/mm/yyyy)'));
  const expiresOn = r.expiresOn ? parseDate(r.expiresOn) : issuedOn && expiryOf(issuedOn);
  if (r.expiresOn && !expiresOn) errors.push(err('expiresOn', 'invalid_date', 'Ngày hết hạn không hợp lệ (dd/mm/yyyy)', 'Invalid expiry date (dd/mm/yyyy)'));
  if (issuedOn && expiresOn && expiresOn <= issuedOn) errors.push(err('expiresOn', 'expiry_before_issue', 'Ngày hết hạn phải sau ngày cấp', 'The expiry must come after the issue date'));
  const instrument = instrumentFromText(r.instrument);
  if (!instrument) {
    errors.push(err('instrument', 'unknown_instrument', `Văn bản "${r.instrument}" không có trong danh sách (QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026)`, `Unknown instrument "${r.instrument}" (QĐ 1048/2019, QĐ 148/2023, QĐ 26/2026)`));
  } else {
    const since = RULES.transition.instruments.find((i) => i.code === instrument)!.date;
    if (decidedOn && decidedOn < since) errors.push(err('instrument', 'instrument_not_yet_in_force', `Ngày quyết định trước khi ${instrument} có hiệu lực`, `The decision predates ${instrument}`));
  }
  if (!r.authority) errors.push(err('authority', 'required', 'Cần cơ quan quyết định', 'The deciding authority is required'));
  else if (r.authority.length > 300) errors.push(err('authority', 'too_long', 'Tên cơ quan quá dài', 'The authority name is too long'));

  const label = `${r.certificateNumber || r.productCode || r.productName} — ${r.decisionNumber}`;
  let existing: CertificateRow | undefined;
  if (product && r.decisionNumber) {
    existing = byNumber ?? await findByDecision(ctx.tx, product.id, r.decisionNumber);
    const key = existing?.id ?? `${product.id}|${r.decisionNumber}`;
    if (seen.has(key)) errors.push(err('decisionNumber', 'duplicate_row', 'Dòng trùng với một dòng trước (cùng giấy chứng nhận, hoặc cùng sản phẩm và quyết định)', 'Same certificate, or same product and decision, as an earlier row'));
    seen.add(key);
  }
  if (errors.length || !product || !stars || !decidedOn || !issuedOn || !expiresOn || !instrument) {
    return { row: r.row, sheet: r.sheet, kind: 'certificate', action: 'error', label, errors };
  }
  const plan: Plan = {
    productId: product.id, entityId: product.entity_id, provinceCode: product.province_code, communeCode: product.commune_code,
    stars, decisionNumber: r.decisionNumber, decidedOn, issuedOn, expiresOn, instrument, authority: r.authority,
    targetId: existing?.id, version: existing?.version,
  };
  const unchanged = !!existing && SAME_FIELDS.every((f) => existing[f] === plan[f]);
  if (existing?.source === 'system' && !unchanged) {
    errors.push(err('decisionNumber', 'already_issued', `Quyết định này đã có giấy chứng nhận ${existing.number} trong hệ thống`, `This decision already has certificate ${existing.number} in the system`));
    return { row: r.row, sheet: r.sheet, kind: 'certificate', action: 'error', label, errors };
  }
  return { row: r.row, sheet: r.sheet, kind: 'certificate', action: !existing ? 'create' : unchanged ? 'unchanged' : 'update', label, errors, plan };
}

async function planAll(ctx: Ctx, rows: LegacyRow[]): Promise<PlannedRow[]> {
  const seen = new Set<string>();
  const out: PlannedRow[] = [];
  for (const r of rows) out.push(await planRow(ctx, r, seen));
  return out;
}

function summary(id: string, fileName: string, planned: PlannedRow[], committed: boolean): ImportResult {
  return {
    id, fileName, committed,
    totals: {
      rows: planned.length, create: planned.filter((p) => p.action === 'create').length, update: planned.filter((p) => p.action === 'update').length,
      unchanged: planned.filter((p) => p.action === 'unchanged').length, errors: planned.filter((p) => p.action === 'error').length,
    },
    rows: planned.map(({ plan: _p, ...row }) => row),
  };
}

/** Per row, what the commit will do and to which certificate at which version. */
const announced = (planned: PlannedRow[]) => planned.map((p) => ({ row: p.row, action: p.action, targetId: p.plan?.targetId ?? null, version: p.plan?.version ?? null }));

export async function previewCertificateImport(ctx: Ctx, fileName: string, rows: LegacyRow[]): Promise<ImportResult> {
  if (ctx.actor.kind !== 'user') throw notFound('import', 'lượt nhập');
  const planned = await planAll(ctx, rows);
  const [saved] = await ctx.tx.insert(certificateImport).values({
    fileName: fileName.slice(0, 300), createdBy: ctx.actor.id, provinceCode: ctx.actor.provinceCode, rows, planned: announced(planned), createdAt: ctx.now,
  }).returning();
  return summary(saved.id, saved.fileName, planned, false);
}

/** Re-links a product's certificates in issue order: each is replaced by the next; the last one not revoked is in force. */
async function relinkHistory(ctx: Ctx, productId: string, fresh: (typeof certificate.$inferInsert)[]) {
  const existing = await historyOfProduct(ctx.tx, productId);
  const all = [...existing, ...fresh].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn) || a.decidedOn.localeCompare(b.decidedOn));
  const final = new Map<string, { status: 'valid' | 'replaced' | 'revoked'; replacedById: string | null; replacedOn: string | null }>();
  all.forEach((c, i) => {
    const next = all[i + 1];
    if (c.status === 'revoked') final.set(c.id!, { status: 'revoked', replacedById: c.replacedById ?? null, replacedOn: c.replacedOn ?? null });
    else if (next) final.set(c.id!, { status: 'replaced', replacedById: next.id!, replacedOn: next.issuedOn });
    else final.set(c.id!, { status: 'valid', replacedById: null, replacedOn: null });
  });
  // Demote first, then insert: at no moment do two certificates of the product stand in force.
  for (const c of existing) {
    const f = final.get(c.id)!;
    if (f.status === c.status && f.replacedById === c.replacedById) continue;
    const [after] = await ctx.tx.update(certificate).set({ ...f, updatedAt: ctx.now, version: c.version + 1 }).where(eq(certificate.id, c.id)).returning();
    await recordAudit(ctx, { action: 'certificate.replace', recordType: 'certificate', recordId: c.id, provinceCode: c.provinceCode, before: certificateSnapshot(c), after: certificateSnapshot(after) });
  }
  for (const c of fresh) {
    const [row] = await ctx.tx.insert(certificate).values({ ...c, ...final.get(c.id!)! }).returning();
    await recordAudit(ctx, { action: 'certificate.import', recordType: 'certificate', recordId: row.id, provinceCode: row.provinceCode, after: certificateSnapshot(row) });
  }
  const latest = all[all.length - 1] as CertificateRow;
  return { ...latest, ...final.get(latest.id)! };
}

export async function commitCertificateImport(ctx: Ctx, id: string): Promise<{ created: number; updated: number; unchanged: number }> {
  const job = await getImport(ctx.tx, id);
  if (!job || ctx.actor.kind !== 'user' || job.createdBy !== ctx.actor.id) throw notFound('import', 'lượt nhập');
  if (job.committedAt) throw new AppError('conflict', 'import_already_committed', { vi: 'Lượt nhập này đã được ghi', en: 'This import was already committed' });
  const planned = await planAll(ctx, job.rows as LegacyRow[]);
  const failing = planned.filter((p) => p.action === 'error');
  if (failing.length) {
    throw new AppError('conflict', 'import_has_errors', { vi: `Còn ${failing.length} dòng lỗi; sửa tệp và xem trước lại — không có gì được ghi`, en: `${failing.length} rows have errors; fix the file and preview again — nothing was written` }, { preview: summary(job.id, job.fileName, planned, false) });
  }
  // What the rows would do now against what the preview showed (jsonb keeps no key order: compared field by field).
  if (job.planned) {
    const shown = job.planned;
    const now = announced(planned);
    const moved = now.find((p, i) => !shown[i] || p.row !== shown[i].row || p.action !== shown[i].action || p.targetId !== shown[i].targetId || p.version !== shown[i].version);
    if (moved || now.length !== shown.length) {
      const row = (moved ?? now[0])?.row;
      throw new AppError('conflict', 'stale_version', {
        vi: `Dòng ${row}: giấy chứng nhận đã thay đổi sau khi xem trước; hãy tải tệp lên lại để xem trước lần nữa`,
        en: `Row ${row}: the certificates changed since the preview; upload the file again for a new preview`,
      }, { row });
    }
  }
  const today = vnDate(ctx.now);
  const byProduct = new Map<string, (typeof certificate.$inferInsert)[]>();
  let updated = 0;
  let unchanged = 0;
  for (const { plan, action } of planned) {
    if (action === 'unchanged') { unchanged++; continue; }
    const p = plan!;
    const fields = {
      stars: p.stars, authorityLevel: authorityLevel(p.stars), authority: p.authority, decisionNumber: p.decisionNumber,
      decidedOn: p.decidedOn, issuedOn: p.issuedOn, expiresOn: p.expiresOn, instrument: p.instrument,
    };
    if (p.targetId) {
      const [before] = await ctx.tx.select().from(certificate).where(eq(certificate.id, p.targetId)).for('update');
      const [after] = await ctx.tx.update(certificate).set({ ...fields, updatedAt: ctx.now, version: before.version + 1 }).where(and(eq(certificate.id, p.targetId), eq(certificate.source, 'import'))).returning();
      await recordAudit(ctx, { action: 'certificate.import_update', recordType: 'certificate', recordId: after.id, provinceCode: after.provinceCode, before: certificateSnapshot(before), after: certificateSnapshot(after) });
      updated++;
      if (!byProduct.has(p.productId)) byProduct.set(p.productId, []);
      continue;
    }
    const year = Number(p.issuedOn.slice(0, 4));
    const number = certificateNumber(p.provinceCode, year, await nextCertificateSequence(ctx.tx, p.provinceCode, year));
    const list = byProduct.get(p.productId) ?? [];
    list.push({
      id: randomUUID(), number, productId: p.productId, entityId: p.entityId, provinceCode: p.provinceCode, kind: 'legacy', source: 'import',
      ...fields, createdBy: ctx.actor.kind === 'user' ? ctx.actor.id : null, createdAt: ctx.now, updatedAt: ctx.now,
    });
    byProduct.set(p.productId, list);
  }
  let created = 0;
  for (const [productId, fresh] of byProduct) {
    created += fresh.length;
    const latest = await relinkHistory(ctx, productId, fresh);
    const shown = statusOn({ status: (latest.status ?? 'valid') as 'valid' | 'replaced' | 'revoked', expiresOn: latest.expiresOn }, today);
    await applyCertificate(ctx, productId, shown === 'valid'
      ? { status: 'certified', stars: latest.stars, certificateNumber: latest.number }
      : { status: shown === 'revoked' ? 'revoked' : 'expired', certificateNumber: latest.number });
  }
  await ctx.tx.update(certificateImport).set({ committedAt: ctx.now }).where(eq(certificateImport.id, job.id));
  return { created, updated, unchanged };
}
