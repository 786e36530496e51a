// The public register of OCOP certificates (/giay-chung-nhan): search without diacritics, province, stars and status
// as a plain GET form, the first page of results in the HTML; each row links to its verification page and PDF. The
// office's own lists (late revocations) stay in the workspace.
import type { TFunction } from 'i18next';
import { renderDocument, Stars, type Site } from '../../../app/html/document.js';
import { localPath, type Lang } from '../../../app/html/site-i18n.js';
import { formatDate, formatNumber } from '../../../web/format.js';
import { CERTIFICATE_STATUSES } from '../certificates.tables.js';
import type { z } from 'zod';
import type { registerItem } from '../certificates.contract.js';
import { pdfPath, verifyPath } from './verify.page.js';

export const REGISTER_PAGE_SIZE = 20;
/** `cursor`: past the numbered pages (a total above the count's cap), the page after that cursor's row. */
export type RegisterFilters = { q?: string; province?: string; stars?: number; status?: (typeof CERTIFICATE_STATUSES)[number]; page: number; cursor?: string };
type Item = z.infer<typeof registerItem>;

export const registerParams = (f: RegisterFilters, page = f.page) => ({ q: f.q || undefined, province: f.province, stars: f.stars, status: f.status, page: page > 1 ? page : undefined });

function Filters({ f, t, lang, provinces }: { f: RegisterFilters; t: TFunction; lang: Lang; provinces: { code: string; name: string; nameEn: string }[] }) {
  return (
    <form className="filters" method="get" action="/giay-chung-nhan" role="search" aria-label={t('catalogue.filters')}>
      {lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <label className="q">{t('cert.search')}<input type="search" name="q" defaultValue={f.q ?? ''} maxLength={100} /></label>
      <label>{t('catalogue.province')}
        <select name="province" defaultValue={f.province ?? ''}>
          <option value="">{t('catalogue.allProvinces')}</option>
          {provinces.map((p) => <option key={p.code} value={p.code}>{lang === 'en' ? p.nameEn : p.name}</option>)}
        </select>
      </label>
      <label>{t('catalogue.stars')}
        <select name="stars" defaultValue={f.stars ? String(f.stars) : ''}>
          <option value="">{t('catalogue.anyStars')}</option>
          {[5, 4, 3].map((n) => <option key={n} value={String(n)}>{t('catalogue.starsOption', { count: n })}</option>)}
        </select>
      </label>
      <label>{t('cert.statusFilter')}
        <select name="status" defaultValue={f.status ?? ''}>
          <option value="">{t('cert.anyStatus')}</option>
          {CERTIFICATE_STATUSES.map((s) => <option key={s} value={s}>{t(`cert.status.${s}`)}</option>)}
        </select>
      </label>
      <div className="actions"><button className="button" type="submit">{t('site.apply')}</button></div>
    </form>
  );
}

function Row({ c, t, lang }: { c: Item; t: TFunction; lang: Lang }) {
  return (
    <li>
      <div>
        <a href={localPath(`/san-pham/${c.product.id}`, lang)}><strong>{c.product.name}</strong></a>
        <div className="muted">{c.entity.name} · {c.province.name}</div>
        <div><Stars count={c.stars} t={t} /> <span className={`badge ${c.status}`}>{t(`cert.status.${c.status}`)}</span></div>
      </div>
      <div>
        <a className="mono" href={localPath(verifyPath(c.number), lang)} aria-label={`${t('cert.verify')} ${c.number}`}>{c.number}</a>
        <div className="muted">{t('cert.issuedOn')}: {formatDate(c.issuedOn)} · {t('cert.expiresOn')}: {formatDate(c.extendedUntil ?? c.expiresOn)}</div>
        <a href={pdfPath(c.number)}>PDF</a>
      </div>
    </li>
  );
}

export function renderRegisterPage(site: Site, f: RegisterFilters, list: { items: Item[]; total: number; totalExact: boolean; nextCursor: string | null }, provinces: { code: string; name: string; nameEn: string }[]): string {
  const { t, lang } = site;
  const pages = Math.max(1, Math.ceil(list.total / REGISTER_PAGE_SIZE));
  const filtered = Boolean(f.q || f.province || f.stars || f.status);
  const next = list.nextCursor ? localPath('/giay-chung-nhan', lang, { ...registerParams(f, 1), cursor: list.nextCursor }) : undefined;
  return renderDocument(site, { title: t('cert.registerTitle'), description: t('site.registerDescription'), noindex: filtered || f.page > 1 || Boolean(f.cursor) }, (
    <div className="wrap">
      <h1>{t('cert.registerTitle')}</h1>
      <p className="muted">{t('cert.registerIntro')}</p>
      <Filters f={f} t={t} lang={lang} provinces={provinces} />
      <h2 className="count" aria-live="polite">{t('cert.results', { n: list.totalExact ? formatNumber(list.total) : t('site.atLeast', { n: formatNumber(list.total) }) })}</h2>
      {list.items.length === 0
        ? <p className="muted">{t('cert.empty')}. {t('catalogue.emptyHint')}</p>
        : <ul className="rows">{list.items.map((c) => <Row key={c.number} c={c} t={t} lang={lang} />)}</ul>}
      {f.cursor ? (
        // Past the numbered pages (by cursor): back to the first page, on to the next.
        <nav className="pager" aria-label={t('catalogue.pages')}>
          <a href={localPath('/giay-chung-nhan', lang, registerParams(f, 1))}>← {t('site.firstPage')}</a>
          <span />
          {next ? <a rel="next" href={next}>{t('site.next')} →</a> : <span />}
        </nav>
      ) : pages > 1 && (
        <nav className="pager" aria-label={t('catalogue.pages')}>
          {f.page > 1 ? <a rel="prev" href={localPath('/giay-chung-nhan', lang, registerParams(f, f.page - 1))}>← {t('site.previous')}</a> : <span />}
          <span className="muted">{t('site.pageOf', { page: f.page, pages })}</span>
          {f.page < pages ? <a rel="next" href={localPath('/giay-chung-nhan', lang, registerParams(f, f.page + 1))}>{t('site.next')} →</a>
            : next ? <a rel="next" href={next}>{t('site.next')} →</a> : <span />}
        </nav>
      )}
    </div>
  ));
}
