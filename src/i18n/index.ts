/**
 * ConvLens's languages: English and Simplified Chinese, with i18next.
 *
 * Messages live in `locales/<language>/<namespace>.json`, one namespace per part of the app
 * (a file per feature, so features never edit each other's catalogues). Every JSON file in
 * those folders is picked up automatically. The language comes from `?lang=`, then the
 * remembered choice (localStorage), then the browser; anything Chinese maps to zh-CN.
 */
import i18next, { type Resource } from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文' };
/** localStorage key of the remembered language. */
export const LANGUAGE_STORAGE_KEY = 'convlens.language';

/** Maps any language tag onto a supported language ('zh', 'zh-Hans-CN', 'zh-TW' → zh-CN). */
export function toLanguage(tag: string | null | undefined): Language {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

/** All catalogues as i18next resources: { en: { common: {...}, ... }, 'zh-CN': {...} }. */
export function collectResources(): Resource {
  const resources: Resource = {};
  for (const [path, messages] of Object.entries(files)) {
    const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match;
    resources[language] ??= {};
    resources[language][namespace] = messages as Resource[string][string];
  }
  return resources;
}

export const NAMESPACES = [...new Set(Object.keys(files).map((p) => /([^/]+)\.json$/.exec(p)?.[1] ?? ''))].filter(Boolean);

let started: Promise<unknown> | null = null;

/** `<html lang>`, the page title and its description follow the language. */
function followLanguage(language: string): void {
  if (typeof document === 'undefined') return;
  document.documentElement.lang = toLanguage(language);
  document.title = i18next.t('common:documentTitle');
  document.querySelector('meta[name="description"]')?.setAttribute('content', i18next.t('common:description'));
}

/** Starts i18next once (synchronous resources, so the first render is already translated). */
export function startI18n(): typeof i18next {
  started ??= i18next
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: collectResources(),
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      ns: NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      detection: {
        order: ['querystring', 'localStorage', 'navigator'],
        lookupQuerystring: 'lang',
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: (tag: string) => toLanguage(tag),
      },
    });
  i18next.on('languageChanged', followLanguage);
  followLanguage(i18next.language);
  return i18next;
}

export { i18next };
