// Standards and market requirements: GET /api/v1/standards (the data), a product's compliance checklist at
// /api/v1/products/{id}/compliance (the entity keeps it, officers in scope read it, dated certificates warn before
// they lapse), and /api/v1/compliance/expiring (the commune's, province's or nation's list, soonest first).
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actingUser } from '../../app/access.js';
import type { Actor } from '../../app/actor.js';
import { inTransaction } from '../../app/command.js';
import { query } from '../../app/db.js';
import { notFound } from '../../app/errors.js';
import { FileStore } from '../../app/files.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { contentDisposition, STORED_FILE_POLICY } from '../../app/security-headers.js';
import { readSingleUpload } from '../../app/uploads.js';
import { entity, product, storedFile, vnDate } from './deps.js';
import { attachComplianceEvidence, recordCompliance, setMarkets } from './commands/record-compliance.js';
import { checklistOut, complianceBody, expiringOut, expiringQuery, marketsBody, standardsOut, type ComplianceLineOut } from './standards.contract.js';
import { canKeepChecklist, canReadChecklist, COMPLIANCE_READERS } from './standards.policy.js';
import { addDaysTo, expiryState, marketsFor, requirementsFor, STANDARDS, type Requirement } from './standards.rules.js';
import { complianceItem, productTargetMarket } from './standards.tables.js';

const idParams = z.object({ id: z.uuid() });
const lineParams = z.object({ id: z.uuid(), code: z.string().regex(/^[a-z0-9_]{2,60}$/) });
export const EXPIRING_LIMIT = 200;
const today = () => vnDate(new Date());
const evidencePath = (productId: string, code: string) => `/api/v1/products/${productId}/compliance/${code}/evidence`;

export const standardsRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const files = new FileStore(join(config.dataDir, 'files'));

  async function readableProduct(actor: Actor, id: string) {
    const [row] = await db.select({ p: product, entityName: entity.name }).from(product).innerJoin(entity, eq(entity.id, product.entityId)).where(eq(product.id, id));
    if (!row || !canReadChecklist(actor, row.p)) throw notFound('product', 'sản phẩm');
    return row;
  }

  async function checklist(actor: Actor, id: string) {
    const { p, entityName } = await readableProduct(actor, id);
    const markets = (await db.select({ m: productTargetMarket.market }).from(productTargetMarket).where(eq(productTargetMarket.productId, id))).map((x) => x.m).sort();
    const reqs = requirementsFor(p.productSet, markets);
    const rows = await db.select({ item: complianceItem, file: { mimeType: storedFile.mimeType, originalName: storedFile.originalName, sizeBytes: storedFile.sizeBytes } })
      .from(complianceItem).leftJoin(storedFile, eq(storedFile.id, complianceItem.evidenceFileId)).where(eq(complianceItem.productId, id));
    const day = today();
    const items: ComplianceLineOut[] = reqs.map((req) => {
      const hit = rows.find((x) => x.item.requirement === req.code);
      const it = hit?.item;
      return {
        requirement: req, status: it?.status ?? 'missing', certificateNumber: it?.certificateNumber ?? null, issuer: it?.issuer ?? null,
        issuedOn: it?.issuedOn ?? null, expiresOn: it?.expiresOn ?? null, expiry: it && it.status !== 'not_applicable' ? expiryState(it.expiresOn, day) : null,
        evidence: it?.evidenceFileId && hit?.file ? { url: evidencePath(id, req.code), ...hit.file } : null,
        note: it?.note ?? null, updatedAt: it?.updatedAt.toISOString() ?? null, version: it?.version ?? null,
      };
    });
    return {
      product: { id: p.id, name: p.name, code: p.code, productSet: p.productSet, entity: { id: p.entityId, name: entityName } },
      standardsVersion: STANDARDS.version, warnDays: STANDARDS.warnDaysBeforeExpiry, markets, availableMarkets: marketsFor(p.productSet), items,
      summary: {
        total: items.length, met: items.filter((i) => i.status === 'met').length, missing: items.filter((i) => i.status === 'missing').length,
        expiring: items.filter((i) => i.expiry?.state === 'expiring').length, expired: items.filter((i) => i.expiry?.state === 'expired').length,
      },
      actions: canKeepChecklist(actor, p) ? ['edit', 'upload', 'markets'] : [],
    };
  }

  r.get('/standards', { config: { access: 'user' }, schema: { tags: ['programme'], summary: 'The standards, regulations and export-market requirements (data/programme/standards.json) and the warning lead time', response: { 200: standardsOut } } }, async () => ({
    version: STANDARDS.version, instrument: STANDARDS.instrument, warnDays: STANDARDS.warnDaysBeforeExpiry,
    requirements: [...STANDARDS.requirements.map((x) => ({ ...x, market: null })), ...STANDARDS.markets.flatMap((m) => m.requirements.map((x): Requirement => ({ code: x.code, kind: 'market', certificate: null, expires: x.expires ?? false, vi: x.vi, en: x.en, reference: null, source: x.source, market: m.code })))],
    markets: STANDARDS.markets.map((m) => ({ code: m.code, vi: m.vi, en: m.en })),
  }));

  r.get('/products/:id/compliance', { config: { access: COMPLIANCE_READERS }, schema: { tags: ['programme'], summary: 'A product\'s compliance checklist: its product set\'s standards and regulations and its chosen markets\' requirements, each with its state, evidence and expiry warning', params: idParams, response: { 200: checklistOut } } }, async (req) =>
    checklist(req.actor, req.params.id));

  r.put('/products/:id/compliance/markets', { config: { access: ['entity'] }, schema: { tags: ['programme'], summary: 'The export markets the product aims at (their requirements join the checklist)', params: idParams, body: marketsBody, response: { 200: checklistOut } } }, async (req) => {
    await readableProduct(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => setMarkets(ctx, req.params.id, req.body.markets));
    return checklist(req.actor, req.params.id);
  });

  r.put('/products/:id/compliance/:code', { config: { access: ['entity'] }, schema: { tags: ['programme'], summary: 'Record one requirement\'s state: met / in progress / not applicable, the certificate\'s number, issuer and dates', params: lineParams, body: complianceBody, response: { 200: checklistOut } } }, async (req) => {
    await readableProduct(req.actor, req.params.id);
    await inTransaction(db, req, (ctx) => recordCompliance(ctx, req.params.id, req.params.code, req.body));
    return checklist(req.actor, req.params.id);
  });

  r.post('/products/:id/compliance/:code/evidence', { config: { access: ['entity'] }, schema: { tags: ['programme'], summary: 'Upload the evidence of one requirement (PDF, JPEG, PNG, WebP; multipart, field file)', params: lineParams, consumes: ['multipart/form-data'], response: { 200: checklistOut } } }, async (req) => {
    await readableProduct(req.actor, req.params.id);
    const { upload } = await readSingleUpload(req);
    await inTransaction(db, req, (ctx) => attachComplianceEvidence(ctx, files, req.params.id, req.params.code, upload));
    return checklist(req.actor, req.params.id);
  });

  r.get('/products/:id/compliance/:code/evidence', { config: { access: COMPLIANCE_READERS }, schema: { tags: ['programme'], summary: 'Download one requirement\'s evidence (the entity and the officers in scope)', params: lineParams } }, async (req, reply) => {
    await readableProduct(req.actor, req.params.id);
    const [row] = await db.select({ f: storedFile }).from(complianceItem).innerJoin(storedFile, eq(storedFile.id, complianceItem.evidenceFileId))
      .where(and(eq(complianceItem.productId, req.params.id), eq(complianceItem.requirement, req.params.code)));
    if (!row) throw notFound('compliance_evidence', 'minh chứng');
    reply.header('content-type', row.f.mimeType).header('cache-control', 'private, max-age=0')
      .header('content-disposition', contentDisposition('inline', row.f.originalName)).header('content-security-policy', STORED_FILE_POLICY);
    return reply.send(await files.get(row.f.sha256));
  });

  r.get('/compliance/expiring', { config: { access: COMPLIANCE_READERS }, schema: { tags: ['programme'], summary: `Certificates and other dated requirements lapsing within the lead time (${STANDARDS.warnDaysBeforeExpiry} days by default) or lapsed, in the caller's scope, soonest first (at most ${EXPIRING_LIMIT})`, querystring: expiringQuery, response: { 200: expiringOut } } }, async (req) => {
    const actor = actingUser(req);
    const qy = req.query;
    const day = today();
    const warn = qy.days ?? STANDARDS.warnDaysBeforeExpiry;
    const scope = actor.role === 'central' ? sql`TRUE` : actor.role === 'province' ? sql`c.province_code = ${actor.provinceCode}` : actor.role === 'commune' ? sql`c.commune_code = ${actor.communeCode}` : sql`c.entity_id = ${actor.entityId}`;
    const rows = await query<{ product_id: string; product_name: string; product_set: number; entity_id: string; entity_name: string; province_code: string; commune_code: string; requirement: string; certificate_number: string | null; issuer: string | null; expires_on: string | Date }>(db, sql`
      SELECT c.product_id, p.name AS product_name, p.product_set, c.entity_id, e.name AS entity_name, c.province_code, c.commune_code, c.requirement, c.certificate_number, c.issuer, c.expires_on
      FROM compliance_item c JOIN product p ON p.id = c.product_id JOIN entity e ON e.id = c.entity_id
      WHERE ${scope} AND c.expires_on IS NOT NULL AND c.status <> 'not_applicable' AND c.expires_on <= ${addDaysTo(day, warn)}
        ${qy.lapsed === 'false' ? sql`AND c.expires_on >= ${day}` : sql``}
        ${qy.province ? sql`AND c.province_code = ${qy.province}` : sql``} ${qy.commune ? sql`AND c.commune_code = ${qy.commune}` : sql``}
        ${qy.entity ? sql`AND c.entity_id = ${qy.entity}` : sql``}
      ORDER BY c.expires_on, c.id LIMIT ${EXPIRING_LIMIT + 1}`);
    const all = STANDARDS.requirements.map((x): Requirement => ({ ...x, market: null }))
      .concat(STANDARDS.markets.flatMap((m) => m.requirements.map((x): Requirement => ({ code: x.code, kind: 'market', certificate: null, expires: x.expires ?? false, vi: x.vi, en: x.en, reference: null, source: x.source, market: m.code }))));
    return {
      warnDays: warn, capped: rows.length > EXPIRING_LIMIT,
      items: rows.slice(0, EXPIRING_LIMIT).flatMap((x) => {
        const requirement = all.find((q) => q.code === x.requirement);
        const expiresOn = x.expires_on instanceof Date ? x.expires_on.toISOString().slice(0, 10) : String(x.expires_on).slice(0, 10);
        return requirement ? [{
          product: { id: x.product_id, name: x.product_name }, entity: { id: x.entity_id, name: x.entity_name }, provinceCode: x.province_code, communeCode: x.commune_code,
          requirement, certificateNumber: x.certificate_number, issuer: x.issuer, expiresOn, expiry: expiryState(expiresOn, day, warn),
        }] : [];
      }),
    };
  });
};
