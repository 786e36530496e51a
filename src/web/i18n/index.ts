// i18next set up with Vietnamese by default; the visitor's choice is kept in localStorage and mirrored in <html lang>.
// The English strings load only for who asks for them (english.ts): most visitors read Vietnamese, many on a phone.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { vi } from './vi.js';
import { scoringVi } from './scoring.vi.js';
import { accountsVi } from './accounts.vi.js';
import { notificationsVi } from './notifications.vi.js';
import { mobileVi } from './mobile.vi.js';
import { todoVi } from './todo.vi.js';
import { traceVi } from './trace.vi.js';
import { tradeVi } from './trade.vi.js';
import { inspectionsVi } from './inspections.vi.js';
import { reportsVi } from './reports.vi.js';
import { integrityVi } from './integrity.vi.js';
import { programmeVi } from './programme.vi.js';
import { contentVi } from './content.vi.js';
import { tradeEventsVi } from './trade-events.vi.js';
import { dashboardVi } from './dashboard.vi.js';
import { capacityVi } from './capacity.vi.js';

/** Each area's Vietnamese strings; english.ts has the same areas in English, in this order (its type checks it). */
export const VI_AREAS = [
  vi, scoringVi, accountsVi, notificationsVi, mobileVi, todoVi, traceVi, tradeVi, reportsVi, integrityVi, programmeVi,
  contentVi, tradeEventsVi, dashboardVi, inspectionsVi, capacityVi,
] as const;
const merged = (areas: readonly object[]) => Object.assign({}, ...areas) as Record<string, unknown>;

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
  resources: { vi: { translation: merged(VI_AREAS) } },
  lng: 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
  returnNull: false,
});

let english: Promise<void> | undefined;
/** The English strings, fetched once (again after a failure). */
const loadEnglish = () => (english ??= import('./english.js').then(({ EN_AREAS }) => {
  i18n.addResourceBundle('en', 'translation', merged(EN_AREAS));
}, (e: unknown) => {
  english = undefined;
  throw e;
}));

async function show(lang: Lang) {
  if (lang === 'en') await loadEnglish();
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

/** Resolves once the visitor's language can be shown: main.tsx renders after it, so English never flashes Vietnamese. */
export const languageReady: Promise<void> = show(storedLang()).catch(() => show('vi'));

/** Shows `lang` and remembers it; on a lost connection (English not fetched) the page stays as it was. */
export function setLanguage(lang: Lang): Promise<void> {
  return show(lang).then(() => {
    try { localStorage.setItem(STORAGE_KEY, lang); } catch { /* private mode: the choice lasts this visit */ }
    document.cookie = `${COOKIE}=${lang}; path=/; max-age=31536000; samesite=lax`;
  }, () => undefined);
}

export const currentLang = (): Lang => (i18n.language === 'en' ? 'en' : 'vi');

/** Picks the visitor's language out of a {vi, en} message from the API. */
export function useLocalized() {
  const { i18n: inst } = useTranslation();
  const lang: Lang = inst.language === 'en' ? 'en' : 'vi';
  return { lang, pick: (m: { vi: string; en: string } | undefined) => (m ? m[lang] : undefined), pickName: (vi: string, en: string) => (lang === 'en' ? en : vi) };
}

export default i18n;
