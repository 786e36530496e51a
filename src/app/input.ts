// Checks every request's values for what no schema expresses but PostgreSQL refuses: the NUL character (U+0000)
// cannot be stored in a text column, so it is refused up front with its field path instead of failing the query.
import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

function nulPath(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulPath(v, [...path, k]);
      if (found) return found;
    }
  }
  return undefined;
}

export function rejectNulCharacters(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const found = nulPath(req.params, ['params']) ?? nulPath(req.query, ['querystring']) ?? nulPath(req.body, []);
    if (found) {
      throw invalidField(found.join('.') || 'body', 'nul_character', { vi: 'Dữ liệu chứa ký tự rỗng (NUL) không hợp lệ', en: 'The value contains a NUL character' });
    }
  });
}
