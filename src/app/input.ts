// Checks every request's values for what no schema expresses but PostgreSQL refuses: the NUL character (U+0000)
// cannot be stored in a text column, so it is refused up front with its field path instead of failing the query.
import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

/** The path of the first string holding a NUL, walked with an explicit stack: a deeply nested value must not
 * overflow the call stack (the JSON parser bounds the depth too, but query strings and multipart fields reach here). */
function nulPath(root: unknown, rootPath: string[]): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value: root, path: rootPath }];
  while (stack.length) {
    const { value, path } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) return path;
    } else if (value && typeof value === 'object') {
      // Pushed in reverse so the first field is looked at first, as the recursive walk did.
      const entries = Object.entries(value);
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i][1], path: [...path, entries[i][0]] });
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
