// The public verification page (/xac-minh/:number): the address printed in the QR code of every certificate, so it
// never changes. Whoever scans it, often on a cheap phone in a shop, sees at once whether the certificate is valid:
// a coloured banner with the status in words, then the facts printed on the certificate.
import type { ReactNode } from 'react';
import type { z } from 'zod';
import { absolute, renderDocument, Stars, type Site } from '../../../app/html/document.js';
import { localPath } from '../../../app/html/site-i18n.js';
import { formatDate } from '../../../web/format.js';
import type { verifyOut } from '../certificates.contract.js';

export type Verification = z.infer<typeof verifyOut>;

export const verifyPath = (number: string) => `/xac-minh/${encodeURIComponent(number)}`;
export const pdfPath = (number: string) => `/api/v1/certificates/${encodeURIComponent(number)}/pdf`;

const ICON: Record<Verification['status'], string> = { valid: '✔', expired: '⌛', revoked: '✖', replaced: '➜' };

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return <div><dt>{label}</dt><dd>{children}</dd></div>;
}

/** schema.org Certification of the certificate, about its product. */
function certificationJsonLd(v: Verification, publicUrl: string) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Certification',
    name: `OCOP ${v.stars} sao`,
    certificationIdentification: v.number,
    certificationRating: { '@type': 'Rating', ratingValue: v.stars, bestRating: 5, worstRating: 1 },
    certificationStatus: v.valid ? 'https://schema.org/CertificationActive' : 'https://schema.org/CertificationInactive',
    issuedBy: { '@type': 'Organization', name: v.authority },
    validFrom: v.issuedOn,
    expires: v.extendedUntil ?? v.expiresOn,
    about: { '@type': 'Product', name: v.product.name, sku: v.product.code, url: absolute(publicUrl, `/san-pham/${v.product.id}`) },
    url: absolute(publicUrl, verifyPath(v.number)),
  };
}

export function renderVerifyPage(site: Site, v: Verification): string {
  const { t, lang } = site;
  const pick = (m: { vi: string; en: string }) => m[lang];
  const productHref = localPath(`/san-pham/${v.product.id}`, lang);
  const head = {
    title: `${t('cert.verifyTitle')} ${v.number}`,
    description: t('site.verifyDescription', { number: v.number, status: t(`cert.status.${v.status}`), product: v.product.name, stars: t('stars.label', { count: v.stars }), entity: v.entity.name }),
    jsonLd: [certificationJsonLd(v, site.publicUrl)],
  };
  return renderDocument(site, head, (
    <div className="wrap narrow">
      <h1>{t('cert.verifyTitle')}</h1>
      <div className={`cert ${v.status}`} role="status" data-status={v.status}>
        <p className="big"><span aria-hidden="true">{ICON[v.status]} </span>{t(`cert.status.${v.status}`)}</p>
        <p>{t(`cert.statusHint.${v.status}`)}</p>
      </div>
      <section>
        <p className="muted">{t('cert.product')}</p>
        <h2><a href={productHref}>{v.product.name}</a></h2>
        <p><Stars count={v.stars} t={t} /> <strong>{t('stars.label', { count: v.stars })}</strong></p>
      </section>
      <dl className="facts">
        <Fact label={t('cert.number')}><span className="mono">{v.number}</span></Fact>
        <Fact label={t('cert.entity')}><a href={localPath(`/chu-the/${v.entity.id}`, lang)}>{v.entity.name}</a></Fact>
        <Fact label={t('cert.province')}>{v.province.name}</Fact>
        <Fact label={t('cert.kindLabel')}>{t(`cert.kind.${v.kind}`)}</Fact>
        <Fact label={t('cert.issuedOn')}>{formatDate(v.issuedOn)}</Fact>
        <Fact label={t('cert.expiresOn')}>{formatDate(v.expiresOn)}{v.extendedUntil ? ` → ${formatDate(v.extendedUntil)}` : ''}</Fact>
        <Fact label={t('cert.authority')}>{v.authority}</Fact>
        <Fact label={t('cert.decision')}>{t('cert.decisionOf', { number: v.decisionNumber, date: formatDate(v.decidedOn) })}</Fact>
        <Fact label={t('cert.instrument')}>{v.instrument}</Fact>
        {v.replaces && <Fact label={t('cert.replaces')}><a className="mono" href={localPath(verifyPath(v.replaces), lang)}>{v.replaces}</a></Fact>}
        {v.replacedBy && <Fact label={t('cert.replacedBy')}><a className="mono" href={localPath(verifyPath(v.replacedBy), lang)}>{v.replacedBy}</a></Fact>}
      </dl>
      {v.revocation && (
        <div className="cert revoked">
          <p><strong>{t('cert.revocation')}: {pick(v.revocation.groundText)}</strong></p>
          <p>{t('cert.revocationOf', { number: v.revocation.decisionNumber, date: formatDate(v.revocation.decidedOn), authority: v.revocation.authority })}</p>
          {!!v.revocation.daysLate && v.revocation.deadlineOn && <p data-testid="revocation-late"><strong>{t('cert.revocationLate', { days: v.revocation.daysLate, deadline: formatDate(v.revocation.deadlineOn) })}</strong></p>}
        </div>
      )}
      <p><a className="button" href={pdfPath(v.number)}>{t('cert.pdf')}</a> <a href={productHref}>{t('cert.productPage')}</a></p>
      <p><a href={localPath('/giay-chung-nhan', lang)}>{t('cert.registerTitle')}</a></p>
    </div>
  ));
}
