// The GS1 Digital Link resolver at the site's root (GS1-Conformant Resolver Standard 1.x): GET, HEAD and OPTIONS on
// /01/{gtin}[/10/{lot}[/21/{serial}]] and /414/{gln}[/254/{ext}], with CORS, and the description file
// /.well-known/gs1resolver. A browser is sent (307) to the identifier's default link, the public trace page; a
// linkset (RFC 9264) is answered without a redirect. An identifier's answer is one indexed query, then kept in the
// process until a write could change it (resolver.cache.ts: exact, not time-based); no rendering. The answers carry
// cache headers (and the linkset an ETag) so a CDN can serve them.
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, notFound } from '../../app/errors.js';
import type { ModuleDeps } from '../../app/plugin.js';
import { translator } from '../../app/html/site-i18n.js';
import { digitalLinkPath, Gs1Error, parseDigitalLinkPath, type Gs1Key } from './gs1.rules.js';
import { openResolverCache } from './resolver.cache.js';
import { resolveGln, resolveGtin } from './resolver.repo.js';
import { anchorsOf, decide, defaultGlnLinks, defaultGtinLinks, LINK_TYPES, linkset, LINKSET_TYPE, mergeLinks, withQuery, type Link, type LinkTitle } from './resolver.rules.js';

// The link titles are read from i18n once: an i18next call per link per request cost more than the whole query.
// A title's one parameter (the certificate number) is put in its place by a plain replace.
const HOLE = '\u0000';
const templates = new Map<string, string>();
for (const lang of ['vi', 'en'] as const) {
  const t = translator(lang);
  for (const name of ['pip', 'defaultLink', 'certificationInfo', 'traceability', 'hasRetailers', 'locationInfo'] as const) {
    templates.set(`${lang} ${name}`, t(`trace.link.${name}`, { number: HOLE }));
  }
}
export const linkTitle: LinkTitle = (lang, name, params) => templates.get(`${lang} ${name}`)!.replace(HOLE, params?.number ?? '');

const PROBLEM_TEXT: Record<Gs1Error['problem'], { vi: string; en: string }> = {
  malformed: { vi: 'Đường dẫn GS1 Digital Link không đúng cú pháp', en: 'The GS1 Digital Link path is malformed' },
  bad_check_digit: { vi: 'Số kiểm tra của mã GS1 không đúng', en: 'The GS1 key\'s check digit is wrong' },
  unknown_ai: { vi: 'Mã định danh ứng dụng (AI) không được hỗ trợ', en: 'Unknown or unsupported GS1 application identifier' },
  qualifier_order: { vi: 'Các thành phần định danh (lô, sê-ri) sai thứ tự', en: 'The key qualifiers are out of order' },
  bad_value: { vi: 'Giá trị của thành phần định danh chứa ký tự không cho phép', en: 'A qualifier value has characters GS1 does not allow' },
};

/** The key of a resolver path, or a 400 problem naming what is wrong (never a 200 error page). */
export function keyOfPath(path: string): Gs1Key {
  try {
    return parseDigitalLinkPath(path);
  } catch (err) {
    if (!(err instanceof Gs1Error)) throw err;
    throw new AppError('invalid', `gs1_${err.problem}`, PROBLEM_TEXT[err.problem], { detailEn: err.message });
  }
}

const CACHE = 'public, max-age=300, stale-while-revalidate=60';

function cors(reply: FastifyReply) {
  reply.header('access-control-allow-origin', '*')
    .header('access-control-expose-headers', 'Link, Location, ETag, Content-Type')
    .header('vary', 'Accept, Accept-Language');
}

export const resolverRoutes: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;
  const base = config.publicUrl.replace(/\/+$/, '');

  /** What the resolver answers for an identifier, whatever the request asks: its links, the linkset (with its ETag)
   * and the Link header; or that the public may not see it (404). */
  type Answer = { found: false } | { found: true; links: Link[]; linkHeader: string; linkset: string; etag: string };

  async function answerFor(key: Gs1Key): Promise<Answer> {
    const anchors = anchorsOf(key);
    let links; let description: string;
    if (key.kind === 'gtin') {
      const r = await resolveGtin(db, key.gtin, key.lot, anchors);
      if (!r || !r.published || (key.lot !== undefined && !r.lotId)) return { found: false };
      links = mergeLinks(key, r.links, defaultGtinLinks(base, key, r, linkTitle));
      description = r.name;
    } else {
      const r = await resolveGln(db, key.gln, anchors);
      if (!r || !r.published) return { found: false };
      links = mergeLinks(key, r.links, defaultGlnLinks(base, key, r, linkTitle));
      description = r.name;
    }
    const anchor = base + digitalLinkPath(key);
    const body = JSON.stringify(linkset(anchor, links, description));
    return {
      found: true, links, linkset: body, etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`,
      linkHeader: `<${anchor}?linkType=linkset>; rel="linkset"; type="${LINKSET_TYPE}"`,
    };
  }

  // The answers kept in the process, exactly (resolver.cache.ts): cleared by every write that could change one.
  const { cache, close } = await openResolverCache<Answer>(database);
  const pending = new Map<string, Promise<Answer>>();
  app.addHook('onClose', close);

  const resolve = async (req: FastifyRequest, reply: FastifyReply) => {
    cors(reply);
    const [path, search = ''] = req.url.split(/\?(.*)/s, 2);
    const key = keyOfPath(path);
    const id = digitalLinkPath(key);
    let a = cache.get(id);
    if (a) reply.header('x-cache', 'hit');
    else {
      // Requests for one identifier while its answer is being read share that read (a scan storm on one product is
      // one query) — only within one epoch: a request after a write's clear never joins a read begun before it.
      const epoch = cache.begin();
      const k = `${epoch} ${id}`;
      let reading = pending.get(k);
      if (!reading) {
        reading = answerFor(key).then((x) => { cache.set(id, x, epoch); return x; }).finally(() => pending.delete(k));
        pending.set(k, reading);
      }
      a = await reading;
    }
    if (!a.found) throw notFound('identifier', 'mã định danh này');
    reply.header('link', a.linkHeader).header('cache-control', CACHE);
    const query = new URLSearchParams(search);
    const d = decide(a.links, { linkType: query.get('linkType') ?? undefined, accept: req.headers.accept, acceptLanguage: req.headers['accept-language'] });
    if (d.kind === 'redirect') return reply.code(307).header('location', withQuery(d.link.href, query)).send();
    reply.header('etag', a.etag);
    if (req.headers['if-none-match'] === a.etag) return reply.code(304).send();
    return reply.type(LINKSET_TYPE).send(a.linkset);
  };

  const preflight = async (_req: FastifyRequest, reply: FastifyReply) => {
    cors(reply);
    return reply.code(204).header('allow', 'GET, HEAD, OPTIONS').header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept, Accept-Language, If-None-Match').header('access-control-max-age', '86400').send();
  };

  for (const ai of ['01', '414']) {
    app.get(`/${ai}/*`, { schema: { hide: true }, config: { access: 'public' } }, resolve);
    app.options(`/${ai}/*`, { schema: { hide: true }, config: { access: 'public' } }, preflight);
  }

  // The resolver's description (GS1-Conformant Resolver Standard §4): what it resolves and with which link types.
  const description = JSON.stringify({
    name: 'OCOP Việt Nam — GS1 Digital Link resolver',
    resolverRoot: base,
    supportedPrimaryKeys: ['01', '414'],
    supportedKeyQualifiers: { '01': ['10', '21'], '414': ['254'] },
    linkTypeDefaultCanBeLinkset: false,
    supportedLinkType: LINK_TYPES.map((t) => ({ namespace: 'https://gs1.org/voc/', prefix: 'gs1:', linkType: t })),
    supportedContextValuesEnumerated: [],
    validatesAIcombination: true,
    linksetMediaType: LINKSET_TYPE,
    defaultLinkLanguages: ['vi', 'en'],
    linkEditing: `${base}/api/v1/trace/links`,
    contact: `${base}/`,
  });
  app.get('/.well-known/gs1resolver', { schema: { hide: true }, config: { access: 'public' } }, async (_req, reply) => {
    cors(reply);
    return reply.type('application/json').header('cache-control', 'public, max-age=3600').send(description);
  });
};
