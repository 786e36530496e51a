// The good models on the public site: the library with its search (/mo-hinh-hay, without diacritics, by sector,
// province and topic) and each model's page (/mo-hinh-hay/{slug}): what they did, results, lessons, the score
// before and after, photos and documents, and links to the entity and product concerned.
import type { FastifyPluginAsync } from 'fastify';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { PUBLIC } from '../../../app/actor.js';
import { absolute, renderDocument, renderNotFound, type Site } from '../../../app/html/document.js';
import { PAGE_ROUTE, sendHtml, siteOf } from '../../../app/html/page.js';
import { localPath, type Lang } from '../../../app/html/site-i18n.js';
import type { ModuleDeps } from '../../../app/plugin.js';
import { formatNumber } from '../../../web/format.js';
import { listProvinces, provinceCode } from '../../geo/index.js';
import { SECTOR_CODES as SECTORS } from '../../registry/index.js';
import { GOOD_MODEL_TOPICS } from '../content.tables.js';
import type { GoodModelOut } from '../good-models.contract.js';
import { presentGoodModel } from '../good-models.present.js';
import { attachmentsOf, certificateSpans, getGoodModelBySlug, publishedModelsPage } from '../good-models.repo.js';
import { goodModelFilter } from '../good-models.routes.js';
import { SLUG_PATTERN } from '../news.rules.js';
import { Body } from './body.js';

const PAGE_SIZE = 12;
const query = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  sector: z.enum(SECTORS).optional().catch(undefined),
  province: provinceCode.optional().catch(undefined),
  topic: z.enum(GOOD_MODEL_TOPICS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
type Filters = z.infer<typeof query>;
export const modelPagePath = (slug: string) => `/mo-hinh-hay/${slug}`;

function Card({ m, t, lang }: { m: GoodModelOut; t: TFunction; lang: Lang }) {
  const photo = m.attachments.find((a) => a.kind === 'image');
  return (
    <li className="card">
      {photo && <img className="thumb" src={photo.url} alt={photo.caption ?? m.name} loading="lazy" />}
      <div className="body">
        <span><span className="tag">{t(`goodModelTopic.${m.topic}`)}</span> <span className="muted small">{m.provinceName}</span></span>
        <a className="title" href={localPath(modelPagePath(m.slug), lang)}>{m.name}</a>
        <span className="muted">{m.summary}</span>
      </div>
    </li>
  );
}

function renderLibrary(site: Site, f: Filters, items: GoodModelOut[], more: boolean, provinces: { code: string; name: string }[]) {
  const { t, lang } = site;
  const params = (page: number) => ({ q: f.q, sector: f.sector, province: f.province, topic: f.topic, page: page > 1 ? page : undefined });
  return renderDocument(site, { title: t('contentSite.modelsTitle'), description: t('contentSite.modelsDescription') }, (
    <>
      <section className="hero"><div className="wrap"><h1>{t('contentSite.modelsTitle')}</h1><p>{t('contentSite.modelsDescription')}</p></div></section>
      <div className="wrap">
        <form className="filters" method="get" action="/mo-hinh-hay" role="search">
          {lang === 'en' && <input type="hidden" name="lang" value="en" />}
          <label className="q">{t('contentSite.search')}<input type="search" name="q" defaultValue={f.q ?? ''} placeholder={t('contentSite.searchHint')} /></label>
          <label>{t('contentSite.sector')}<select name="sector" defaultValue={f.sector ?? ''}><option value="">{t('contentSite.any')}</option>{SECTORS.map((s) => <option key={s} value={s}>{t(`contentSite.sectors.${s}`)}</option>)}</select></label>
          <label>{t('contentSite.province')}<select name="province" defaultValue={f.province ?? ''}><option value="">{t('contentSite.any')}</option>{provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}</select></label>
          <label>{t('contentSite.topic')}<select name="topic" defaultValue={f.topic ?? ''}><option value="">{t('contentSite.any')}</option>{GOOD_MODEL_TOPICS.map((x) => <option key={x} value={x}>{t(`goodModelTopic.${x}`)}</option>)}</select></label>
          <div className="actions"><button className="button" type="submit">{t('contentSite.find')}</button></div>
        </form>
        {items.length === 0 ? <p className="muted">{t('contentSite.noModels')}</p> : <ul className="cards">{items.map((m) => <Card key={m.id} m={m} t={t} lang={lang} />)}</ul>}
        {(f.page > 1 || more) && (
          <nav className="pager" aria-label={t('catalogue.pages')}>
            {f.page > 1 ? <a rel="prev" href={localPath('/mo-hinh-hay', lang, params(f.page - 1))}>← {t('site.previous')}</a> : <span />}
            <span className="muted">{t('contentSite.page', { page: f.page })}</span>
            {more ? <a rel="next" href={localPath('/mo-hinh-hay', lang, params(f.page + 1))}>{t('site.next')} →</a> : <span />}
          </nav>
        )}
      </div>
    </>
  ));
}

function ScoreText({ s, t }: { s: GoodModelOut['before']; t: TFunction }) {
  if (!s) return <span className="muted">—</span>;
  const parts = [s.stars ? t('stars.label', { count: s.stars }) : null, s.score !== null ? t('contentSite.points', { score: formatNumber(s.score) }) : null].filter(Boolean);
  return <span>{parts.join(' · ')} <span className="muted small">({t(`contentSite.scoreSource.${s.source}`)})</span></span>;
}

function renderModel(site: Site, m: GoodModelOut) {
  const { t, lang } = site;
  const photos = m.attachments.filter((a) => a.kind === 'image');
  const documents = m.attachments.filter((a) => a.kind === 'document');
  const head = {
    title: m.name, description: m.summary, ogType: 'article', image: photos[0]?.url,
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'Article', headline: m.name, description: m.summary, url: absolute(site.publicUrl, modelPagePath(m.slug)), ...(m.publishedAt ? { datePublished: m.publishedAt } : {}), inLanguage: 'vi' }],
  };
  return renderDocument(site, head, (
    <div className="wrap">
      <nav className="crumbs" aria-label={t('site.nav')}><a href={localPath('/mo-hinh-hay', lang)}>{t('contentSite.modelsTitle')}</a> › {t(`goodModelTopic.${m.topic}`)}</nav>
      <article className="narrow article" lang="vi">
        <p><span className="tag">{t(`goodModelTopic.${m.topic}`)}</span> <span className="muted small">{t(`contentSite.sectors.${m.sectorCode}`)} · {m.provinceName}</span></p>
        <h1>{m.name}</h1>
        <p className="lead">{m.summary}</p>
        {photos[0] && <figure><img src={photos[0].url} alt={photos[0].caption ?? m.name} />{photos[0].caption && <figcaption className="muted small">{photos[0].caption}</figcaption>}</figure>}
        <dl className="facts">
          {m.entity && <div><dt>{t('contentSite.entity')}</dt><dd><a href={localPath(`/chu-the/${m.entity.id}`, lang)}>{m.entity.name}</a></dd></div>}
          {m.product && <div><dt>{t('contentSite.product')}</dt><dd><a href={localPath(`/san-pham/${m.product.id}`, lang)}>{m.product.name}</a></dd></div>}
          <div><dt>{t('contentSite.before')}</dt><dd><ScoreText s={m.before} t={t} /></dd></div>
          <div><dt>{t('contentSite.after')}</dt><dd><ScoreText s={m.after} t={t} /></dd></div>
        </dl>
        <h2>{t('contentSite.whatTheyDid')}</h2>
        <Body text={m.whatTheyDid} />
        <h2>{t('contentSite.results')}</h2>
        <Body text={m.results} />
        {m.lessons && <><h2>{t('contentSite.lessons')}</h2><Body text={m.lessons} /></>}
        {photos.length > 1 && <ul className="cards" aria-label={t('contentSite.images')}>{photos.slice(1).map((p) => <li key={p.id}><img className="thumb" src={p.url} alt={p.caption ?? m.name} loading="lazy" /></li>)}</ul>}
        {documents.length > 0 && <><h2>{t('contentSite.documents')}</h2><ul>{documents.map((d) => <li key={d.id}><a href={d.url}>{d.caption ?? t('contentSite.document')}</a></li>)}</ul></>}
      </article>
    </div>
  ));
}

export const goodModelPages: FastifyPluginAsync<ModuleDeps> = async (app, { database, config }) => {
  const { db } = database;
  let provinces: { code: string; name: string; nameEn: string }[] | undefined;

  app.get('/mo-hinh-hay', PAGE_ROUTE, async (req, reply) => {
    const f = query.parse(req.query ?? {});
    const site = siteOf(req, reply, config.publicUrl, '/mo-hinh-hay', { q: f.q, sector: f.sector, province: f.province, topic: f.topic, page: f.page > 1 ? f.page : undefined });
    const { rows, more } = await publishedModelsPage(db, goodModelFilter(PUBLIC, f), f.page, PAGE_SIZE);
    const ids = rows.map((r) => r.model.id);
    const [attachments, certs] = [await attachmentsOf(db, ids), await certificateSpans(db, rows.map((r) => r.model.productId).filter((x): x is string => !!x))];
    provinces ??= (await listProvinces(db)).map((p) => ({ code: p.code, name: p.fullName, nameEn: p.fullNameEn }));
    const items = rows.map((r) => presentGoodModel(r, attachments.get(r.model.id) ?? [], r.model.productId ? certs.get(r.model.productId) : undefined, PUBLIC));
    return sendHtml(req, reply, renderLibrary(site, f, items, more, provinces.map((p) => ({ code: p.code, name: site.lang === 'en' ? p.nameEn : p.name }))));
  });

  app.get<{ Params: { slug: string } }>('/mo-hinh-hay/:slug', PAGE_ROUTE, async (req, reply) => {
    const site = siteOf(req, reply, config.publicUrl, modelPagePath(req.params.slug));
    const v = SLUG_PATTERN.test(req.params.slug) && req.params.slug.length <= 80 ? await getGoodModelBySlug(db, req.params.slug) : undefined;
    if (!v || v.model.status !== 'published') return sendHtml(req, reply, renderNotFound(site, site.t('contentSite.modelNotFound')), 404);
    const certs = v.model.productId ? (await certificateSpans(db, [v.model.productId])).get(v.model.productId) : undefined;
    return sendHtml(req, reply, renderModel(site, presentGoodModel(v, (await attachmentsOf(db, [v.model.id])).get(v.model.id) ?? [], certs, PUBLIC)));
  });
};
