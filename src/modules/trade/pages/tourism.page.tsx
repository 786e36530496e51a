// The public tourism pages: /du-lich (the map of community and eco-tourism destinations over the province outlines,
// and the list, by province) and /du-lich/:id (one destination: season, services, planning zone, its OCOP product).
// Server-rendered, no script; the map is an inline SVG (tourism-map.ts).
import { absolute, renderDocument, Stars, type Site } from '../../../app/html/document.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { monthRanges } from '../fairs.rules.js';
import type { DestinationOut } from '../tourism.contract.js';

export const TOURISM_PATH = '/du-lich';

function Services({ d, site }: { d: DestinationOut; site: Site }) {
  if (!d.services.length) return null;
  return <p className="muted">{d.services.map((s) => site.t(`tourismService.${s}`)).join(' · ')}</p>;
}

export function renderTourismPage(site: Site, data: { items: DestinationOut[]; mapSvg: string; provinces: { code: string; name: string }[]; province?: string }): string {
  const { t, lang } = site;
  const head = {
    title: t('tourism.publicTitle'), description: t('tourism.publicDescription'),
    jsonLd: [{
      '@context': 'https://schema.org', '@type': 'ItemList', name: t('tourism.publicTitle'),
      itemListElement: data.items.map((d, i) => ({ '@type': 'ListItem', position: i + 1, item: { '@type': 'TouristAttraction', name: d.name, url: absolute(site.publicUrl, d.url), geo: { '@type': 'GeoCoordinates', latitude: d.latitude, longitude: d.longitude } } })),
    }],
  };
  return renderDocument(site, head, (
    <div className="wrap">
      <h1>{t('tourism.publicTitle')}</h1>
      <p>{t('tourism.publicDescription')}</p>
      <form method="get" action={TOURISM_PATH} className="filters">
        <label>{t('tourism.province')}{' '}
          <select name="province" defaultValue={data.province ?? ''}>
            <option value="">{t('tourism.allProvinces')}</option>
            {data.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
          </select>
        </label>
        {lang === 'en' && <input type="hidden" name="lang" value="en" />}
        {' '}<button type="submit">{t('tourism.filter')}</button>
      </form>
      <p><strong>{t('tourism.count', { count: data.items.length })}</strong></p>
      <figure className="map-box tourism" style={{ maxWidth: '26rem' }}>
        <div dangerouslySetInnerHTML={{ __html: data.mapSvg }} />
        <figcaption className="muted small">{t('tourism.attribution')}</figcaption>
      </figure>
      <ol className="destinations">
        {data.items.map((d) => (
          <li key={d.id} data-destination={d.id}>
            <a href={localPath(d.url, lang)}><strong>{d.name}</strong></a>{' '}
            <span className="muted">{t(`destinationKind.${d.kind}`)} · {d.commune.name}, {d.province.name}</span>
            {d.product && <> · <Stars count={d.product.stars} t={t} /></>}
            {d.seasonMonths.length > 0 && <div className="small">{t('tourism.season', { months: monthRanges(d.seasonMonths) })}</div>}
          </li>
        ))}
      </ol>
    </div>
  ));
}

export function renderDestinationPage(site: Site, d: DestinationOut, mapSvg: string): string {
  const { t, lang } = site;
  const head = {
    title: d.name, description: d.description ?? t('tourism.publicDescription'),
    jsonLd: [{
      '@context': 'https://schema.org', '@type': 'TouristAttraction', name: d.name, description: d.description ?? undefined, url: absolute(site.publicUrl, d.url),
      geo: { '@type': 'GeoCoordinates', latitude: d.latitude, longitude: d.longitude },
      address: { '@type': 'PostalAddress', addressLocality: d.commune.name, addressRegion: d.province.name, addressCountry: 'VN' },
      ...(d.website ? { sameAs: d.website } : {}),
    }],
  };
  return renderDocument(site, head, (
    <div className="wrap">
      <nav className="crumbs" aria-label={t('site.nav')}><a href={localPath(TOURISM_PATH, lang)}>{t('tourism.back')}</a></nav>
      <article>
        <p><span className="tag">{t(`destinationKind.${d.kind}`)}</span></p>
        <h1>{d.name}</h1>
        <p>{d.commune.name}, {d.province.name}</p>
        {d.description && <p className="text">{d.description}</p>}
        <dl className="facts">
          {d.seasonMonths.length > 0 && <><dt>{t('tourism.seasonMonths')}</dt><dd>{monthRanges(d.seasonMonths)}{d.seasonNote ? ` — ${d.seasonNote}` : ''}</dd></>}
          {d.services.length > 0 && <><dt>{t('tourism.services')}</dt><dd><Services d={d} site={site} /></dd></>}
          {d.planningZone && <><dt>{t('tourism.planningZone')}</dt><dd>{d.planningZone}</dd></>}
          {d.product && <><dt>{t('tourism.product')}</dt><dd><a href={localPath(d.product.url, lang)}>{d.product.name}</a> <Stars count={d.product.stars} t={t} /></dd></>}
          {d.entity && <><dt>{t('product.entity')}</dt><dd><a href={localPath(`/chu-the/${d.entity.id}`, lang)}>{d.entity.name}</a></dd></>}
          <dt>{t('tourism.coordinates')}</dt><dd className="mono">{d.latitude.toFixed(4)}, {d.longitude.toFixed(4)}</dd>
          {d.website && <><dt>{t('tourism.website')}</dt><dd><a href={d.website} rel="nofollow noopener">{d.website}</a></dd></>}
        </dl>
        <figure className="map-box" style={{ maxWidth: '20rem' }}>
          <div dangerouslySetInnerHTML={{ __html: mapSvg }} />
          <figcaption className="muted small">{t('tourism.attribution')}</figcaption>
        </figure>
      </article>
    </div>
  ));
}
