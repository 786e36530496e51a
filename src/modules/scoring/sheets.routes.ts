// The score sheets in force and the public self-check: GET the list and one sheet's tree, POST answers to evaluate.
// Public and cacheable: the sheets change only with a new legal instrument, so each carries a content ETag.
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { RULES } from './rules.data.js';
import { evaluate, nextStarAdvice } from './scoring.rules.js';
import { evaluateBody, evaluationOut, sheetList, sheetNumberParams, sheetOut } from './sheets.contract.js';
import { getSheet, IN_FORCE, sheetsOf, type Sheet } from './sheets.data.js';

const notModified = z.null().describe('Not modified (If-None-Match matched the ETag)');
const etagOf = (value: unknown) => `"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`;

/** A sheet by its number in the URL; 0, 27 or 'abc' is simply not a sheet. */
function sheetFrom(number: string): Sheet {
  const sheet = /^\d{1,2}$/.test(number) ? getSheet(Number(number)) : undefined;
  if (!sheet) throw notFound('score_sheet', 'phiếu đánh giá');
  return sheet;
}

function cached(req: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag).header('cache-control', 'public, max-age=3600');
  return req.headers['if-none-match'] === etag;
}

export const sheetRoutes: ModulePlugin = async (app) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const summaries = sheetsOf(IN_FORCE).map((s) => ({ number: s.number, productSet: s.productSet, sector: s.sector, group: s.group, instrument: s.instrument, instrumentDate: s.instrumentDate }));
  const listEtag = etagOf(summaries);
  const sheetEtags = new Map(sheetsOf(IN_FORCE).map((s) => [s.number, etagOf(s)]));

  r.get('/score-sheets', { config: { access: 'public' }, schema: { tags: ['scoring'], summary: 'The 26 score sheets in force (QĐ 26/2026/QĐ-TTg, Phụ lục II)', response: { 200: sheetList, 304: notModified } } }, async (req, reply) => {
    if (cached(req, reply, listEtag)) return reply.status(304).send(null);
    return summaries;
  });

  r.get('/score-sheets/:number', { config: { access: 'public' }, schema: { tags: ['scoring'], summary: 'One score sheet: parts, groups, criteria and options with points and star markers', params: sheetNumberParams, response: { 200: sheetOut, 304: notModified } } }, async (req, reply) => {
    const sheet = sheetFrom(req.params.number);
    if (cached(req, reply, sheetEtags.get(sheet.number)!)) return reply.status(304).send(null);
    return sheet;
  });

  r.post('/score-sheets/:number/evaluate', {
    config: { access: 'public' },
    schema: {
      tags: ['scoring'], params: sheetNumberParams, body: evaluateBody, response: { 200: evaluationOut },
      summary: 'Score one set of answers: total, parts, band, recognised stars, unmet minimums, the knock-outs found (optional knockOuts), criteria not applicable (optional conditions, e.g. hasProductStory) and what the next star takes (no login)',
      description: 'Optional `knockOuts`: the criterion codes whose "Bị loại nếu …" (or "… sẽ không đánh giá các bước tiếp theo") note the scorer found met; '
        + 'a code whose criterion has no such note is refused (400, field knockOuts.N). Optional `conditions` (e.g. `{ "hasProductStory": false }`): the facts '
        + 'an applicability note depends on; left out, they follow from the answers where they can (5.1 "Không có câu chuyện sản phẩm"), else the criterion applies; '
        + 'a criterion not applicable scores 0. The answer adds `recognised` (3★ or more with no knock-out and no stop), `knockedOutBy`, `stoppedAt` and `notApplicable`.',
    },
  }, async (req) => {
    const sheet = sheetFrom(req.params.number);
    const findings = { knockOuts: req.body.knockOuts, conditions: req.body.conditions };
    const result = evaluate(sheet, req.body.answers, RULES, undefined, findings);
    return { instrument: sheet.instrument, sheet: sheet.number, ...result, recognised: result.stars !== null, nextStar: nextStarAdvice(sheet, req.body.answers, RULES, undefined, findings) };
  });
};
