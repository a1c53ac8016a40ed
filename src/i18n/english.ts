import { catalogueOf } from './catalogue';

/**
 * The English messages the first screen needs (the shell, the input, the edge lab, the tour),
 * built into the first chunk: English is the default and the fallback language. The
 * namespaces of tabs 2-4 are left out here and listed in englishTabs.ts instead.
 */
export const english = catalogueOf(
  import.meta.glob(
    [
      './locales/en/*.json',
      '!./locales/en/{network,overview,teach,attribution,training,compare,lessons,exercises,replay,learned,digitMap,filterLooks,fooling,lessonSteps}.json',
    ],
    {
      eager: true,
      import: 'default',
    },
  ),
);
