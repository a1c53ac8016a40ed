/**
 * ConvLens's languages: English and Simplified Chinese, with i18next.
 *
 * Messages live in `locales/<language>/<namespace>.json`, one namespace per part of the app
 * (a file per feature, so features never edit each other's catalogues). Every JSON file in
 * those folders is picked up automatically. The language comes from `?lang=`, then the
 * remembered choice (localStorage), then the browser; anything Chinese maps to zh-CN.
 *
 * The English of the first screen is built into the first chunk (English is also the
 * fallback); the English of tabs 2-4 comes with those tabs, and the Chinese catalogue is a
 * chunk of its own, fetched before the first render when Chinese is chosen at the start, or
 * when the user switches. The service worker precaches every chunk, so all of it works offline.
 */
import i18next, { type BackendModule, type Resource, type ResourceLanguage } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { english } from './english';

import { LANGUAGES, detectLanguage, toLanguage, type Language } from './languages';

export { LANGUAGES, detectLanguage, parseLanguage, toLanguage, type Language } from './languages';
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
/** localStorage key of the remembered language. */
export const LANGUAGE_STORAGE_KEY = 'convlens.language';

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Remembers the language in use for the next visit (nothing is lost if storage refuses). */
function rememberLanguage(language: string): void {
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, toLanguage(language));
  } catch {
    // Private browsing or a full quota: the language is simply detected again next time.
  }
}

/** Each language's whole catalogue; of these, only `english` is in the first chunk. */
const CATALOGUES: Record<Language, () => Promise<ResourceLanguage>> = {
  en: () =>
    Promise.all([import('./englishTabs'), import('./englishLesson')]).then(([tabs, lesson]) => ({ ...english, ...tabs.englishTabs, ...lesson.englishLesson })),
  'zh-CN': () => import('./chinese').then((m) => m.chinese),
};

/** All catalogues as i18next resources: { en: { common: {...}, ... }, 'zh-CN': {...} }. */
export async function collectResources(): Promise<Resource> {
  const catalogues = await Promise.all(LANGUAGES.map((language) => CATALOGUES[language]()));
  return Object.fromEntries(LANGUAGES.map((language, i) => [language, catalogues[i]]));
}

/** The namespaces loaded up front; the others load when a component first asks for them. */
export const NAMESPACES = Object.keys(english);

/** i18next's loader for the messages not built in: a namespace comes from its language's catalogue chunk. */
const catalogueChunks: BackendModule = {
  type: 'backend',
  callbackApi: true,
  init: () => {},
  read(language, namespace, callback) {
    CATALOGUES[toLanguage(language)]().then(
      (catalogue) => callback(null, catalogue[namespace] ?? {}),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};

let started: Promise<unknown> | null = null;

/** `<html lang>`, the page title and its description follow the language. */
function followLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = toLanguage(language);
  document.title = i18next.t('common:documentTitle');
  document.querySelector('meta[name="description"]')?.setAttribute('content', i18next.t('common:description'));
}

/**
 * Starts i18next once; resolves when the chosen language's messages are in (at once for
 * English), so the first render is already translated.
 */
export function startI18n(): Promise<unknown> {
  const hasWindow = typeof window !== 'undefined';
  const lng = hasWindow ? detectLanguage(window.location.search, rememberedLanguage(), navigator.languages ?? [navigator.language]) : 'en';
  started ??= i18next
    .use(catalogueChunks)
    .use(initReactI18next)
    .init({
      resources: { en: english },
      partialBundledLanguages: true,
      lng,
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
  i18next.on('languageChanged', (language) => {
    followLanguage(language);
    if (hasWindow) rememberLanguage(language);
  });
  followLanguage(i18next.language);
  if (hasWindow) rememberLanguage(i18next.language);
  return started;
}

export { i18next };
