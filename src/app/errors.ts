// One error type, one mapping to RFC 9457 problem details with a stable code, the field path and a message in
// Vietnamese and English. Clients' mistakes never become a 500.
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { sqlState } from './db.js';

// 'unprocessable' (422): the request is well formed but its content breaks a business rule about what it refers to.
export type ErrorKind = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'too_large' | 'unsupported' | 'unprocessable' | 'rate_limited';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400, unauthenticated: 401, forbidden: 403, not_found: 404, conflict: 409, too_large: 413, unsupported: 415, unprocessable: 422, rate_limited: 429,
};

export type Message = { vi: string; en: string };
export type FieldError = { path: string; code: string; message: Message };

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    readonly text: Message,
    readonly extra: { field?: string; errors?: FieldError[]; [k: string]: unknown } = {},
  ) {
    super(text.en);
  }
}

export const notFound = (what: string, vi: string) => new AppError('not_found', `${what}_not_found`, { vi: `Không tìm thấy ${vi}`, en: `${what.replace(/_/g, ' ')} not found` });
export const forbidden = (code = 'forbidden') => new AppError('forbidden', code, { vi: 'Bạn không có quyền thực hiện thao tác này', en: 'You are not allowed to do this' });
export const invalidField = (field: string, code: string, text: Message) =>
  new AppError('invalid', code, text, { field, errors: [{ path: field, code, message: text }] });
export const staleVersion = (current: number) =>
  new AppError('conflict', 'stale_version', { vi: 'Bản ghi đã được người khác sửa; hãy tải lại và thử lại', en: 'The record was changed by someone else; reload and try again' }, { currentVersion: current });

type Issue = { path: PropertyKey[]; code: string; message: string; expected?: string; maximum?: unknown; minimum?: unknown; keys?: string[] };

/** Vietnamese wording for zod's issue codes; the English is zod's own message. */
function issueVi(i: Issue): string {
  switch (i.code) {
    case 'invalid_type': return i.expected === 'undefined' || i.message.includes('received undefined') ? 'Trường này là bắt buộc' : `Sai kiểu dữ liệu (cần ${i.expected})`;
    case 'too_big': return `Giá trị quá lớn hoặc quá dài (tối đa ${String(i.maximum)})`;
    case 'too_small': return `Giá trị quá nhỏ hoặc quá ngắn (tối thiểu ${String(i.minimum)})`;
    case 'unrecognized_keys': return `Trường không được phép: ${(i.keys ?? []).join(', ')}`;
    case 'invalid_format': return 'Sai định dạng';
    case 'invalid_value': return 'Giá trị không nằm trong danh sách cho phép';
    default: return 'Giá trị không hợp lệ';
  }
}

function fieldErrors(issues: Issue[], prefix = ''): FieldError[] {
  return issues.map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const keyPath = i.code === 'unrecognized_keys' && i.keys?.length ? [path, i.keys[0]].filter(Boolean).join('.') : path;
    return { path: keyPath || 'body', code: i.code, message: { vi: issueVi(i), en: i.message } }; // the whole body is wrong (not an object)
  });
}

export function problemBody(err: AppError, instance: string) {
  return {
    type: `urn:ocop:problem:${err.code}`,
    title: err.text.en,
    status: STATUS[err.kind],
    code: err.code,
    detail: err.text.vi,
    message: err.text,
    instance,
    ...err.extra,
  };
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError & { validation?: unknown }, request, reply) => {
    let appErr: AppError;
    if (error instanceof AppError) {
      appErr = error;
    } else if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'body';
      const issues = error.validation.map((v) => ({
        ...(v.params as object), code: v.keyword, message: v.message ?? '', path: v.instancePath.split('/').filter(Boolean),
      }) as Issue);
      const errors = fieldErrors(issues, where === 'body' ? '' : where);
      appErr = new AppError('invalid', 'validation_failed', { vi: 'Dữ liệu gửi lên không hợp lệ', en: 'The request is not valid' }, { field: errors[0]?.path, errors });
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_FILES_LIMIT' || error.code === 'FST_PARTS_LIMIT') {
      appErr = new AppError('too_large', 'payload_too_large', { vi: 'Dữ liệu gửi lên quá lớn', en: 'The payload is too large' });
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || error.code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') {
      appErr = new AppError('unsupported', 'unsupported_media_type', { vi: 'Kiểu nội dung không được hỗ trợ', en: 'Unsupported content type' });
    } else if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      appErr = new AppError('invalid', 'malformed_json', { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The body is not valid JSON' }, { field: 'body' });
    } else if (sqlState(error)?.code === '23505') {
      // Two writers raced past a command's own check; the command maps the constraints it knows to precise codes.
      appErr = new AppError('conflict', 'already_exists', { vi: 'Bản ghi trùng với một bản ghi đã có', en: 'This duplicates an existing record' });
    } else if (sqlState(error)?.code.startsWith('22')) {
      // A data exception (a NUL character, a date or number PostgreSQL cannot store) comes from the request's values.
      appErr = new AppError('invalid', 'invalid_value', { vi: 'Có giá trị không lưu được (ký tự hoặc ngày tháng không hợp lệ)', en: 'A value cannot be stored (invalid character, date or number)' });
    } else if (error.statusCode === 429) {
      appErr = new AppError('rate_limited', 'rate_limited', { vi: 'Quá nhiều yêu cầu; hãy thử lại sau', en: 'Too many requests; try again later' });
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500 && !isResponseSerializationError(error)) {
      appErr = new AppError('invalid', 'bad_request', { vi: 'Yêu cầu không hợp lệ', en: error.message || 'Bad request' });
    } else {
      request.log.error({ err: error }, 'unhandled error');
      return reply.status(500).type('application/problem+json').send({
        type: 'urn:ocop:problem:internal', title: 'Internal error', status: 500, code: 'internal',
        message: { vi: 'Lỗi hệ thống; vui lòng thử lại sau', en: 'Internal error; please try again later' }, instance: request.url, requestId: request.id,
      });
    }
    if (appErr.kind === 'rate_limited' && typeof appErr.extra.retryAfter === 'number') reply.header('retry-after', String(appErr.extra.retryAfter));
    return reply.status(STATUS[appErr.kind]).type('application/problem+json').send(problemBody(appErr, request.url));
  });
  app.setNotFoundHandler((request, reply) => {
    const err = new AppError('not_found', 'route_not_found', { vi: 'Không tìm thấy địa chỉ này', en: 'No such route' });
    reply.status(404).type('application/problem+json').send(problemBody(err, request.url));
  });
}
