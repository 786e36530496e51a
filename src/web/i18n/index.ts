// i18next set up with Vietnamese by default; the visitor's choice is kept in localStorage and mirrored in <html lang>.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.js';
import { vi } from './vi.js';
import { scoringVi } from './scoring.vi.js';
import { scoringEn } from './scoring.en.js';
import { accountsVi } from './accounts.vi.js';
import { accountsEn } from './accounts.en.js';
import { notificationsVi } from './notifications.vi.js';
import { notificationsEn } from './notifications.en.js';
import { mobileVi } from './mobile.vi.js';
import { mobileEn } from './mobile.en.js';
import { todoVi } from './todo.vi.js';
import { todoEn } from './todo.en.js';
import { traceVi } from './trace.vi.js';
import { traceEn } from './trace.en.js';
import { tradeVi } from './trade.vi.js';
import { tradeEn } from './trade.en.js';
import { inspectionsVi } from './inspections.vi.js';
import { inspectionsEn } from './inspections.en.js';
import { reportsVi } from './reports.vi.js';
import { reportsEn } from './reports.en.js';
import { integrityVi } from './integrity.vi.js';
import { integrityEn } from './integrity.en.js';
import { programmeVi } from './programme.vi.js';
import { programmeEn } from './programme.en.js';
import { contentVi } from './content.vi.js';
import { contentEn } from './content.en.js';
import { tradeEventsVi } from './trade-events.vi.js';
import { tradeEventsEn } from './trade-events.en.js';
import { dashboardVi } from './dashboard.vi.js';
import { dashboardEn } from './dashboard.en.js';
import { capacityVi } from './capacity.vi.js';
import { capacityEn } from './capacity.en.js';

/** Each area's strings: one line an area, Vietnamese then English. */
const AREAS = [
  [vi, en],
  [scoringVi, scoringEn],
  [accountsVi, accountsEn],
  [notificationsVi, notificationsEn],
  [mobileVi, mobileEn],
  [todoVi, todoEn],
  [traceVi, traceEn],
  [tradeVi, tradeEn],
  [reportsVi, reportsEn],
  [integrityVi, integrityEn],
  [programmeVi, programmeEn],
  [contentVi, contentEn],
  [tradeEventsVi, tradeEventsEn],
  [dashboardVi, dashboardEn],
  [inspectionsVi, inspectionsEn],
  [capacityVi, capacityEn],
];
const strings = (lang: 0 | 1) => Object.assign({}, ...AREAS.map((area) => area[lang])) as Record<string, unknown>;

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'ocop.lang';

/** The `lang` cookie is the choice the server-rendered public pages read and write (?lang=en sets it): the app
 * follows it first, so both sides agree; localStorage keeps the choice where cookies are off. */
const COOKIE = 'lang';
function cookieLang(): Lang | undefined {
  const m = /(?:^|;\s*)lang=(vi|en)(?:;|$)/.exec(document.cookie);
  return m ? (m[1] as Lang) : undefined;
}

function storedLang(): Lang {
  const fromCookie = cookieLang();
  if (fromCookie) return fromCookie;
  try { return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'; } catch { return 'vi'; }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: strings(0) }, en: { translation: strings(1) } },
  lng: storedLang(),
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18n.language;

export function setLanguage(lang: Lang) {
  try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* private mode: the choice lasts this visit */ }
  document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'vi');

/** Picks the visitor's language out of a {vi, en} message from the API. */
export function useLocalized() {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'vi';
  return { lang, pick: (m: { vi: string; en: string } | undefined) => (m ? m[lang] : undefined), pickName: (vi: string, en: string) => (lang === 'en' ? en : vi) };
}

export default i18n;
