// The programme's server-rendered public pages and feed, registered at the site's root by the composition root:
// news (/tin-tuc, /tin-tuc/{slug}), its RSS 2.0 feed (/feeds/news.xml) and the good models (/mo-hinh-hay,
// /mo-hinh-hay/{slug}). They render what the public may read (the PUBLIC actor), so one copy serves everyone.
import type { FastifyPluginAsync } from 'fastify';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { PUBLIC } from '../../../app/actor.js';
import { absolute, renderNotFound } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import { localPath, translator } from '../../../app/html/site-i18n.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { newsArticle, NEWS_KINDS } from '../content.tables.js';
import { presentArticle } from '../news.present.js';
import { getArticleBySlug, imagesOf, listArticles, publishedPage } from '../news.repo.js';
import { inLanguage, rssFeed, SLUG_PATTERN } from '../news.rules.js';
import { newsPagePath, NEWS_PAGE_SIZE, renderArticlePage, renderNewsList } from './news.page.js';
import { goodModelPages } from './good-models.pages.js';

const FEED_SIZE = 50;
const newsQuery = z.object({
  kind: z.enum(NEWS_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});

export const programmePages: FastifyPluginAsync<ModuleDeps> = async (app, deps) => {
  const { database, config } = deps;
  const { db } = database;

  app.get('/tin-tuc', PAGE_ROUTE, async (req, reply) => {
    const f = newsQuery.parse(req.query ?? {});
    const site = siteOf(req, reply, config.publicUrl, '/tin-tuc', { kind: f.kind, page: f.page > 1 ? f.page : undefined });
    const { rows, more } = await publishedPage(db, f.kind ? eq(newsArticle.kind, f.kind) : undefined, f.page, NEWS_PAGE_SIZE);
    const images = await imagesOf(db, rows.map((r) => r.article.id));
    return sendHtml(req, reply, renderNewsList(site, { items: rows.map((r) => presentArticle(r, images.get(r.article.id) ?? [], PUBLIC)), page: f.page, more, kind: f.kind }));
  });

  app.get<{ Params: { slug: string } }>('/tin-tuc/:slug', PAGE_ROUTE, async (req, reply) => {
    const site = siteOf(req, reply, config.publicUrl, newsPagePath(req.params.slug));
    const v = SLUG_PATTERN.test(req.params.slug) && req.params.slug.length <= 80 ? await getArticleBySlug(db, req.params.slug) : undefined;
    if (!v || v.article.status !== 'published') return sendHtml(req, reply, renderNotFound(site, site.t('contentSite.articleNotFound')), 404);
    const a = presentArticle(v, (await imagesOf(db, [v.article.id])).get(v.article.id) ?? [], PUBLIC);
    return sendHtml(req, reply, renderArticlePage(site, a, site.lang === 'en' ? v.provinceNameEn : v.provinceName));
  });

  // The feed reads the database on every request (no micro-cache): a withdrawn article leaves it at once.
  // ?lang=en: the English feed (an article without an English version comes in Vietnamese), linking to ?lang=en pages.
  app.get('/feeds/news.xml', { schema: { hide: true }, config: { access: 'public' as const } }, async (req, reply) => {
    const lang = (req.query as { lang?: unknown } | undefined)?.lang === 'en' ? 'en' : 'vi';
    const { rows } = await listArticles(db, eq(newsArticle.status, 'published'), '-publishedAt', FEED_SIZE);
    const url = (path: string) => absolute(config.publicUrl, localPath(path, lang));
    const t = translator(lang);
    const xml = rssFeed(
      { title: t('contentSite.feedTitle'), link: url('/tin-tuc'), selfLink: url('/feeds/news.xml'), description: t('contentSite.newsDescription'), language: lang },
      rows.map(({ article: a }) => {
        const l = inLanguage(a, lang);
        return { title: l.title, link: url(newsPagePath(a.slug)), guid: url(newsPagePath(a.slug)), description: l.summary, publishedAt: a.publishedAt ?? a.createdAt, category: t(`newsKind.${a.kind}`) };
      }),
    );
    return reply.type('application/rss+xml; charset=utf-8').header('cache-control', 'public, max-age=0, must-revalidate').send(xml);
  });

  await app.register(goodModelPages, deps);
};
