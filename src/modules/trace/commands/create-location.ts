// An entity records one of its places (raw-material area, farm, workshop, warehouse, shop) as a GLN: its own GLN
// when it has one (check digit checked), otherwise one under the programme's GS1 prefix from
// programme_gln_location_seq (never shared between transactions or server processes).
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { isUniqueViolation, query } from '../../../app/db.js';
import { AppError, forbidden, invalidField, notFound } from '../../../app/errors.js';
import { glnUnderPrefix, Gs1Error, normaliseGln, referenceCapacity } from '../../../app/gs1.js';
import { getCommune } from '../../geo/index.js';
import type { createLocationBody } from '../producer.contract.js';
import { canManageTrace, canReadTrace } from '../producer.policy.js';
import { getEntityScope } from '../producer.repo.js';
import { traceLocation } from '../trace.tables.js';

function ownGln(raw: string): string {
  try {
    return normaliseGln(raw);
  } catch (e) {
    if (!(e instanceof Gs1Error)) throw e;
    throw e.problem === 'bad_check_digit'
      ? invalidField('gln', 'gln_bad_check_digit', { vi: `Số kiểm tra của mã GLN ${raw} không đúng`, en: `The check digit of GLN ${raw} is wrong` })
      : invalidField('gln', 'gln_malformed', { vi: 'Mã GLN phải có 13 chữ số', en: 'A GLN has 13 digits' });
  }
}

export async function nextProgrammeGln(ctx: Ctx, prefix: string): Promise<string> {
  const [row] = await query<{ v: number | string }>(ctx.tx, sql`SELECT nextval('programme_gln_location_seq') AS v`);
  const ref = Number(row.v);
  if (ref >= referenceCapacity(prefix)) throw new AppError('conflict', 'gln_prefix_exhausted', { vi: 'Tiền tố GS1 của Chương trình đã hết mã địa điểm', en: 'The programme\'s GS1 prefix has no location numbers left' });
  return glnUnderPrefix(prefix, ref);
}

export async function createLocation(ctx: Ctx, input: z.infer<typeof createLocationBody>, opts: { gs1Prefix: string }) {
  const owner = await getEntityScope(ctx.tx, input.entityId);
  if (!owner || !canReadTrace(ctx.actor, owner)) throw notFound('entity', 'chủ thể');
  if (!canManageTrace(ctx.actor, owner)) throw forbidden();
  const commune = input.communeCode ? await getCommune(ctx.tx, input.communeCode) : undefined;
  if (input.communeCode && !commune) throw invalidField('communeCode', 'unknown_commune', { vi: `Mã xã ${input.communeCode} không có trong danh mục hiện hành`, en: `Commune code ${input.communeCode} is not in force` });
  const gln = input.gln ? ownGln(input.gln) : await nextProgrammeGln(ctx, opts.gs1Prefix);
  const [row] = await ctx.tx.insert(traceLocation).values({
    entityId: owner.id, gln, kind: input.kind, name: input.name, communeCode: commune?.code ?? null, provinceCode: commune?.provinceCode ?? null,
    address: input.address ?? null, latitude: input.latitude ?? null, longitude: input.longitude ?? null, description: input.description ?? null,
    createdAt: ctx.now, updatedAt: ctx.now,
  }).returning().catch((err) => {
    throw isUniqueViolation(err, 'trace_location_gln_key')
      ? new AppError('conflict', 'duplicate_gln', { vi: 'Mã GLN này đã được dùng cho địa điểm khác', en: 'Another location already has this GLN' }, { field: 'gln' })
      : err;
  });
  await recordAudit(ctx, { action: 'trace_location.create', recordType: 'trace_location', recordId: row.id, provinceCode: owner.provinceCode, communeCode: owner.communeCode, after: row });
  return row;
}
