import { describe, expect, it } from 'vitest';
import { collectResources } from './index';
import { untranslatedWords } from './latinWords';

function entries(messages: unknown, prefix = ''): [string, string][] {
  if (typeof messages === 'string') return [[prefix, messages]];
  if (typeof messages !== 'object' || messages === null) return [];
  return Object.entries(messages).flatMap(([k, v]) => entries(v, prefix ? `${prefix}.${k}` : k));
}

/** A message without its placeholders ({{name}}, {{n, number(...)}}) and component tags (<b>, </b>). */
function prose(message: string): string {
  return message.replace(/\{\{[^}]*\}\}/g, ' ').replace(/<\/?[A-Za-z]+>/g, ' ');
}

const resources = await collectResources();

describe('the Chinese catalogue', () => {
  it.each(Object.keys(resources['zh-CN']))('namespace %s leaves no English words untranslated', (ns) => {
    const leftovers = entries(resources['zh-CN'][ns])
      .map(([key, m]) => [key, untranslatedWords(prose(m))] as const)
      .filter(([, words]) => words.length > 0);
    expect(leftovers).toEqual([]);
  });

  it.each(Object.keys(resources['zh-CN']))('namespace %s keeps every placeholder and tag of the English message', (ns) => {
    const english = new Map(entries(resources.en[ns]));
    for (const [key, chinese] of entries(resources['zh-CN'][ns])) {
      const marks = (m: string) => [...(m.match(/\{\{[^}]*\}\}|<\/?[A-Za-z]+>/g) ?? [])].sort();
      expect(marks(chinese), `${ns}:${key}`).toEqual(marks(english.get(key) ?? ''));
    }
  });

  it('spots an English word that slipped through', () => {
    expect(untranslatedWords('卷积核 3 of 4, conv1_relu, Softmax')).toEqual(['of']);
  });
});
