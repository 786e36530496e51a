// The JSON body parser: Fastify's own (which refuses __proto__ and constructor.prototype keys), preceded by a scan
// that refuses a body nested deeper than any request of this API needs. Ten thousand nested brackets parse fine in
// JSON.parse, but every recursive walk after it (validation, the NUL check, logging) can overflow the stack, and each
// such body costs server time before any rate limit; the scan is iterative and stops at the first bracket too many.
import type { FastifyInstance } from 'fastify';
import { invalidField } from './errors.js';

/** The deepest body of the API (an evidence list inside a criterion inside a score sheet) is under 8 levels. */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b, OPEN_ARRAY = 0x5b, CLOSE_OBJECT = 0x7d, CLOSE_ARRAY = 0x5d, QUOTE = 0x22, BACKSLASH = 0x5c;

/** True when the JSON text opens more than `limit` arrays or objects inside one another. Brackets inside strings do
 * not count. The text is not validated here: JSON.parse does that afterwards. */
export function nestedDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // A string ends at the next quote preceded by an even number of backslashes (none escaping it): found with
      // indexOf, since strings are most of a large body's text.
      let end = text.indexOf('"', i + 1);
      while (end !== -1) {
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
        end = text.indexOf('"', end + 1);
      }
      if (end === -1) return false; // an unterminated string: JSON.parse refuses it
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > limit) return true;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return false;
}

export const jsonTooDeep = (limit = MAX_JSON_DEPTH) => invalidField('body', 'json_too_deep', {
  vi: `Dữ liệu JSON lồng nhau quá sâu (tối đa ${limit} cấp)`,
  en: `The JSON body is nested too deeply (at most ${limit} levels)`,
});

export function registerJsonParser(app: FastifyInstance, maxDepth = MAX_JSON_DEPTH) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    const text = body as string;
    if (nestedDeeperThan(text, maxDepth)) {
      done(jsonTooDeep(maxDepth), undefined);
      return;
    }
    parse(req, text, done);
  });
}
