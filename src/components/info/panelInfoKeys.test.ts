import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/lesson.json';
import zh from '../../i18n/locales/zh-CN/lesson.json';
import { infoHook, PANEL_INFO_KEYS } from './panelInfoKeys';

describe('the panel explanations', () => {
  it.each([
    ['en', en],
    ['zh-CN', zh],
  ] as const)('are real text with a topic in %s, and nothing else is in the catalogue', (_, messages) => {
    const info = messages.info as Record<string, string>;
    const topics = messages.infoTopic as Record<string, string>;
    for (const key of PANEL_INFO_KEYS) {
      expect(info[key]?.length ?? 0, key).toBeGreaterThan(messages === en ? 40 : 20);
      expect(topics[key], key).toBeTruthy();
    }
    expect(Object.keys(info).sort()).toEqual([...PANEL_INFO_KEYS].sort());
    expect(Object.keys(topics).sort()).toEqual([...PANEL_INFO_KEYS].sort());
  });

  it('name their test hooks in kebab case', () => {
    expect(infoHook('convPool')).toBe('conv-pool');
    expect(infoHook('filterTable')).toBe('filter-table');
    expect(infoHook('input')).toBe('input');
  });
});
