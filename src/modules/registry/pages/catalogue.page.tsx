// The public catalogue (/): the first page of results in the HTML and the filters as a plain GET form, so it works
// without JavaScript and every filtered list has its own address. It opens on certified products, the highest stars
// first and then the most recently updated; registered products not yet rated are one filter away.
import type { TFunction } from 'i18next';
import { renderDocument, type Site } from '../../../app/html/document.js';
import { localPath, type Lang } from '../../../app/html/site-i18n.js';
import { formatNumber } from '../../../web/format.js';
import type { Classification } from '../commands/load-classification.js';
import type { ProductOut } from '../registry.contract.js';
import { ENTITY_TYPES } from '../registry.tables.js';
import { ProductCard } from './product-card.js';

export const CATALOGUE_PAGE_SIZE = 24;
export const CATALOGUE_STATUSES = ['certified', 'registered', 'all'] as const;

export type CatalogueFilters = {
  q?: string; province?: string; group?: string; stars?: number; entityType?: string;
  status: (typeof CATALOGUE_STATUSES)[number]; page: number;
  /** Past the numbered pages (a total above the count's cap), the page after this cursor's row. */
  cursor?: string;
};
export type CatalogueData = {
  filters: CatalogueFilters; items: ProductOut[]; total: number; totalExact: boolean; nextCursor: string | null;
  provinces: { code: string; name: string; nameEn: string }[]; classification: Classification;
};

/** The query that shows these filters (the default status is left out, so the home page is plain `/`). */
export function filterParams(f: CatalogueFilters, page?: number): Record<string, string | number | undefined> {
  return {
    q: f.q || undefined, province: f.province, group: f.group, stars: f.stars, entityType: f.entityType,
    status: f.status === 'certified' ? undefined : f.status, page: page && page > 1 ? page : undefined,
  };
}

function Select({ name, label, value, options }: { name: string; label: string; value: string | number | undefined; options: { value: string; label: string; group?: string }[] }) {
  const groups = [...new Set(options.map((o) => o.group))];
  const option = (o: { value: string; label: string }) => <option key={o.value} value={o.value}>{o.label}</option>;
  return (
    <label>{label}
      <select name={name} defaultValue={value === undefined ? '' : String(value)}>
        {groups.map((g) => (g === undefined ? options.filter((o) => o.group === undefined).map(option)
          : <optgroup key={g} label={g}>{options.filter((o) => o.group === g).map(option)}</optgroup>))}
      </select>
    </label>
  );
}

function FilterForm({ d, t, lang }: { d: CatalogueData; t: TFunction; lang: Lang }) {
  const f = d.filters;
  const name = (x: { name: string; nameEn: string }) => (lang === 'en' ? x.nameEn : x.name);
  return (
    <form className="filters" method="get" action="/" role="search" aria-label={t('catalogue.filters')}>
      {lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <label className="q">{t('catalogue.search')}
        <input type="search" name="q" defaultValue={f.q ?? ''} placeholder={t('catalogue.searchPlaceholder')} maxLength={100} />
      </label>
      <Select name="province" label={t('catalogue.province')} value={f.province}
        options={[{ value: '', label: t('catalogue.allProvinces') }, ...d.provinces.map((p) => ({ value: p.code, label: name(p) }))]} />
      <Select name="group" label={t('catalogue.group')} value={f.group}
        options={[{ value: '', label: t('catalogue.allGroups') }, ...d.classification.sectors.flatMap((s) => s.groups.map((g) => ({ value: g.code, label: name(g), group: `${s.code}. ${name(s)}` })))]} />
      <Select name="stars" label={t('catalogue.stars')} value={f.stars}
        options={[{ value: '', label: t('catalogue.anyStars') }, ...[5, 4, 3].map((n) => ({ value: String(n), label: t('catalogue.starsOption', { count: n }) }))]} />
      <Select name="entityType" label={t('catalogue.entityType')} value={f.entityType}
        options={[{ value: '', label: t('catalogue.allTypes') }, ...ENTITY_TYPES.map((k) => ({ value: k, label: t(`entityType.${k}`) }))]} />
      <Select name="status" label={t('site.status')} value={f.status}
        options={[{ value: 'certified', label: t('site.statusCertified') }, { value: 'registered', label: t('site.statusRegistered') }, { value: 'all', label: t('site.statusAll') }]} />
      <div className="actions"><button className="button" type="submit">{t('site.apply')}</button></div>
    </form>
  );
}

/** Previous and next page links (the total is capped for very large results: the next link needs only a full page).
 * `beyond` is the next link past the last numbered page of a capped total (by cursor). */
export function Pager({ t, lang, path, params, page, pages, beyond }: { t: TFunction; lang: Lang; path: string; params: (page: number) => Record<string, string | number | undefined>; page: number; pages: number; beyond?: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t('catalogue.pages')}>
      {page > 1 ? <a rel="prev" href={localPath(path, lang, params(page - 1))}>← {t('site.previous')}</a> : <span />}
      <span className="muted">{t('site.pageOf', { page, pages })}</span>
      {page < pages ? <a rel="next" href={localPath(path, lang, params(page + 1))}>{t('site.next')} →</a>
        : beyond ? <a rel="next" href={beyond}>{t('site.next')} →</a> : <span />}
    </nav>
  );
}

/** The pages past the numbered ones: back to the first page, on to the next (no page count: the server stopped
 * counting). */
function CursorPager({ t, first, next }: { t: TFunction; first: string; next?: string }) {
  return (
    <nav className="pager" aria-label={t('catalogue.pages')}>
      <a href={first}>← {t('site.firstPage')}</a>
      <span />
      {next ? <a rel="next" href={next}>{t('site.next')} →</a> : <span />}
    </nav>
  );
}

export function renderCataloguePage(site: Site, d: CatalogueData): string {
  const { t, lang } = site;
  const f = d.filters;
  const pages = Math.max(1, Math.ceil(d.total / CATALOGUE_PAGE_SIZE));
  const count = d.totalExact ? formatNumber(d.total) : t('site.atLeast', { n: formatNumber(d.total) });
  const next = d.nextCursor ? localPath('/', lang, { ...filterParams(f), cursor: d.nextCursor }) : undefined;
  const filtered = Boolean(f.q || f.province || f.group || f.stars || f.entityType || f.status !== 'certified');
  const head = {
    title: t('site.catalogueTitle'), description: t('site.catalogueDescription'),
    // Filtered and later pages are for people; search engines get the home page and the product pages.
    noindex: filtered || f.page > 1 || Boolean(f.cursor),
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'WebSite', name: t('app.name'), url: new URL('/', site.publicUrl).toString(),
      potentialAction: { '@type': 'SearchAction', target: `${new URL('/', site.publicUrl).toString()}?q={q}`, 'query-input': 'required name=q' } }],
  };
  return renderDocument(site, head, (
    <>
      <div className="hero">
        <div className="wrap">
          <h1>{t('catalogue.title')}</h1>
          <p>{t('catalogue.intro')}</p>
        </div>
      </div>
      <div className="wrap">
        <FilterForm d={d} t={t} lang={lang} />
        <h2 className="count" aria-live="polite">{t('catalogue.results', { n: count })}</h2>
        {f.status === 'certified' && !f.stars && <p className="muted">{t('site.sortHint')}</p>}
        {d.items.length === 0 ? (
          <section>
            <h3>{t('catalogue.emptyTitle')}</h3>
            <p className="muted">{t('catalogue.emptyHint')}</p>
            {filtered && <p><a href={localPath('/', lang)}>{t('catalogue.clear')}</a></p>}
          </section>
        ) : (
          <ul className="cards">{d.items.map((p) => <ProductCard key={p.id} p={p} t={t} lang={lang} />)}</ul>
        )}
        {f.cursor
          ? <CursorPager t={t} first={localPath('/', lang, filterParams(f))} next={next} />
          : <Pager t={t} lang={lang} path="/" params={(n) => filterParams(f, n)} page={f.page} pages={pages} beyond={next} />}
      </div>
    </>
  ));
}
