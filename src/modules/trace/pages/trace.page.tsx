// The public trace page (/truy-xuat/01/{gtin}[/10/{lot}[/21/{serial}]]), what a QR code on a pack opens: the product
// and its producer, the OCOP certificate's live status, the product story, the raw-material area, the journey as a
// timeline with a static map, a form to report a problem and one to say where the reader is. Plain HTML that works
// with JavaScript off on a cheap phone; schema.org Product for search engines.
import type { ReactNode } from 'react';
import { absolute, renderDocument, Stars, type Site } from '../../../app/html/document.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { formatDate } from '../../../web/format.js';
import type { ProductOut } from '../../registry/index.js';
import type { JourneyStep } from '../trace.rules.js';

export type TraceCertificate = {
  number: string; stars: number; status: 'valid' | 'expired' | 'revoked' | 'replaced';
  authority: string; issuedOn: string; expiresOn: string; extendedUntil: string | null;
};

export type TimelineItem = { step: JourneyStep; time: string; place: string | null; provinceName: string | null; inputs: string[] };
export type AreaItem = { name: string; provinceName: string | null; description: string | null };
/** The registry's raw-material area the batch names as its origin. */
export type LotAreaItem = { name: string; provinceName: string | null; farmingStandard: string; areaHa: number | null; produce: string[]; latitude: number; longitude: number; position: string };

export type TracePageData = {
  product: ProductOut;
  gtin: string;
  /** `latest`: the product's own code shows its latest batch, which is not the code's own lot. */
  lot: { lot: string; producedOn: string | null; expiresOn: string | null; latest?: boolean } | null;
  serial: string | null;
  digitalLink: string;
  certificate: TraceCertificate | null;
  areas: AreaItem[];
  lotArea?: LotAreaItem | null;
  timeline: TimelineItem[];
  mapSvg: string | null;
  provinces: { code: string; name: string; nameEn: string }[];
  /** What the last form post left to say: a thank-you, or why it was refused (with what was typed). */
  notice?: { form: 'report' | 'where'; kind: 'ok' | 'invalid' | 'limited' | 'refused'; message?: string; contact?: string };
};

export const verifyPath = (number: string) => `/xac-minh/${encodeURIComponent(number)}`;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

/** schema.org Product with its GTIN, producer, and the certificate while in force. */
function traceJsonLd(d: TracePageData, publicUrl: string) {
  const p = d.product;
  const c = d.certificate;
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    ...(p.description ? { description: p.description } : {}),
    gtin14: d.gtin,
    sku: p.code,
    url: absolute(publicUrl, `/san-pham/${p.id}`),
    identifier: d.digitalLink,
    brand: { '@type': 'Brand', name: p.entity.name },
    manufacturer: { '@type': 'Organization', name: p.entity.name, url: absolute(publicUrl, `/chu-the/${p.entity.id}`), address: { '@type': 'PostalAddress', addressLocality: p.communeName, addressRegion: p.provinceName, addressCountry: 'VN' } },
    countryOfOrigin: { '@type': 'Country', name: 'VN' },
    ...(d.lot?.producedOn && !d.lot.latest ? { productionDate: d.lot.producedOn } : {}),
    ...(c && c.status === 'valid' ? {
      hasCertification: {
        '@type': 'Certification', name: `OCOP ${c.stars} sao`, certificationIdentification: c.number,
        certificationRating: { '@type': 'Rating', ratingValue: c.stars, bestRating: 5, worstRating: 1 },
        certificationStatus: 'https://schema.org/CertificationActive', issuedBy: { '@type': 'Organization', name: c.authority },
        validFrom: c.issuedOn, expires: c.extendedUntil ?? c.expiresOn, url: absolute(publicUrl, verifyPath(c.number)),
      },
    } : {}),
  };
}

function Certificate({ c, site }: { c: TraceCertificate | null; site: Site }) {
  const { t, lang } = site;
  if (!c) return <p className="muted">{t('trace.noCertificate')}</p>;
  const extended = c.status === 'valid' && c.extendedUntil !== null;
  return (
    <div className={`cert ${c.status}`} data-status={extended ? 'extended' : c.status}>
      <p className="big"><Stars count={c.stars} t={t} /> {t(`cert.status.${c.status}`)}{extended ? ` · ${t('trace.extended')}` : ''}</p>
      <p><a href={localPath(verifyPath(c.number), lang)}>{t('trace.certificateLine', { number: c.number, authority: c.authority })}</a></p>
      <p>{extended ? t('trace.extendedUntil', { date: formatDate(c.extendedUntil) }) : t('trace.validUntil', { date: formatDate(c.expiresOn) })}</p>
    </div>
  );
}

function Notice({ d, form, site }: { d: TracePageData; form: 'report' | 'where'; site: Site }) {
  const n = d.notice;
  if (!n || n.form !== form) return null;
  const { t } = site;
  const text = n.kind === 'ok' ? t(form === 'report' ? 'trace.thanks' : 'trace.whereThanks')
    : n.kind === 'invalid' ? t('trace.reportInvalid') : n.kind === 'limited' ? t('trace.reportLimited') : t('trace.reportRefused');
  return <p className={`notice ${n.kind === 'ok' ? 'ok' : 'bad'}`} role={n.kind === 'ok' ? 'status' : 'alert'}>{text}</p>;
}

export function renderTracePage(site: Site, d: TracePageData, path: string): string {
  const { t, lang } = site;
  const p = d.product;
  const place = `${p.communeName}, ${p.provinceName}`;
  const head = {
    title: t('trace.title', { name: p.name }),
    description: t('trace.description', { name: p.name, entity: p.entity.name, place }),
    ogType: 'product',
    jsonLd: [traceJsonLd(d, site.publicUrl)],
  };
  const n = d.notice;
  return renderDocument(site, head, (
    <div className="wrap trace">
      <header className="trace-head">
        <p className="muted">{t('trace.code')}: <span className="mono">{d.gtin}</span>{d.lot && !d.lot.latest ? ` · ${t('trace.lot', { lot: d.lot.lot })}` : ''}{d.serial ? ` · ${t('trace.serial', { serial: d.serial })}` : ''}</p>
        <h1>{p.name}</h1>
        <p><Stars count={p.stars} t={t} /> <a href={localPath(`/chu-the/${p.entity.id}`, lang)}>{p.entity.name}</a> · {place}</p>
      </header>
      <section aria-labelledby="cert-h">
        <h2 id="cert-h">{t('trace.certificate')}</h2>
        <Certificate c={d.certificate} site={site} />
      </section>
      <dl className="facts">
        <Fact label={t('trace.producer')}><a href={localPath(`/chu-the/${p.entity.id}`, lang)}>{p.entity.name}</a><br /><span className="muted">{t(`entityType.${p.entity.type}`)}</span></Fact>
        {d.lot && (d.lot.latest
          ? <Fact label={t('trace.latestLot')}><a className="mono" href={localPath(`/truy-xuat/01/${d.gtin}/10/${encodeURIComponent(d.lot.lot)}`, lang)}>{d.lot.lot}</a></Fact>
          : <Fact label={t('trace.lotLabel')}><span className="mono">{d.lot.lot}</span></Fact>)}
        {d.lot?.producedOn && <Fact label={t('trace.producedOn')}>{formatDate(d.lot.producedOn)}</Fact>}
        {d.lot?.expiresOn && <Fact label={t('trace.expiresOn')}>{formatDate(d.lot.expiresOn)}</Fact>}
        <Fact label={t('product.location')}>{place}</Fact>
        <Fact label={t('trace.code')}><span className="mono">{d.digitalLink}</span></Fact>
      </dl>
      <p><a href={localPath(`/san-pham/${p.id}`, lang)}>{t('trace.productPage')}</a></p>
      <section>
        <h2>{t('trace.story')}</h2>
        <p className={p.description ? 'text' : 'muted'}>{p.description ?? t('trace.noStory')}</p>
      </section>
      {(d.lotArea || d.areas.length > 0 || p.rawMaterialArea) && (
        <section>
          <h2>{t('trace.area')}</h2>
          {d.lotArea && (
            <p className="lot-area">{t('trace.lotArea')} <strong>{d.lotArea.name}</strong>{d.lotArea.provinceName ? ` — ${d.lotArea.provinceName}` : ''}<br />
              {t('trace.areaStandard', { standard: t(`trace.farmingStandard.${d.lotArea.farmingStandard}`) })}
              {d.lotArea.areaHa !== null && <> · {t('trace.areaSize', { size: d.lotArea.areaHa.toLocaleString(lang === 'en' ? 'en' : 'vi') })}</>}
              {d.lotArea.produce.length > 0 && <><br />{t('trace.areaProduce', { list: d.lotArea.produce.join(', ') })}</>}
              <br />{t('trace.areaPosition')}: <a href={`https://www.openstreetmap.org/?mlat=${d.lotArea.latitude.toFixed(5)}&mlon=${d.lotArea.longitude.toFixed(5)}#map=13/${d.lotArea.latitude.toFixed(5)}/${d.lotArea.longitude.toFixed(5)}`} rel="noopener nofollow">{d.lotArea.position}</a>
            </p>
          )}
          {!d.lotArea && d.areas.map((a, i) => <p key={i}><strong>{a.name}</strong>{a.provinceName ? ` — ${a.provinceName}` : ''}{a.description ? <><br /><span className="text">{a.description}</span></> : null}</p>)}
          {!d.lotArea && d.areas.length === 0 && <p className="text">{p.rawMaterialArea}</p>}
        </section>
      )}
      <section aria-labelledby="journey-h">
        <h2 id="journey-h">{t('trace.journey')}</h2>
        {d.timeline.length === 0 ? <p className="muted">{t('trace.noJourney')}</p> : (
          <div className="journey">
            <ol className="timeline">
              {d.timeline.map((e, i) => (
                <li key={i} className={`step-${e.step}`} data-step={e.step}>
                  <strong>{i + 1}. {t(`trace.step.${e.step}`)}</strong> <time dateTime={e.time}>{formatDate(e.time)}</time>
                  {e.place && <><br /><span>{t('trace.at', { place: e.provinceName ? `${e.place}, ${e.provinceName}` : e.place })}</span></>}
                  {e.inputs.length > 0 && <><br /><span className="muted">{t('trace.from', { inputs: e.inputs.join(', ') })}</span></>}
                </li>
              ))}
            </ol>
            {d.mapSvg && <figure className="map-box" dangerouslySetInnerHTML={{ __html: d.mapSvg }} />}
          </div>
        )}
      </section>
      <section id="noi-quet" aria-labelledby="where-h">
        <h2 id="where-h">{t('trace.where')}</h2>
        <Notice d={d} form="where" site={site} />
        <form method="post" action={localPath(`${path}/noi-quet`, lang)} className="inline-form">
          <label className="sr" htmlFor="province">{t('trace.where')}</label>
          <select id="province" name="province" required defaultValue="">
            <option value="" disabled>—</option>
            {d.provinces.map((pr) => <option key={pr.code} value={pr.code}>{lang === 'en' ? pr.nameEn : pr.name}</option>)}
          </select>
          <button className="button" type="submit">{t('trace.whereSend')}</button>
        </form>
        <p className="muted small">{t('trace.whereHint')}</p>
      </section>
      <section id="bao-cao" aria-labelledby="report-h">
        <h2 id="report-h">{t('trace.report')}</h2>
        <p className="muted small">{t('trace.reportHint')}</p>
        <Notice d={d} form="report" site={site} />
        <form method="post" action={localPath(`${path}/bao-cao`, lang)} className="report">
          <label htmlFor="message">{t('trace.message')}</label>
          <textarea id="message" name="message" required minLength={5} maxLength={2000} rows={4} defaultValue={n?.form === 'report' && n.kind !== 'ok' ? n.message : undefined} />
          <label htmlFor="contact">{t('trace.contact')}</label>
          <input id="contact" name="contact" maxLength={200} autoComplete="off" defaultValue={n?.form === 'report' && n.kind !== 'ok' ? n.contact : undefined} />
          <span className="muted small">{t('trace.contactHint')}</span>
          {/* Left empty by people (it is hidden); filled by the robots that fill every field. */}
          <input className="hp" name="website" tabIndex={-1} autoComplete="off" aria-hidden="true" />
          <button className="button" type="submit">{t('trace.send')}</button>
        </form>
      </section>
    </div>
  ));
}
