// The public pages' language: Vietnamese by default, English with ?lang=en or the `lang` cookie. The same cookie is
// written by the web app's language switch (src/web/i18n/index.ts), so a visitor's choice holds on both sides. The
// strings are the web app's own resources (src/web/i18n), read here by a server-side i18next instance.
import i18next, { type TFunction } from 'i18next';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { en } from '../../web/i18n/en.js';
import { scoringEn } from '../../web/i18n/scoring.en.js';
import { scoringVi } from '../../web/i18n/scoring.vi.js';
import { siteEn } from '../../web/i18n/site.en.js';
import { siteVi } from '../../web/i18n/site.vi.js';
import { traceSiteEn } from '../../web/i18n/trace-site.en.js';
import { traceSiteVi } from '../../web/i18n/trace-site.vi.js';
import { vi } from '../../web/i18n/vi.js';
import { tradeEn } from '../../web/i18n/trade.en.js';
import { tradeVi } from '../../web/i18n/trade.vi.js';
import { reportsEn } from '../../web/i18n/reports.en.js';
import { reportsVi } from '../../web/i18n/reports.vi.js';
import { contentEn } from '../../web/i18n/content.en.js';
import { contentVi } from '../../web/i18n/content.vi.js';
import { tradeEventsEn } from '../../web/i18n/trade-events.en.js';
import { tradeEventsVi } from '../../web/i18n/trade-events.vi.js';
import { dashboardEn } from '../../web/i18n/dashboard.en.js';
import { dashboardVi } from '../../web/i18n/dashboard.vi.js';

export type Lang = 'vi' | 'en';
export const LANG_COOKIE = 'lang';
const YEAR_SECONDS = 365 * 24 * 3600;

const instance = i18next.createInstance();
void instance.init({
  resources: { vi: { translation: { ...vi, ...scoringVi, ...tradeVi, ...contentVi, ...dashboardVi, ...siteVi, ...traceSiteVi, ...reportsVi, ...tradeEventsVi } }, en: { translation: { ...en, ...scoringEn, ...tradeEn, ...contentEn, ...dashboardEn, ...siteEn, ...traceSiteEn, ...reportsEn, ...tradeEventsEn } } },
  lng: 'vi', fallbackLng: 'vi', initAsync: false, returnNull: false,
  // React escapes every string it renders: i18next must not escape them a second time.
  interpolation: { escapeValue: false },
});

/** A language's t(), remembering the strings it looked up without options (most of a page's): the resources never
 * change while the server runs, and i18next's lookup of a plain key costs more than a page's rendering of it. */
function remembering(t: TFunction): TFunction {
  const plain = new Map<string, string>();
  const lookup = t as unknown as (...args: unknown[]) => string;
  return ((...args: unknown[]) => {
    const [key] = args;
    if (args.length !== 1 || typeof key !== 'string') return lookup(...args);
    let text = plain.get(key);
    if (text === undefined) plain.set(key, text = lookup(key));
    return text;
  }) as unknown as TFunction;
}

const translators: Record<Lang, TFunction> = { vi: remembering(instance.getFixedT('vi')), en: remembering(instance.getFixedT('en')) };
export const translator = (lang: Lang): TFunction => translators[lang];

const asLang = (v: unknown): Lang | undefined => (v === 'en' || v === 'vi' ? v : undefined);

/** The language asked for by the query (?lang=), else the cookie, else Vietnamese. */
export function languageOf(req: FastifyRequest): Lang {
  return asLang((req.query as Record<string, unknown> | undefined)?.lang) ?? asLang(req.cookies?.[LANG_COOKIE]) ?? 'vi';
}

/** A ?lang= in the address becomes the visitor's choice for the next pages too. */
export function rememberLanguage(req: FastifyRequest, reply: FastifyReply, lang: Lang) {
  if (asLang((req.query as Record<string, unknown> | undefined)?.lang) && req.cookies?.[LANG_COOKIE] !== lang) {
    reply.setCookie(LANG_COOKIE, lang, { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax' });
  }
}

/** A path of the public site in the visitor's language: English pages link to English pages (`?lang=en`). */
export function localPath(path: string, lang: Lang, params: Record<string, string | number | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  if (lang === 'en') q.set('lang', 'en');
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}
