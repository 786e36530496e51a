// Checks every request's values for what no schema expresses but PostgreSQL refuses: the NUL character (U+0000)
// cannot be stored in a text column, so it is refused up front with its field path instead of failing the query.
import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

/** The path of the first string holding a NUL, walked with an explicit stack: a deeply nested value must not
 * overflow the call stack (the JSON parser bounds the depth too, but query strings and multipart fields reach here).
 * Each value visited is remembered by its parent and key only, and a path is spelled only for the string found (a
 * large body, such as a 1,000-event EPCIS document, is tens of thousands of values). */
function nulPath(root: unknown, rootPath: string[]): string[] | undefined {
  const parents: number[] = [-1];
  const keys: string[] = [''];
  const stack: unknown[] = [root];
  const nodes: number[] = [0];
  while (stack.length) {
    const value = stack.pop();
    const node = nodes.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        const path: string[] = [];
        for (let n = node; n > 0; n = parents[n]) path.push(keys[n]);
        return [...rootPath, ...path.reverse()];
      }
    } else if (value && typeof value === 'object') {
      // Pushed in reverse so the first field is looked at first, as the recursive walk did.
      const fields = Object.keys(value);
      for (let i = fields.length - 1; i >= 0; i--) {
        stack.push((value as Record<string, unknown>)[fields[i]]);
        nodes.push(parents.length);
        parents.push(node);
        keys.push(fields[i]);
      }
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
