/**
 * ConvLens's languages and the one parser of a language tag, shared by the `?lang=` link key
 * (src/state/shareState.ts) and the start-up detection (./index.ts). Pure: no i18next, no React.
 */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Reads a language tag: any English tag ('en', 'en-GB') is English, any Chinese tag ('zh',
 * 'zh-CN', 'zh-Hans-CN', 'zh-TW') Simplified Chinese; anything else is not a language of
 * ConvLens (null).
 */
export function parseLanguage(tag: string | null | undefined): Language | null {
  if (!tag) return null;
  if (/^zh(?:-|$)/i.test(tag)) return 'zh-CN';
  if (/^en(?:-|$)/i.test(tag)) return 'en';
  return null;
}

/** Maps any language tag onto a supported language; English for anything not Chinese. */
export function toLanguage(tag: string | null | undefined): Language {
  return parseLanguage(tag) ?? 'en';
}

/**
 * The language to start in: `?lang=` in `search` when it names a language of ConvLens, then
 * the remembered choice, then the browser's preferred languages (the first that is set;
 * anything Chinese is zh-CN, anything else English).
 */
export function detectLanguage(search: string, remembered: string | null, preferred: readonly string[]): Language {
  const fromLink = parseLanguage(new URLSearchParams(search).get('lang'));
  if (fromLink) return fromLink;
  return toLanguage([remembered, ...preferred].find((t) => t));
}
