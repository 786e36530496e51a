// The resolver's stored links per identifier: GET /trace/links?anchor=… reads them, PUT replaces them. Only the
// entity owning the identifier, or the central office, writes them; an entity never overwrites another's links.
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actingUser } from '../../app/access.js';
import { recordAudit } from '../../app/audit.js';
import { inTransaction } from '../../app/command.js';
import { AppError, forbidden, invalidField, notFound } from '../../app/errors.js';
import type { ModulePlugin } from '../../app/plugin.js';
import { digitalLinkPath, Gs1Error, parseDigitalLink, type Gs1Key } from './gs1.rules.js';
import { linksOfAnchor, ownerOfGln, ownerOfGtin, replaceLinks } from './resolver.repo.js';
import { keyOfPath } from './resolver.routes.js';
import { anchorQuery, linksOut, putLinksBody } from './trace.contract.js';
import { canEditLinks, canReadLinks } from './trace.policy.js';
import type { Queryable } from '../../app/db.js';

/** An anchor given as a path or as a full Digital Link URI → its key (400 problems as the resolver's). */
function anchorKey(raw: string): Gs1Key {
  if (!/^https?:/.test(raw)) return keyOfPath(raw);
  try {
    const key = parseDigitalLink(raw);
    if (key) return key;
  } catch (err) {
    if (!(err instanceof Gs1Error)) throw err;
  }
  return keyOfPath(new URL(raw).pathname);
}

const ownerOf = (db: Queryable, key: Gs1Key) => (key.kind === 'gtin' ? ownerOfGtin(db, key.gtin) : ownerOfGln(db, key.gln));

export const linkRoutes: ModulePlugin = async (app, { database, config }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = database;
  const base = config.publicUrl.replace(/\/+$/, '');

  r.get('/trace/links', { config: { access: 'user' }, schema: { tags: ['trace'], summary: 'The links stored for one identifier (the resolver adds the registry\'s defaults)', querystring: anchorQuery, response: { 200: linksOut } } }, async (req) => {
    const key = anchorKey(req.query.anchor);
    const anchor = digitalLinkPath(key);
    const owner = await ownerOf(db, key);
    if (!owner && req.actor.kind === 'user' && req.actor.role !== 'central') throw notFound('identifier', 'mã định danh này');
    if (!canReadLinks(req.actor, owner)) throw forbidden();
    const stored = await linksOfAnchor(db, anchor);
    return {
      anchor, uri: base + anchor, canEdit: canEditLinks(req.actor, owner, stored.map((l) => l.ownerEntityId)),
      links: stored.map((l) => ({ linkType: l.linkType, href: l.href, title: l.title, hreflang: l.hreflang, type: l.type, updatedAt: l.updatedAt })),
    };
  });

  r.put('/trace/links', { config: { access: ['entity', 'central'] }, schema: { tags: ['trace'], summary: 'Replace the links stored for one identifier (its entity or the central office only)', querystring: anchorQuery, body: putLinksBody, response: { 200: linksOut } } }, async (req) => {
    const actor = actingUser(req);
    const key = anchorKey(req.query.anchor);
    const anchor = digitalLinkPath(key);
    const seen = new Set<string>();
    req.body.links.forEach((l, i) => {
      const k = `${l.linkType} ${l.hreflang}`;
      if (seen.has(k)) throw invalidField(`links.${i}`, 'duplicate_link', { vi: 'Mỗi loại liên kết chỉ có một liên kết cho mỗi ngôn ngữ', en: 'One link per link type and language' });
      seen.add(k);
    });
    const stored = await inTransaction(db, req, async (ctx) => {
      const owner = await ownerOf(ctx.tx, key);
      if (!owner && actor.role !== 'central') throw notFound('identifier', 'mã định danh này');
      const before = await linksOfAnchor(ctx.tx, anchor);
      if (!canEditLinks(actor, owner, before.map((l) => l.ownerEntityId))) {
        throw new AppError('forbidden', 'not_link_owner', { vi: 'Chỉ chủ thể sở hữu mã này (hoặc văn phòng trung ương) được sửa liên kết của nó', en: 'Only the entity owning this identifier (or the central office) may edit its links' });
      }
      await replaceLinks(ctx.tx, anchor, req.body.links, owner?.entityId ?? null, actor.id);
      await recordAudit(ctx, {
        action: 'trace_link.replace', recordType: 'trace_anchor', recordId: anchor, provinceCode: owner?.provinceCode, communeCode: owner?.communeCode,
        before: before.map(({ updatedAt: _u, ownerEntityId: _o, ...l }) => l), after: req.body.links,
      });
      return linksOfAnchor(ctx.tx, anchor);
    });
    return {
      anchor, uri: base + anchor, canEdit: true,
      links: stored.map((l) => ({ linkType: l.linkType, href: l.href, title: l.title, hreflang: l.hreflang, type: l.type, updatedAt: l.updatedAt })),
    };
  });
};
