/** Parts of the page whose short explanation lives in the lesson catalogue (`info.<key>`, `infoTopic.<key>`). */
export const PANEL_INFO_KEYS = [
  'lesson',
  'input',
  'pad',
  'samples',
  'prediction',
  'edgeLab',
  'rule',
  'convPool',
  'filterTable',
  'inspector',
  'network',
  'overview',
  'training',
  'replay',
  'architecture',
  'models',
  'status',
  'share',
] as const;
export type PanelInfoKey = (typeof PANEL_INFO_KEYS)[number];

/** The kebab-case hook of a key, as in data-testid="info-<hook>": `convPool` → `conv-pool`. */
export function infoHook(key: PanelInfoKey): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
