// A report sent as multipart/form-data (the product page's form without JavaScript, or an app with photos): its text
// fields and up to N photos, read whole before the handler runs so the route's schema validates the fields as it
// does a JSON body. Size and count limits are the data's (data/supervision/reports.json), within the server's.
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../app/errors.js';
import type { Upload } from '../../app/uploads.js';
import { REPORT_DATA } from './reports.rules.js';

declare module 'fastify' {
  interface FastifyRequest { reportPhotos?: Upload[] }
}

const malformed = () => new AppError('invalid', 'malformed_multipart', { vi: 'Dữ liệu multipart/form-data bị hỏng hoặc không trọn vẹn', en: 'The multipart/form-data body is malformed or incomplete' }, { field: 'body' });
export const tooManyPhotos = () => new AppError('invalid', 'too_many_photos', { vi: `Gửi tối đa ${REPORT_DATA.attachments.maxFiles} ảnh`, en: `Send at most ${REPORT_DATA.attachments.maxFiles} photos` }, { field: 'photos' });

/** Fields (empty ones left out, a field sent twice refused) and the photos (an untouched file input is skipped). */
export async function readReportForm(req: FastifyRequest, maxUploadBytes: number): Promise<{ fields: Record<string, string>; photos: Upload[] }> {
  const fields: Record<string, string> = {};
  const photos: Upload[] = [];
  let duplicate: string | undefined;
  try {
    for await (const part of req.parts({ limits: { files: REPORT_DATA.attachments.maxFiles, fileSize: Math.min(maxUploadBytes, REPORT_DATA.attachments.maxBytes), fields: 12, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        const bytes = await part.toBuffer();
        if (bytes.length) photos.push({ bytes, filename: part.filename || 'anh.jpg' });
      } else if (part.fieldname in fields) duplicate ??= part.fieldname;
      else if (typeof part.value === 'string' && part.value !== '') fields[part.fieldname] = part.value;
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_FILES_LIMIT') throw tooManyPhotos();
    if (err instanceof AppError || code?.startsWith('FST_')) throw err;
    throw malformed();
  }
  if (duplicate) throw new AppError('invalid', 'duplicate_field', { vi: `Trường "${duplicate}" được gửi nhiều lần`, en: `The field "${duplicate}" was sent more than once` }, { field: duplicate });
  return { fields, photos };
}
