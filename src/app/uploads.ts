// Reading an upload: the one file of a multipart/form-data request and its text fields, wherever the client put
// them. Stopping at the file would silently drop the fields sent after it (a criterion code, a document's kind), so
// the whole body is read. The size limit is the parser's (413 beyond it); the content check is the file store's.
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.js';

export type Upload = { bytes: Buffer; filename: string };

const fileRequired = () => new AppError('invalid', 'file_required', { vi: 'Cần chọn một tệp', en: 'A file is required' }, { field: 'file' });
const tooManyFiles = () => new AppError('invalid', 'too_many_files', { vi: 'Chỉ gửi một tệp mỗi lần', en: 'Send one file at a time' }, { field: 'file' });
/** Busboy's errors (no boundary, a body cut short, a broken part header) are plain Errors: the client's mistake. */
const malformedMultipart = () => new AppError('invalid', 'malformed_multipart', {
  vi: 'Dữ liệu multipart/form-data bị hỏng hoặc không trọn vẹn (thiếu ranh giới hoặc bị cắt ngang)',
  en: 'The multipart/form-data body is malformed or incomplete (no boundary, or cut short)',
}, { field: 'body' });
const duplicateField = (name: string) => new AppError('invalid', 'duplicate_field', { vi: `Trường "${name}" được gửi nhiều lần`, en: `The field "${name}" was sent more than once` }, { field: name });

/** The single file and the text fields (empty ones left out, as a form sends an untouched optional input). A second
 * file or a field sent twice is refused: which one was meant cannot be guessed. */
export async function readSingleUpload(req: FastifyRequest): Promise<{ upload: Upload; fields: Record<string, string> }> {
  if (!req.isMultipart()) throw new AppError('unsupported', 'multipart_required', { vi: 'Cần gửi dạng multipart/form-data', en: 'Send multipart/form-data' });
  let upload: Upload | undefined;
  const values = new Map<string, unknown>();
  let duplicate: string | undefined; // refused once the body is read: stopping early would leave a file part unread
  try {
    // One file allowed: the parser reports a second one as the files limit, and skips its bytes.
    for await (const part of req.parts({ limits: { files: 1 } })) {
      if (part.type === 'file') upload = { bytes: await part.toBuffer(), filename: part.filename || 'file' };
      else if (values.has(part.fieldname)) duplicate ??= part.fieldname;
      else values.set(part.fieldname, part.value);
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooManyFiles();
    // Fastify's own errors (the size limits: 413) keep their mapping; anything else the parser threw is the body's fault.
    if (err instanceof AppError || code?.startsWith('FST_')) throw err;
    throw malformedMultipart();
  }
  if (duplicate) throw duplicateField(duplicate);
  if (!upload?.bytes.length) throw fileRequired();
  const fields: Record<string, string> = {};
  for (const [name, value] of values) if (typeof value === 'string' && value !== '') fields[name] = value;
  return { upload, fields };
}
