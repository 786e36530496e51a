// The EPCIS 2.0 REST binding (JSON / JSON-LD) at the standard's paths under /epcis: capture, capture jobs, the
// event query and its resource views, genealogy and the hash-chain check. Errors are problem+json whose `type` is
// the standard's exception (epcisException:ValidationException, …), with our code and vi/en message beside it.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actingUser } from '../../app/access.js';
import { inTransaction } from '../../app/command.js';
import { AppError, forbidden, type ErrorKind } from '../../app/errors.js';
import { jsonTooDeep, MAX_JSON_DEPTH, nestedDeeperThan } from '../../app/json-body.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { captureDocument } from './commands/capture-document.js';
import { genealogy } from './epcis.genealogy.js';
import { readScope } from './epcis.policy.js';
import { findEvents, findEventTexts, parseEventQuery, queryDocument, queryDocumentText, queryParameterError } from './epcis.query.js';
import { getCapture } from './epcis.repo.js';
import { EPCIS_EXCEPTION, indexKey } from './epcis.rules.js';
import { verifyChain } from './epcis.verify.js';

const EXCEPTION_BY_KIND: Partial<Record<ErrorKind, string>> = {
  invalid: EPCIS_EXCEPTION.validation, unprocessable: EPCIS_EXCEPTION.validation, unauthenticated: EPCIS_EXCEPTION.security, forbidden: EPCIS_EXCEPTION.security,
  not_found: EPCIS_EXCEPTION.noSuchResource, too_large: EPCIS_EXCEPTION.captureLimit, unsupported: EPCIS_EXCEPTION.unsupportedMediaType,
};

/** Fastify's own body errors, in the standard's terms (then the server's one error handler writes the problem). */
function epcisError(err: FastifyError): AppError | FastifyError {
  if (err instanceof AppError) {
    if (!err.extra.type && EXCEPTION_BY_KIND[err.kind]) return new AppError(err.kind, err.code, err.text, { ...err.extra, type: EXCEPTION_BY_KIND[err.kind] });
    return err;
  }
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('too_large', 'epcis_document_too_large', { vi: 'Tài liệu EPCIS vượt quá dung lượng cho phép', en: 'The EPCIS document exceeds the capture file size limit' }, { type: EPCIS_EXCEPTION.captureLimit });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('unsupported', 'unsupported_media_type', { vi: 'Chỉ nhận application/json hoặc application/ld+json', en: 'Send application/json or application/ld+json' }, { type: EPCIS_EXCEPTION.unsupportedMediaType });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError('invalid', 'malformed_json', { vi: 'Nội dung gửi lên không phải JSON hợp lệ', en: 'The body is not valid JSON' }, { type: EPCIS_EXCEPTION.validation, field: 'body' });
    default:
      return err;
  }
}

/** PostgreSQL's deadlock_detected, as the driver reports it (drizzle keeps the driver's error as its cause). */
const isDeadlock = (err: unknown): boolean => {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 3; e = e.cause as typeof e, depth++) if (e.code === '40P01') return true;
  return false;
};

const captureParams = z.object({ captureID: z.string().max(100) });
const captureJob = z.object({
  captureID: z.string(), createdAt: z.string(), finishedAt: z.string().nullable(), running: z.boolean(), success: z.boolean().nullable(),
  captureErrorBehaviour: z.enum(['rollback', 'proceed']), errors: z.array(z.looseObject({ path: z.string(), code: z.string() })), eventCount: z.number(),
  chainSeq: z.number().nullable(), hash: z.string().nullable(),
});
const queryDoc = z.looseObject({ type: z.literal('EPCISQueryDocument'), epcisBody: z.looseObject({}) });
const rawQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** JSON-LD for those who ask for it; JSON (the same text) otherwise. */
const mediaType = (req: FastifyRequest) => (/application\/ld\+json/.test(req.headers.accept ?? '') ? 'application/ld+json' : 'application/json');

export const epcisRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const limits = config.epcisCaptureLimits;

  app.setErrorHandler((err: FastifyError) => { throw epcisError(err); });
  // JSON-LD is JSON: the same parser, the same guard against deep nesting.
  const parse = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/ld+json', { parseAs: 'string' }, (req, body, done) => {
    if (nestedDeeperThan(body as string, MAX_JSON_DEPTH)) { done(jsonTooDeep(), undefined); return; }
    parse(req, body as string, done);
  });
  app.addHook('onSend', async (_req, reply) => { reply.header('gs1-epcis-version', '2.0.0'); reply.header('gs1-cbv-version', '2.0.0'); });

  // ── Capture ──
  r.options('/epcis/capture', { config: { access: 'public' }, schema: { tags: ['epcis'], summary: 'Capture limits (GS1-EPCIS-Capture-Limit, GS1-EPCIS-Capture-File-Size-Limit)' } }, async (_req, reply) => {
    reply.header('allow', 'OPTIONS, GET, POST').header('gs1-epcis-capture-limit', String(limits.maxEvents)).header('gs1-epcis-capture-file-size-limit', String(limits.maxBytes));
    return reply.status(204).send();
  });

  r.post('/epcis/capture', {
    bodyLimit: limits.maxBytes,
    config: { access: ['entity', 'central'] },
    schema: { tags: ['epcis'], summary: 'Capture an EPCISDocument (application/json or application/ld+json); 202 and Location: /epcis/capture/{captureID}', headers: z.looseObject({ 'gs1-capture-error-behaviour': z.string().optional() }) },
  }, async (req, reply) => {
    actingUser(req);
    const behaviour = (req.headers['gs1-capture-error-behaviour'] as string | undefined)?.toLowerCase() ?? 'rollback';
    if (behaviour !== 'rollback' && behaviour !== 'proceed') {
      throw new AppError('invalid', 'epcis_error_behaviour', { vi: 'GS1-Capture-Error-Behaviour là rollback hoặc proceed', en: 'GS1-Capture-Error-Behaviour is rollback or proceed' }, { type: EPCIS_EXCEPTION.validation, field: 'GS1-Capture-Error-Behaviour' });
    }
    const capture = () => inTransaction(db, req, (ctx) => captureDocument(ctx, req.body, { errorBehaviour: behaviour, maxEvents: limits.maxEvents }));
    // Two documents holding the same events in opposite orders, captured at the same moment, can each wait for the
    // other's uncommitted copy (PostgreSQL then ends one of them): that one is captured again, after the other.
    const result = await capture().catch((err: unknown) => { if (isDeadlock(err)) return capture(); throw err; });
    return reply.status(202).header('location', `/epcis/capture/${result.captureId}`).header('gs1-capture-id', result.captureId).send();
  });

  r.get('/epcis/capture/:captureID', { config: { access: 'user' }, schema: { tags: ['epcis'], summary: 'A capture job', params: captureParams, response: { 200: captureJob } } }, async (req) => {
    const user = actingUser(req);
    const c = await getCapture(db, req.params.captureID);
    const mine = c && (user.role === 'central' || c.created_by === user.id || (user.entityId !== null && c.entity_id === user.entityId));
    if (!c || !mine) throw new AppError('not_found', 'capture_not_found', { vi: 'Không tìm thấy lượt ghi nhận này', en: 'No such capture' });
    return {
      captureID: c.id, createdAt: iso(c.created_at)!, finishedAt: iso(c.finished_at), running: c.running, success: c.success,
      captureErrorBehaviour: c.error_behaviour as 'rollback' | 'proceed', errors: (c.errors as never[] | null) ?? [], eventCount: Number(c.event_count),
      chainSeq: c.chain_seq === null ? null : Number(c.chain_seq), hash: c.hash,
    };
  });

  // ── Query ──
  async function answer(req: FastifyRequest, reply: FastifyReply, params: Record<string, string | string[] | undefined>, literal?: string) {
    const filter = parseEventQuery(params, literal);
    const page = await findEventTexts(database, filter, readScope(req.actor));
    if (page.nextPageToken) {
      const url = new URL(req.url, 'http://x');
      url.searchParams.set('nextPageToken', page.nextPageToken);
      reply.header('link', `<${url.pathname}${url.search}>; rel="next"`);
    }
    // The events go out as the database wrote their JSON (a string is sent as is: no per-event parse, copy or
    // re-serialisation; the response schema below still documents the shape).
    return reply.type(mediaType(req)).send(queryDocumentText(page.events, new Date()));
  }
  const querySchema = (summary: string, params?: z.ZodObject) => ({ tags: ['epcis'], summary, querystring: rawQuery, ...(params ? { params } : {}), response: { 200: queryDoc } });

  r.get('/epcis/events', { config: { access: 'public' }, schema: querySchema('Events matching the EPCIS query parameters (EPCISQueryDocument; perPage, nextPageToken, Link)') }, (req, reply) => answer(req, reply, req.query));

  r.get('/epcis/events/:eventID', { config: { access: 'public' }, schema: { tags: ['epcis'], summary: 'One event by its eventID', params: z.object({ eventID: z.string().max(500) }), response: { 200: z.looseObject({}) } } }, async (req, reply) => {
    const page = await findEvents(database, parseEventQuery({ EQ_eventID: req.params.eventID }, 'EQ_eventID'), readScope(req.actor));
    if (!page.events.length) throw new AppError('not_found', 'event_not_found', { vi: 'Không tìm thấy sự kiện này', en: 'No such event' });
    const doc = queryDocument(page.events, new Date());
    reply.type(mediaType(req));
    return { '@context': doc['@context'], ...doc.epcisBody.queryResults.resultsBody.eventList[0] };
  });

  const views: [path: string, param: string, summary: string][] = [
    ['/epcis/epcs/:value/events', 'MATCH_anyEPC', 'Events naming an identifier (any role)'],
    ['/epcis/bizSteps/:value/events', 'EQ_bizStep', 'Events with a business step (bare word or CBV URI)'],
    ['/epcis/bizLocations/:value/events', 'EQ_bizLocation', 'Events at a business location'],
    ['/epcis/readPoints/:value/events', 'EQ_readPoint', 'Events observed at a read point'],
    ['/epcis/dispositions/:value/events', 'EQ_disposition', 'Events with a disposition'],
    ['/epcis/eventTypes/:value/events', 'eventType', 'Events of one type'],
  ];
  for (const [path, param, summary] of views) {
    r.get(path, { config: { access: 'public' }, schema: querySchema(summary, z.object({ value: z.string().max(500) })) }, (req, reply) => {
      if (req.query[param] !== undefined) throw queryParameterError(param, `${param} is given by the path`, `${param} đã có trong đường dẫn`);
      return answer(req, reply, { ...req.query, [param]: (req.params as { value: string }).value }, param);
    });
  }

  // ── Genealogy ──
  r.get('/epcis/trace', {
    config: { access: 'public' },
    schema: { tags: ['epcis'], summary: 'The history of a lot or item across aggregations and transformations: back, forward or both', querystring: z.object({ epc: z.string().min(1).max(500), direction: z.enum(['back', 'forward', 'both']).default('both') }), response: { 200: z.looseObject({}) } },
  }, async (req, reply) => {
    let start: string;
    try { start = indexKey(req.query.epc); } catch (err) { throw queryParameterError('epc', (err as Error).message, `Mã định danh không hợp lệ: ${req.query.epc}`); }
    const g = await genealogy(db, start, req.query.direction, readScope(req.actor));
    const doc = queryDocument(g.events, new Date(), 'Genealogy');
    reply.type(mediaType(req));
    return { ...doc, epc: start, direction: req.query.direction, identifiers: g.identifiers, truncated: g.truncated };
  });

  // ── Tamper evidence ──
  r.get('/epcis/verify', {
    config: { access: 'user' },
    schema: { tags: ['epcis'], summary: 'Recompute a hash chain (an entity\'s, or entity=central) and report the first broken link', querystring: z.object({ entity: z.union([z.uuid(), z.literal('central')]) }), response: { 200: z.looseObject({ intact: z.boolean() }) } },
  }, async (req) => {
    const user = actingUser(req);
    const chain = req.query.entity === 'central' ? null : req.query.entity;
    // Officers check any chain (the national repository's integrity is theirs to watch); an entity checks its own.
    if (user.role === 'entity' && (chain === null || chain !== user.entityId)) throw forbidden();
    return { entity: req.query.entity, ...(await verifyChain(db, chain)) };
  });
};
