// Turns good-model rows into API output, cut down to the reader's audience (good-models.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import { canEditPublication, canUnpublish } from './content.policy.js';
import type { GoodModelRow } from './content.tables.js';
import type { GoodModelOut } from './good-models.contract.js';
import { GOOD_MODEL_FIELDS } from './good-models.fields.js';
import type { AttachmentView, GoodModelView } from './good-models.repo.js';
import { beforeAfter, type CertificateSpan } from './good-models.rules.js';
import { canMoveTo } from './news.rules.js';

export const goodModelPath = (slug: string) => `/mo-hinh-hay/${slug}`;
export const attachmentPath = (modelId: string, id: string) => `/api/v1/good-models/${modelId}/attachments/${id}`;

export const canEditModel = (actor: Actor, m: { provinceCode: string }) => canEditPublication(actor, m.provinceCode, true);

export function goodModelActions(actor: Actor, m: GoodModelRow): string[] {
  const edit = canEditModel(actor, m);
  return [edit && 'edit', edit && 'upload', edit && canMoveTo(m.status, 'published') && 'publish', canUnpublish(actor, m.provinceCode) && canMoveTo(m.status, 'unpublished') && 'unpublish']
    .filter((x): x is string => Boolean(x));
}

export function presentGoodModel(v: GoodModelView, attachments: AttachmentView[], certs: CertificateSpan | undefined, actor: Actor): GoodModelOut {
  const m = v.model;
  const { before, after } = beforeAfter(m, certs);
  const full: GoodModelOut = {
    id: m.id, slug: m.slug, name: m.name, summary: m.summary, whatTheyDid: m.whatTheyDid, results: m.results, lessons: m.lessons, topic: m.topic,
    sectorCode: m.sectorCode, provinceCode: m.provinceCode, provinceName: v.provinceName,
    entity: m.entityId ? { id: m.entityId, name: v.entityName ?? '' } : null,
    product: m.productId ? { id: m.productId, name: v.productName ?? '' } : null,
    before, after, status: m.status, publishedAt: m.publishedAt?.toISOString() ?? null, pageUrl: goodModelPath(m.slug),
    attachments: attachments.map((a) => ({ id: a.id, kind: a.kind, url: attachmentPath(m.id, a.id), caption: a.caption })),
    createdAt: m.createdAt.toISOString(), updatedAt: m.updatedAt.toISOString(), version: m.version, actions: goodModelActions(actor, m),
  };
  return project(GOOD_MODEL_FIELDS, canEditModel(actor, m) || canUnpublish(actor, m.provinceCode) ? 'internal' : 'public', full) as GoodModelOut;
}

export function goodModelSnapshot(m: GoodModelRow) {
  const { createdAt: _c, updatedAt, publishedAt, ...rest } = m;
  return { ...rest, updatedAt: updatedAt.toISOString(), publishedAt: publishedAt?.toISOString() ?? null };
}
