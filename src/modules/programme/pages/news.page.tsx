// The news pages of the public site: the list (/tin-tuc) and each article (/tin-tuc/{slug}), in the reader's
// language when the article has an English version (else the Vietnamese one, said so). schema.org NewsArticle.
import type { TFunction } from 'i18next';
import { absolute, renderDocument, type Site } from '../../../app/html/document.js';
import { localPath, type Lang } from '../../../app/html/site-i18n.js';
import { formatDate } from '../../../web/format.js';
import type { ArticleOut } from '../news.contract.js';
import { inLanguage } from '../news.rules.js';
import { Body } from './body.js';

export const NEWS_PAGE_SIZE = 12;
export const newsPagePath = (slug: string) => `/tin-tuc/${slug}`;

export function publisherName(a: Pick<ArticleOut, 'provinceCode' | 'publisher'>, t: TFunction, provinceName: string | null) {
  return a.provinceCode ? t('contentSite.publisherProvince', { province: provinceName ?? a.publisher }) : t('contentSite.publisherCentral');
}

function NewsCard({ a, t, lang }: { a: ArticleOut; t: TFunction; lang: Lang }) {
  const l = inLanguage(a, lang);
  const cover = a.images[0];
  return (
    <li className="card">
      {cover && <img className="thumb" src={cover.url} alt={cover.caption ?? l.title} loading="lazy" />}
      <div className="body">
        <span><span className="tag">{t(`newsKind.${a.kind}`)}</span> <span className="muted small">{a.publishedAt && formatDate(a.publishedAt)}</span></span>
        <a className="title" href={localPath(newsPagePath(a.slug), lang)} lang={l.lang}>{l.title}</a>
        <span className="muted" lang={l.lang}>{l.summary}</span>
      </div>
    </li>
  );
}

export function renderNewsList(site: Site, d: { items: ArticleOut[]; page: number; more: boolean; kind?: string }): string {
  const { t, lang } = site;
  const params = (page: number) => ({ kind: d.kind, page: page > 1 ? page : undefined });
  return renderDocument(site, { title: t('contentSite.newsTitle'), description: t('contentSite.newsDescription') }, (
    <>
      <section className="hero"><div className="wrap"><h1>{t('contentSite.newsTitle')}</h1><p>{t('contentSite.newsDescription')}</p></div></section>
      <div className="wrap">
        <nav className="crumbs" aria-label={t('contentSite.kinds')}>
          <a href={localPath('/tin-tuc', lang)} aria-current={!d.kind ? 'page' : undefined}>{t('contentSite.allKinds')}</a>
          {(['article', 'guide', 'announcement'] as const).map((k) => <span key={k}> · <a href={localPath('/tin-tuc', lang, { kind: k })} aria-current={d.kind === k ? 'page' : undefined}>{t(`newsKind.${k}`)}</a></span>)}
          {' · '}<a href={localPath('/feeds/news.xml', lang)}>RSS</a>
        </nav>
        {d.items.length === 0 ? <p className="muted">{t('contentSite.noNews')}</p> : <ul className="cards">{d.items.map((a) => <NewsCard key={a.id} a={a} t={t} lang={lang} />)}</ul>}
        {(d.page > 1 || d.more) && (
          <nav className="pager" aria-label={t('catalogue.pages')}>
            {d.page > 1 ? <a rel="prev" href={localPath('/tin-tuc', lang, params(d.page - 1))}>← {t('site.previous')}</a> : <span />}
            <span className="muted">{t('contentSite.page', { page: d.page })}</span>
            {d.more ? <a rel="next" href={localPath('/tin-tuc', lang, params(d.page + 1))}>{t('site.next')} →</a> : <span />}
          </nav>
        )}
      </div>
    </>
  ));
}

export function newsArticleJsonLd(a: ArticleOut, l: ReturnType<typeof inLanguage>, publisher: string, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: l.title,
    description: l.summary,
    inLanguage: l.lang,
    url: absolute(publicUrl, newsPagePath(a.slug)),
    ...(a.publishedAt ? { datePublished: a.publishedAt } : {}),
    ...(a.images.length ? { image: a.images.map((i) => absolute(publicUrl, i.url)) } : {}),
    publisher: { '@type': 'GovernmentOrganization', name: publisher },
    author: { '@type': 'GovernmentOrganization', name: publisher },
  };
}

export function renderArticlePage(site: Site, a: ArticleOut, provinceName: string | null): string {
  const { t, lang } = site;
  const l = inLanguage(a, lang);
  const publisher = publisherName(a, t, provinceName);
  const [cover, ...more] = a.images;
  const head = { title: l.title, description: l.summary, ogType: 'article', image: cover?.url, jsonLd: [newsArticleJsonLd(a, l, publisher, site.publicUrl)] };
  return renderDocument(site, head, (
    <div className="wrap">
      <nav className="crumbs" aria-label={t('site.nav')}><a href={localPath('/tin-tuc', lang)}>{t('contentSite.newsTitle')}</a> › {t(`newsKind.${a.kind}`)}</nav>
      <article className="narrow article" lang={l.lang}>
        <p><span className="tag">{t(`newsKind.${a.kind}`)}</span> <span className="muted small">{publisher}{a.publishedAt ? ` · ${formatDate(a.publishedAt)}` : ''}</span></p>
        <h1>{l.title}</h1>
        {lang === 'en' && l.lang === 'vi' && <p className="notice">{t('contentSite.onlyVietnamese')}</p>}
        <p className="lead">{l.summary}</p>
        {cover && <figure><img src={cover.url} alt={cover.caption ?? l.title} />{cover.caption && <figcaption className="muted small">{cover.caption}</figcaption>}</figure>}
        <Body text={l.body} />
        {more.length > 0 && (
          <ul className="cards" aria-label={t('contentSite.images')}>
            {more.map((i) => <li key={i.id}><figure><img className="thumb" src={i.url} alt={i.caption ?? l.title} loading="lazy" />{i.caption && <figcaption className="muted small">{i.caption}</figcaption>}</figure></li>)}
          </ul>
        )}
      </article>
    </div>
  ));
}
