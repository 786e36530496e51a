// Server-rendered pages remembered by what they are made of. A page is a function of the database's committed data,
// today's date in Vietnam (certificates lapse and sales channels start and end by the day), the language and whether
// the visitor is signed in, nothing else. The memo keeps, for each page and kind of visitor, the rendered HTML, its
// ETag and its Brotli and gzip bytes, tagged with the database state they were read in (Database.state(): the
// snapshot, which moves at every commit of a writing transaction, by any process or tool) and the date.
//
// A request reads the state (one trivial statement, shared by the requests that arrive together). Same state, same date: nothing committed since, so the page's
// data is what it was, and the bytes are sent as they are (or a 304). Otherwise the page's data is read again; only
// when that data differs from what was rendered (the JSON of the view model, hashed) is the page rendered and
// compressed again. So every answer is exactly what rendering afresh would give at that moment: a write committed
// before the request began is always seen (a revoked certificate shows at the next load), whoever made it. This is
// not the micro-cache (micro-cache.ts), which serves a copy for some seconds whatever happened since; the routes that
// use the memo leave it.
import { createHash } from 'node:crypto';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db.js';
import { htmlEtag, sendHtml } from './page.js';

/** What a page's loader read: the page (its view model, the data it shows, and how to render it) or a 404 page. */
export type Loaded = { view: unknown; render: () => string } | { notFound: string };

type Entry = { state: string; digest: string; html: string; etag: string; br?: Promise<Buffer>; gzip?: Promise<Buffer> };

const ENCODINGS = ['br', 'gzip'];
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);
// Compressed once per rendering, not once per response, at a Brotli quality of 5 (a product page: 2.7 KB instead of
// 2.8 KB at @fastify/compress's 4, in the same 0.4 ms); quality 9 and above cost 10 ms or more.
const BROTLI = { params: { [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT, [constants.BROTLI_PARAM_QUALITY]: 5 } };

/** The calendar day in Vietnam (UTC+7), as the rules that date certificates and channels count it. */
const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The encoding @fastify/compress would choose for this request: br, gzip, or none (its rules: `*` and x-gzip read as gzip). */
function encodingOf(req: FastifyRequest): 'br' | 'gzip' | undefined {
  const header = req.headers['accept-encoding'];
  if (!header || req.headers['x-no-compression'] !== undefined) return undefined;
  const chosen = negotiate(header.toLowerCase().replace(/\*|x-gzip/g, 'gzip'), ENCODINGS);
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined;
}

/**
 * Reads the database state for many requests at once, and for each one a reading sent after it arrived, so that it
 * sees every commit made before it began: while one reading is out, the requests that arrive wait for the next
 * one, sent as soon as the first returns and shared by all of them. Under load, one statement answers many requests.
 */
export function batchedState(read: () => Promise<string>): () => Promise<string> {
  let out: Promise<string> | undefined; // sent, not yet answered: too early for a request arriving now
  let next: Promise<string> | undefined; // the reading the waiting requests share, sent when `out` returns
  const send = () => {
    const reading = read();
    out = reading;
    const done = () => { if (out === reading) out = undefined; };
    reading.then(done, done);
    return reading;
  };
  return () => {
    if (!out) return send();
    next ??= out.then(() => undefined, () => undefined).then(() => { next = undefined; return send(); });
    return next;
  };
}

export type PageMemo = {
  /**
   * Sends the page `key` names (the page and the visitor's kind: language, signed in or not). `load` reads the page's
   * data afresh, when the database has changed since the copy held was made (or none is held).
   */
  send(req: FastifyRequest, reply: FastifyReply, key: string, load: () => Promise<Loaded>): Promise<FastifyReply>;
};

export function pageMemo(database: Database, maxEntries = 500): PageMemo {
  const entries = new Map<string, Entry>(); // oldest first: the least recently rendered is dropped first
  const pending = new Map<string, Promise<Entry | { notFound: string }>>(); // one reading per page and state at a time
  const stateNow = batchedState(() => database.state());

  async function refresh(key: string, state: string, held: Entry | undefined, load: () => Promise<Loaded>): Promise<Entry | { notFound: string }> {
    const loaded = await load();
    if ('notFound' in loaded) {
      entries.delete(key);
      return loaded;
    }
    const digest = createHash('sha1').update(JSON.stringify(loaded.view)).digest('base64url');
    let entry: Entry;
    if (held && held.digest === digest) {
      entry = { ...held, state }; // the data is what it was: the same bytes, now known to be current
    } else {
      const html = loaded.render();
      entry = { state, digest, html, etag: htmlEtag(html) };
    }
    // A reading that began in an older state than the copy now held does not replace it.
    const now = entries.get(key);
    if (!now || now === held) {
      entries.delete(key);
      entries.set(key, entry);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    }
    return entry;
  }

  return {
    async send(req, reply, key, load) {
      const state = `${await stateNow()} ${vnToday()}`;
      const held = entries.get(key);
      let entry: Entry | { notFound: string } | undefined = held?.state === state ? held : undefined;
      if (!entry) {
        const id = `${key}\n${state}`;
        let reading = pending.get(id);
        if (!reading) {
          reading = refresh(key, state, held, load).finally(() => pending.delete(id));
          pending.set(id, reading);
        }
        entry = await reading;
      }
      if ('notFound' in entry) return sendHtml(req, reply, entry.notFound, 404);
      return sendEntry(req, reply, entry);
    },
  };
}

/** The entry's bytes in `encoding`, made once; a failure is not remembered. */
function compressed(entry: Entry, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const made = encoding === 'br' ? brotli(entry.html, BROTLI) : gzipped(entry.html);
  made.catch(() => { entry[encoding] = undefined; });
  return made;
}

/** The page from its entry: 304 for a revisit holding it, else its bytes in the encoding the visitor takes. */
async function sendEntry(req: FastifyRequest, reply: FastifyReply, entry: Entry) {
  reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').header('vary', 'Cookie, Accept-Encoding').header('etag', entry.etag);
  if (req.headers['if-none-match'] === entry.etag) return reply.code(304).send();
  const encoding = encodingOf(req);
  if (!encoding) return reply.send(entry.html);
  const bytes = encoding === 'br' ? (entry.br ??= compressed(entry, 'br')) : (entry.gzip ??= compressed(entry, 'gzip'));
  // Sent as they are: @fastify/compress leaves a body that already has its content-encoding alone.
  return reply.header('content-encoding', encoding).send(await bytes);
}
