// A product's public page (/san-pham/:id): photo, stars and certificate, producer, place, details, the producer's
// other products; schema.org Product (with hasCertification for a certificate in force) for search engines and
// link previews. Only the product's public fields (registry.fields.ts) reach it, through presentProduct.
import type { ReactNode } from 'react';
import { absolute, renderDocument, Stars, type Site } from '../../../app/html/document.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { formatDate, formatNumber } from '../../../web/format.js';
import type { fileOut, ProductOut } from '../registry.contract.js';
import type { z } from 'zod';
import { entityPath, groupName, ProductCard, ProductPicture, productPath } from './product-card.js';

/** The product's certificate as the scoring module reports it (passed in by the composition root). */
export type PublicCertification = {
  number: string; stars: number; status: 'valid' | 'expired' | 'revoked' | 'replaced';
  authority: string; issuedOn: string; expiresOn: string; extendedUntil: string | null;
};
export type CertificationLookup = (productId: string) => Promise<PublicCertification | null>;
/** The QR code of a product's GS1 Digital Link (its URI and SVG), drawn by the trace module. */
export type QrCodeLookup = (gtin: string) => Promise<{ uri: string; svg: string }>;

/** Where to buy the product, as the trade module reports it (passed in by the composition root): its entity's
 * verified, current sales channels for this product or for all its products, with the price listed there if any. */
export type PublicOffer = { type: string; partnerName: string; url: string | null; priceVnd: number | null };
export type OfferLookup = (productId: string, entityId: string) => Promise<PublicOffer[]>;

/** The report-a-problem form of the supervision module (handed in by the composition root): where it posts, the
 * categories it offers, how many photos it takes. Plain HTML: it works without JavaScript. */
export type ReportForm = { action: string; categories: { code: string; name: string; nameEn: string }[]; maxFiles: number };
/** The published good models about the product, as the programme module reports them (passed in by the composition
 * root): their names, one-line summaries and pages. */
export type PublicGoodModel = { name: string; summary: string; url: string };
export type GoodModelLookup = (productId: string) => Promise<PublicGoodModel[]>;

/** What the modules above the registry add to the page (each optional): the Digital Link's QR code, where to buy,
 * the report-a-problem form, the good models. */
export type ProductPageParts = { qr?: { uri: string; svg: string } | null; offers?: PublicOffer[]; reportForm?: ReportForm; goodModels?: PublicGoodModel[] };

export const verifyPath = (number: string) => `/xac-minh/${encodeURIComponent(number)}`;

/** schema.org Product; `hasCertification` (a schema.org Certification) only while the certificate is in force. */
export function productJsonLd(p: ProductOut, cert: PublicCertification | null, publicUrl: string, photos: string[], offers: PublicOffer[] = []) {
  const url = (path: string) => absolute(publicUrl, path);
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    ...(photos.length ? { image: photos.map(url) } : {}),
    sku: p.code,
    productID: p.code,
    category: p.productSet.name,
    url: url(productPath(p.id)),
    brand: { '@type': 'Brand', name: p.entity.name },
    manufacturer: {
      '@type': 'Organization', name: p.entity.name, url: url(entityPath(p.entity.id)),
      address: { '@type': 'PostalAddress', addressLocality: p.communeName, addressRegion: p.provinceName, addressCountry: 'VN' },
    },
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    ...(cert && cert.status === 'valid' ? { hasCertification: certificationJsonLd(cert, publicUrl) } : {}),
    ...(offers.length ? { offers: offers.map(offerJsonLd) } : {}),
  };
}

/** schema.org Offer of one verified channel: the seller, the shop's link, the price in đồng when listed. */
export function offerJsonLd(o: PublicOffer) {
  return {
    '@type': 'Offer',
    ...(o.url ? { url: o.url } : {}),
    ...(o.priceVnd !== null ? { price: o.priceVnd, priceCurrency: 'VND' } : {}),
    availability: 'https://schema.org/InStock',
    seller: { '@type': 'Organization', name: o.partnerName },
  };
}

/** schema.org Certification of an OCOP certificate: issuer, number, stars, validity, the verification page. */
export function certificationJsonLd(cert: PublicCertification, publicUrl: string) {
  return {
    '@type': 'Certification',
    name: `OCOP ${cert.stars} sao`,
    certificationIdentification: cert.number,
    certificationRating: { '@type': 'Rating', ratingValue: cert.stars, bestRating: 5, worstRating: 1 },
    certificationStatus: cert.status === 'valid' ? 'https://schema.org/CertificationActive' : 'https://schema.org/CertificationInactive',
    issuedBy: { '@type': 'Organization', name: cert.authority },
    validFrom: cert.issuedOn,
    expires: cert.extendedUntil ?? cert.expiresOn,
    url: absolute(publicUrl, verifyPath(cert.number)),
  };
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

type Photo = z.infer<typeof fileOut>;

export function renderProductPage(site: Site, p: ProductOut, photos: Photo[], others: ProductOut[], cert: PublicCertification | null, parts: ProductPageParts = {}): string {
  const { qr = null, offers = [], reportForm, goodModels = [] } = parts;
  const { t, lang } = site;
  const ps = p.productSet;
  const place = `${p.communeName}, ${p.provinceName}`;
  const description = p.stars
    ? t('site.productDescription', { name: p.name, stars: t('stars.label', { count: p.stars }), entity: p.entity.name, place })
    : t('site.productDescriptionUnrated', { name: p.name, entity: p.entity.name, place });
  const head = {
    title: p.name, description, ogType: 'product', image: p.imageUrl,
    jsonLd: [productJsonLd(p, cert, site.publicUrl, photos.map((f) => f.url), offers)],
  };
  return renderDocument(site, head, (
    <div className="wrap">
      <nav className="crumbs" aria-label={t('site.nav')}>
        <a href={localPath('/', lang)}>{t('app.catalogue')}</a> › <a href={localPath('/', lang, { group: ps.groupCode })}>{groupName(p, lang)}</a>
      </nav>
      <article className="product">
        <div>
          <div className="photo"><ProductPicture p={p} t={t} eager /></div>
          {photos.length > 1 && (
            <ul className="cards" aria-label={t('product.photos')}>
              {photos.slice(1).map((f) => <li key={f.id}><img className="thumb" src={f.url} alt={f.caption ?? t('product.photo', { name: p.name })} loading="lazy" /></li>)}
            </ul>
          )}
        </div>
        <div>
          <p><span className="tag">{lang === 'en' ? ps.sectorNameEn : ps.sectorName}</span> <span className="muted">{t(`productStatus.${p.status}`)}</span></p>
          <h1>{p.name}</h1>
          <p><Stars count={p.stars} t={t} /> {p.stars ? <strong>{t('stars.label', { count: p.stars })}</strong> : null}</p>
          {cert && (
            <div className={`cert ${cert.status}`} data-status={cert.status}>
              <p><strong>{t('site.certificate')}</strong> — {t(`cert.status.${cert.status}`)}</p>
              <p><a href={localPath(verifyPath(cert.number), lang)}>{t('site.certificateValidTo', { number: cert.number, date: formatDate(cert.extendedUntil ?? cert.expiresOn) })}</a></p>
            </div>
          )}
          <dl className="facts">
            <Fact label={t('product.entity')}><a href={localPath(entityPath(p.entity.id), lang)}>{p.entity.name}</a><br /><span className="muted">{t(`entityType.${p.entity.type}`)}</span></Fact>
            <Fact label={t('product.location')}>{place}</Fact>
            <Fact label={t('product.code')}><span className="mono">{p.code}</span></Fact>
            <Fact label={t('product.productSet')}>{lang === 'en' ? ps.nameEn : ps.name}</Fact>
            {p.standard && <Fact label={t('product.standard')}>{p.standard}</Fact>}
            <Fact label={t('product.status')}>{t(`productStatus.${p.status}`)} · {formatDate(p.updatedAt)}</Fact>
          </dl>
          <section>
            <h2>{t('product.description')}</h2>
            <p className={p.description ? 'text' : 'muted'}>{p.description ?? t('product.noDescription')}</p>
          </section>
          {offers.length > 0 && (
            <section className="offers">
              <h2>{t('channels.whereToBuy')}</h2>
              <ul>
                {offers.map((o, i) => (
                  <li key={i}>
                    {o.url ? <a href={o.url} rel="nofollow noopener" target="_blank">{o.partnerName}</a> : <strong>{o.partnerName}</strong>}
                    {' '}<span className="muted">{t(`channelType.${o.type}`)}</span>
                    {o.priceVnd !== null && <> · <span>{t('channels.price', { price: formatNumber(o.priceVnd) })}</span></>}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {goodModels.length > 0 && (
            <section className="good-models">
              <h2>{t('contentSite.productModels')}</h2>
              <ul>{goodModels.map((m) => <li key={m.url}><a href={localPath(m.url, lang)}>{m.name}</a><br /><span className="muted small">{m.summary}</span></li>)}</ul>
            </section>
          )}
          {p.ingredients && <section><h2>{t('product.ingredients')}</h2><p className="text">{p.ingredients}</p></section>}
          {p.rawMaterialArea && <section><h2>{t('product.rawMaterialArea')}</h2><p className="text">{p.rawMaterialArea}</p></section>}
          {qr && (
            <section>
              <h2>{t('trace.qrTitle')}</h2>
              <figure className="qr-figure">
                <a className="qr" href={qr.uri} dangerouslySetInnerHTML={{ __html: qr.svg }} />
                <figcaption className="muted small">{t('trace.qrCaption')} <span className="mono">{qr.uri}</span></figcaption>
              </figure>
            </section>
          )}
        </div>
      </article>
      {reportForm && <ReportFormSection site={site} productId={p.id} form={reportForm} />}
      {others.length > 0 && (
        <section>
          <h2>{t('product.otherProducts')}</h2>
          <ul className="cards">{others.map((o) => <ProductCard key={o.id} p={o} t={t} lang={lang} />)}</ul>
        </section>
      )}
    </div>
  ));
}

/** Report a problem: posts to the supervision module's page, which answers with the reference code to follow it. */
function ReportFormSection({ site, productId, form }: { site: Site; productId: string; form: ReportForm }) {
  const { t, lang } = site;
  return (
    <section id="phan-anh" aria-labelledby="phan-anh-h">
      <h2 id="phan-anh-h">{t('reports.form.title')}</h2>
      <p className="muted small">{t('reports.form.hint')}</p>
      <form method="post" action={localPath(form.action, lang)} encType="multipart/form-data" className="report">
        <input type="hidden" name="productId" value={productId} />
        <label htmlFor="report-category">{t('reports.form.category')}</label>
        <select id="report-category" name="category" required defaultValue="">
          <option value="" disabled>—</option>
          {form.categories.map((c) => <option key={c.code} value={c.code}>{lang === 'en' ? c.nameEn : c.name}</option>)}
        </select>
        <label htmlFor="report-message">{t('reports.form.message')}</label>
        <textarea id="report-message" name="message" required minLength={5} maxLength={2000} rows={4} />
        <label htmlFor="report-lot">{t('reports.form.lot')}</label>
        <input id="report-lot" name="lot" maxLength={80} autoComplete="off" />
        <label htmlFor="report-contact">{t('reports.form.contact')}</label>
        <input id="report-contact" name="contact" maxLength={200} autoComplete="off" />
        <span className="muted small">{t('reports.form.contactHint')}</span>
        {form.maxFiles > 0 && <>
          <label htmlFor="report-photos">{t('reports.form.photos', { count: form.maxFiles })}</label>
          <input id="report-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp" multiple />
        </>}
        {/* Left empty by people (it is hidden); filled by the robots that fill every field. */}
        <input className="hp" name="website" tabIndex={-1} autoComplete="off" aria-hidden="true" />
        <button className="button" type="submit">{t('reports.form.send')}</button>
      </form>
      <p className="small"><a href={localPath(form.action, lang)}>{t('reports.form.follow')}</a></p>
    </section>
  );
}
