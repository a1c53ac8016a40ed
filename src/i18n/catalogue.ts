import type { ResourceLanguage } from 'i18next';

/**
 * One language's messages as i18next namespaces, from its JSON files as `import.meta.glob`
 * returns them (`./locales/<language>/<namespace>.json` → the namespace's messages).
 */
export function catalogueOf(files: Record<string, unknown>): ResourceLanguage {
  const catalogue: ResourceLanguage = {};
  for (const [path, messages] of Object.entries(files)) {
    const namespace = /\/([^/]+)\.json$/.exec(path)?.[1];
    if (namespace) catalogue[namespace] = messages as ResourceLanguage[string];
  }
  return catalogue;
}
