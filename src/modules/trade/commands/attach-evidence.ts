import { eq } from 'drizzle-orm';
import type { Ctx } from '../../../app/actor.js';
import { recordAudit } from '../../../app/audit.js';
import { ALLOWED_TYPES, type FileStore } from '../../../app/files.js';
import type { Upload } from '../../../app/uploads.js';
import { storeFile } from '../../registry/index.js';
import { snapshot } from '../channels.present.js';
import { statusAfterEdit } from '../channels.rules.js';
import { salesChannel } from '../trade.tables.js';
import { lockedChannel } from './_channel.js';

/** The contract or other proof of the channel (PDF or a photo), checked by its bytes; a new file is new substance:
 * a verified channel goes back to the queue. */
export async function attachEvidence(ctx: Ctx, files: FileStore, id: string, upload: Upload, version?: number) {
  const before = await lockedChannel(ctx, id, version);
  const file = await storeFile(ctx, files, upload, ALLOWED_TYPES.document);
  const status = statusAfterEdit(before, { evidenceFileId: file.id });
  const reset = status !== before.status ? { statusReason: null, verifiedBy: null, verifiedAt: null } : {};
  const [after] = await ctx.tx.update(salesChannel).set({ evidenceFileId: file.id, status, ...reset, updatedAt: ctx.now, version: before.version + 1 }).where(eq(salesChannel.id, id)).returning();
  await recordAudit(ctx, { action: 'channel.evidence', recordType: 'sales_channel', recordId: id, provinceCode: after.provinceCode, communeCode: after.communeCode, before: snapshot(before), after: { ...snapshot(after), file: { name: file.originalName, sha256: file.sha256 } } });
  return after;
}
