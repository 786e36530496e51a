// Turns article rows into API output, cut down to the reader's audience (news.fields.ts).
import type { Actor } from '../../app/actor.js';
import { project } from '../../app/privacy.js';
import { canEditPublication, canUnpublish } from './content.policy.js';
import type { ArticleRow } from './content.tables.js';
import type { ArticleOut } from './news.contract.js';
import { ARTICLE_FIELDS } from './news.fields.js';
import type { ArticleView, ImageView } from './news.repo.js';
import { canMoveTo } from './news.rules.js';

export const articlePath = (slug: string) => `/tin-tuc/${slug}`;
export const articleImagePath = (articleId: string, imageId: string) => `/api/v1/news/${articleId}/images/${imageId}`;
export const CENTRAL_PUBLISHER = 'Văn phòng Điều phối Chương trình OCOP Trung ương';

export function articleActions(actor: Actor, a: ArticleRow): string[] {
  const edit = canEditPublication(actor, a.provinceCode);
  return [
    edit && 'edit', edit && 'upload', edit && canMoveTo(a.status, 'published') && 'publish',
    canUnpublish(actor, a.provinceCode) && canMoveTo(a.status, 'unpublished') && 'unpublish',
  ].filter((x): x is string => Boolean(x));
}

export function presentArticle(v: ArticleView, images: ImageView[], actor: Actor): ArticleOut {
  const a = v.article;
  const full: ArticleOut = {
    id: a.id, slug: a.slug, kind: a.kind, titleVi: a.titleVi, titleEn: a.titleEn, summaryVi: a.summaryVi, summaryEn: a.summaryEn,
    bodyVi: a.bodyVi, bodyEn: a.bodyEn, provinceCode: a.provinceCode, publisher: v.provinceName ?? CENTRAL_PUBLISHER,
    status: a.status, publishedAt: a.publishedAt?.toISOString() ?? null, pageUrl: articlePath(a.slug),
    images: images.map((i) => ({ id: i.id, url: articleImagePath(a.id, i.id), caption: i.caption })),
    createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(), version: a.version, actions: articleActions(actor, a),
  };
  return project(ARTICLE_FIELDS, canEditPublication(actor, a.provinceCode) || canUnpublish(actor, a.provinceCode) ? 'internal' : 'public', full) as ArticleOut;
}

/** What the audit trail keeps of an article. */
export function articleSnapshot(a: ArticleRow) {
  const { createdAt: _c, updatedAt, publishedAt, ...rest } = a;
  return { ...rest, updatedAt: updatedAt.toISOString(), publishedAt: publishedAt?.toISOString() ?? null };
}
