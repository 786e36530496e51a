// The public report pages: following a report by its reference code, and the answer to a form that could not be
// sent. Plain HTML, no script; the reporter's contact and message are never shown here, only the status.
import { renderDocument, type Site } from '../../../app/html/document.js';
import { localPath } from '../../../app/html/site-i18n.js';
import type { Message } from '../../../app/errors.js';
import { formatDate } from '../../../web/format.js';
import { REPORT_DATA } from '../reports.rules.js';
import type { ReportStatus } from '../reports.tables.js';

const LOOKUP = '/phan-anh';

function LookupForm({ site, typed }: { site: Site; typed?: string }) {
  const { t, lang } = site;
  return (
    <form method="get" action={LOOKUP} className="report">
      {lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <label htmlFor="ma">{t('reports.site.reference')}</label>
      <input id="ma" name="ma" required maxLength={40} autoComplete="off" placeholder="PA-2026-XXXXXXXX" defaultValue={typed} className="mono" />
      <button className="button" type="submit">{t('reports.site.lookup')}</button>
    </form>
  );
}

export function renderLookupPage(site: Site, d: { typed?: string; problem?: 'invalid' | 'not_found' }): string {
  const { t } = site;
  return renderDocument(site, { title: t('reports.site.lookupTitle'), description: t('reports.site.lookupHint'), noindex: true }, (
    <div className="wrap narrow">
      <h1>{t('reports.site.lookupTitle')}</h1>
      <p>{t('reports.site.lookupHint')}</p>
      {d.problem && <p className="notice bad" role="alert">{t(d.problem === 'invalid' ? 'reports.site.invalidReference' : 'reports.site.notFound')}</p>}
      <LookupForm site={site} typed={d.typed} />
    </div>
  ));
}

export function renderStatusPage(site: Site, d: { reference: string; status: ReportStatus; updatedAt: string; fresh: boolean }): string {
  const { t, lang } = site;
  const sla = REPORT_DATA.serviceLevel;
  return renderDocument(site, { title: t('reports.site.statusTitle', { reference: d.reference }), description: t('reports.site.lookupHint'), noindex: true }, (
    <div className="wrap narrow">
      {d.fresh && (
        <div className="notice ok" role="status">
          <p>{t('reports.site.received')}</p>
          <p>{t('reports.site.keepReference')}</p>
        </div>
      )}
      <h1>{t('reports.site.statusHeading')}</h1>
      <p className="big"><span className="mono" data-reference={d.reference}>{d.reference}</span></p>
      <dl className="facts">
        <div><dt>{t('reports.site.status')}</dt><dd data-status={d.status}><strong>{t(`reports.status.${d.status}`)}</strong></dd></div>
        <div><dt>{t('reports.site.updatedAt')}</dt><dd>{formatDate(d.updatedAt)}</dd></div>
      </dl>
      <p className="muted small">{t('reports.site.statusHelp.' + d.status)}</p>
      <p className="muted small">{t('reports.site.serviceLevel', { days: sla.workingDays })} {lang === 'en' ? sla.noteEn : sla.note}</p>
      <h2>{t('reports.site.lookupAnother')}</h2>
      <LookupForm site={site} />
    </div>
  ));
}

export function renderSendFailedPage(site: Site, d: { problem?: 'invalid' | 'limited' | 'refused'; message?: Message; productId?: string }): string {
  const { t, lang } = site;
  const text = d.message ? d.message[lang] : t(`reports.site.problem.${d.problem ?? 'invalid'}`);
  return renderDocument(site, { title: t('reports.site.failedTitle'), description: text, noindex: true }, (
    <div className="wrap narrow">
      <h1>{t('reports.site.failedTitle')}</h1>
      <p className="notice bad" role="alert">{text}</p>
      {d.productId && /^[0-9a-f-]{36}$/i.test(d.productId) && <p><a href={`${localPath(`/san-pham/${d.productId}`, lang)}#phan-anh`}>{t('reports.site.backToProduct')}</a></p>}
      <p><a href={localPath('/', lang)}>{t('app.backHome')}</a></p>
    </div>
  ));
}
