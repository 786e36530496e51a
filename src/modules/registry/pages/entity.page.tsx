// An entity's public page (/chu-the/:id): name, type, commune and province (never the street or hamlet: for a
// household that is a home), the contact it chose to publish, and its public products; schema.org Organization.
// Only the public projection of the entity (registry.fields.ts) reaches it.
import { absolute, renderDocument, type Site } from '../../../app/html/document.js';
import type { EntityPublicOut, ProductOut } from '../registry.contract.js';
import { Pager } from './catalogue.page.js';
import { entityPath, ProductCard } from './product-card.js';

export const ENTITY_PAGE_SIZE = 12;

export function organizationJsonLd(e: EntityPublicOut, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: e.name,
    url: absolute(publicUrl, entityPath(e.id)),
    address: { '@type': 'PostalAddress', addressLocality: e.communeName, addressRegion: e.provinceName, addressCountry: 'VN' },
    ...(e.contact?.phone ? { telephone: e.contact.phone } : {}),
    ...(e.contact?.email ? { email: e.contact.email } : {}),
    ...(e.website ? { sameAs: [e.website] } : {}),
  };
}

export function renderEntityPage(site: Site, e: EntityPublicOut, products: { items: ProductOut[]; total: number; page: number }): string {
  const { t, lang } = site;
  const place = `${e.communeName}, ${e.provinceName}`;
  const pages = Math.max(1, Math.ceil(products.total / ENTITY_PAGE_SIZE));
  const head = {
    title: e.name, ogType: 'profile',
    description: t('site.entityDescription', { name: e.name, type: t(`entityType.${e.type}`), place, count: products.total }),
    image: products.items.find((p) => p.imageUrl)?.imageUrl,
    jsonLd: [organizationJsonLd(e, site.publicUrl)],
  };
  const contact = [e.contact?.phone, e.contact?.email].filter(Boolean);
  return renderDocument(site, head, (
    <div className="wrap">
      <section className="narrow">
        <p><span className="tag">{t(`entityType.${e.type}`)}</span></p>
        <h1>{e.name}</h1>
        <dl className="facts">
          <div><dt>{t('entity.address')}</dt><dd>{place}</dd></div>
          {(contact.length > 0 || e.website) && (
            <div><dt>{t('entity.contact')}</dt><dd>
              {contact.join(' · ')}{contact.length > 0 && e.website ? ' · ' : ''}
              {e.website && <a href={e.website} rel="nofollow noopener">{e.website}</a>}
            </dd></div>
          )}
        </dl>
      </section>
      <section>
        <h2>{t('entity.products', { count: products.total })}</h2>
        {products.items.length === 0 ? <p className="muted">{t('entity.noProducts')}</p>
          : <ul className="cards">{products.items.map((p) => <ProductCard key={p.id} p={p} t={t} lang={lang} />)}</ul>}
        <Pager t={t} lang={lang} path={entityPath(e.id)} params={(n) => ({ page: n > 1 ? n : undefined })} page={products.page} pages={pages} />
      </section>
    </div>
  ));
}
