import { catalogueOf } from './catalogue';

/**
 * The English messages only tabs 2-4 use: a chunk of their own, loaded with those tabs (see
 * index.ts and components/shell/lazyTabs.ts). Exactly the namespaces english.ts leaves out.
 */
export const englishTabs = catalogueOf(
  import.meta.glob('./locales/en/{network,overview,teach,attribution,training,compare,lessons,exercises,replay,learned,digitMap,filterLooks,fooling}.json', {
    eager: true,
    import: 'default',
  }),
);
