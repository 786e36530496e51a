// The shell every server-rendered public page shares: <head> (title, description, canonical and language
// alternates, Open Graph, JSON-LD), the header (site name, navigation, language link, login), the main landmark and
// the footer. Plain semantic HTML and one small stylesheet (site.css): no React runs in the browser. React renders
// it on the server (renderToStaticMarkup), so every string is escaped by React.
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { localPath, type Lang } from './site-i18n.js';
import { STYLESHEET_PATH } from './site-assets.js';

/** What a page knows of its visitor and address. */
export type Site = {
  publicUrl: string;
  lang: Lang;
  t: TFunction;
  /** The page's path and the query it is about (filters, page), without `lang`. */
  path: string;
  params?: Record<string, string | number | undefined>;
  signedIn: boolean;
};

export type Head = {
  title: string;
  description: string;
  /** Open Graph type: 'website' for lists, 'product' for a product, 'profile' for an entity. */
  ogType?: string;
  /** Absolute or root-relative URL of the photo shown in shared links. */
  image?: string | null;
  /** schema.org objects, one <script type="application/ld+json"> each. */
  jsonLd?: object[];
  noindex?: boolean;
};

/** An absolute URL on the public site (OCOP_PUBLIC_URL). */
export const absolute = (publicUrl: string, path: string) => new URL(path, publicUrl.replace(/\/?$/, '/')).toString();

/** JSON for a <script> data block: `<` escaped, so no value can close the element. */
const jsonForScript = (data: object) => JSON.stringify(data).replace(/</g, '\\u003c');

function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true">
      <rect width="32" height="32" rx="9" fill="#0b6e4f" />
      <path d="M16 5.5l3.1 6.6 7.2.9-5.3 5 1.4 7.1L16 21.6l-6.4 3.5 1.4-7.1-5.3-5 7.2-.9z" fill="#f5b301" />
    </svg>
  );
}

function Shell({ site, head, children }: { site: Site; head: Head; children: ReactNode }) {
  const { t, lang, path, params = {}, publicUrl } = site;
  const other: Lang = lang === 'en' ? 'vi' : 'en';
  const canonical = absolute(publicUrl, localPath(path, lang, params));
  const image = head.image ? absolute(publicUrl, head.image) : undefined;
  const title = `${head.title} · ${t('app.name')}`;
  // The switch names its language explicitly (?lang=vi too): it must override a cookie set earlier.
  const switchHref = localPath(path, 'vi', { ...params, lang: other });
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <meta name="description" content={head.description} />
        {head.noindex && <meta name="robots" content="noindex" />}
        <link rel="canonical" href={canonical} />
        <link rel="alternate" hrefLang="vi" href={absolute(publicUrl, localPath(path, 'vi', params))} />
        <link rel="alternate" hrefLang="en" href={absolute(publicUrl, localPath(path, 'en', params))} />
        <meta property="og:site_name" content={t('app.name')} />
        <meta property="og:title" content={head.title} />
        <meta property="og:description" content={head.description} />
        <meta property="og:type" content={head.ogType ?? 'website'} />
        <meta property="og:url" content={canonical} />
        <meta property="og:locale" content={lang === 'en' ? 'en_GB' : 'vi_VN'} />
        {image && <meta property="og:image" content={image} />}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="theme-color" content="#0b6e4f" />
        <link rel="icon" href="/favicon.ico" sizes="any" />
        <link rel="stylesheet" href={STYLESHEET_PATH} />
        {(head.jsonLd ?? []).map((data, i) => <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonForScript(data) }} />)}
      </head>
      <body>
        <a className="skip" href="#main">{t('app.skip')}</a>
        <header className="top">
          <div className="wrap bar">
            <a className="brand" href={localPath('/', lang)}><Logo /><span><strong>{t('app.name')}</strong><small>{t('app.tagline')}</small></span></a>
            <nav aria-label={t('site.nav')}>
              <a href={localPath('/', lang)}>{t('app.catalogue')}</a>
              <a href={localPath('/giay-chung-nhan', lang)}>{t('cert.registerLink')}</a>
              <a href={localPath('/tin-tuc', lang)}>{t('contentSite.newsNav')}</a>
              <a href={switchHref} lang={other} hrefLang={other} title={t('app.switchLanguageLabel')}>{t('app.switchLanguage')}</a>
              {site.signedIn
                ? <a className="button" href="/lam-viec">{t('app.workspace')}</a>
                : <a className="button" href="/dang-nhap">{t('app.login')}</a>}
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1}>{children}</main>
        <footer className="foot">
          <div className="wrap">
            <p>{t('app.footer')}</p>
            <p><a href={localPath('/giay-chung-nhan', lang)}>{t('cert.registerTitle')}</a> · <a href={localPath('/mo-hinh-hay', lang)}>{t('contentSite.modelsTitle')}</a> · <a href={localPath('/du-lich', lang)}>{t('tourism.title')}</a> · <a href="/thong-ke">{t('dash.title')}</a> · <a href="/cham-diem">{t('sheet.tryTool')}</a> · <a href="/api/openapi.json">{t('app.api')}</a></p>
          </div>
        </footer>
      </body>
    </html>
  );
}

/** The whole document as a string, ready to send. */
export function renderDocument(site: Site, head: Head, body: ReactNode): string {
  return `<!doctype html>${renderToStaticMarkup(<Shell site={site} head={head}>{body}</Shell>)}`;
}

/** The 404 page: the shell, a heading, a way back. */
export function renderNotFound(site: Site, title: string, hint?: string): string {
  const { t, lang } = site;
  return renderDocument(site, { title, description: hint ?? t('site.notFoundHint'), noindex: true }, (
    <div className="wrap narrow">
      <h1>{title}</h1>
      <p>{hint ?? t('site.notFoundHint')}</p>
      <p><a href={localPath('/', lang)}>{t('app.backHome')}</a></p>
    </div>
  ));
}

/** Stars as text: "★★★★☆", read out as "4 sao OCOP". */
export function Stars({ count, t }: { count: number | null; t: TFunction }) {
  if (!count) return <span className="stars none">{t('stars.none')}</span>;
  return (
    <span className="stars" role="img" aria-label={t('stars.label', { count })}>
      {'★'.repeat(count)}<span className="off">{'★'.repeat(5 - count)}</span>
    </span>
  );
}
