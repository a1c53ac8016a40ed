import { describe, expect, it } from 'vitest';
import { english } from './english';
import { englishLesson } from './englishLesson';
import { englishTabs } from './englishTabs';
import { collectResources, detectLanguage, LANGUAGES, NAMESPACES, parseLanguage, toLanguage } from './index';

/** Every key path of a nested catalogue, e.g. "panel.title". */
function keys(messages: unknown, prefix = ''): string[] {
  if (typeof messages !== 'object' || messages === null) return [prefix];
  return Object.entries(messages).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function leaves(messages: unknown): string[] {
  if (typeof messages === 'string') return [messages];
  if (typeof messages !== 'object' || messages === null) return [];
  return Object.values(messages).flatMap(leaves);
}

const resources = await collectResources();

describe('message catalogues', () => {
  it('exist for every language with the same namespaces', () => {
    for (const language of LANGUAGES) expect(resources[language], language).toBeDefined();
    expect(Object.keys(resources['zh-CN']).sort()).toEqual(Object.keys(resources.en).sort());
  });

  it.each(Object.keys(resources.en))('namespace %s has the same keys in English and Chinese', (ns) => {
    expect(keys(resources['zh-CN'][ns]).sort()).toEqual(keys(resources.en[ns]).sort());
  });

  it('puts every English namespace in exactly one chunk: the first screen, tabs 2-5 or the lesson steps', () => {
    const first = Object.keys(english);
    const tabs = Object.keys(englishTabs);
    const lesson = Object.keys(englishLesson);
    expect(lesson).toEqual(['lessonSteps']);
    expect(first.filter((ns) => tabs.includes(ns) || lesson.includes(ns))).toEqual([]);
    expect(tabs.filter((ns) => lesson.includes(ns))).toEqual([]);
    expect([...first, ...tabs, ...lesson].sort()).toEqual(Object.keys(resources['zh-CN']).sort());
    expect(tabs.length).toBeGreaterThan(0);
    expect(NAMESPACES.sort()).toEqual(first.sort());
  });

  it('has no empty message', () => {
    for (const language of LANGUAGES) for (const m of leaves(resources[language])) expect(m.trim(), language).not.toBe('');
  });

  it('uses the standard Chinese terms, not the seed translation slips', () => {
    const chinese = leaves(resources['zh-CN']).join('\n');
    expect(chinese).not.toContain('合并图层');
    expect(chinese).not.toContain('要素');
  });

  it('maps language tags onto supported languages', () => {
    expect(toLanguage('zh')).toBe('zh-CN');
    expect(toLanguage('zh-TW')).toBe('zh-CN');
    expect(toLanguage('en-GB')).toBe('en');
    expect(toLanguage('fr')).toBe('en');
    expect(toLanguage(undefined)).toBe('en');
  });

  it("starts in the language of ?lang=, else the remembered one, else the browser's first", () => {
    expect(detectLanguage('?lang=zh-CN', 'en', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('?s=2.0&lang=en', 'zh-CN', ['zh'])).toBe('en');
    expect(detectLanguage('', 'zh-CN', ['en-US'])).toBe('zh-CN');
    expect(detectLanguage('?lang=', null, ['zh-Hans-CN', 'en'])).toBe('zh-CN');
    expect(detectLanguage('', null, ['fr-FR', 'zh'])).toBe('en');
    expect(detectLanguage('', null, [])).toBe('en');
    // A ?lang= that names no language of ConvLens is passed over, not read as English.
    expect(detectLanguage('?lang=fr', 'zh-CN', ['en'])).toBe('zh-CN');
    expect(detectLanguage('?lang=zh', 'en', ['en'])).toBe('zh-CN');
  });

  it('reads only English and Chinese tags as languages', () => {
    expect(parseLanguage('zh')).toBe('zh-CN');
    expect(parseLanguage('zh-Hant-TW')).toBe('zh-CN');
    expect(parseLanguage('EN-us')).toBe('en');
    expect(parseLanguage('fr')).toBeNull();
    expect(parseLanguage('zhx')).toBeNull();
    expect(parseLanguage('')).toBeNull();
  });
});
