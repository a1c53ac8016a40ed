import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { richText } from './RichText';

const html = (sentence: string, components: Record<string, ReturnType<typeof createElement>>) =>
  renderToStaticMarkup(createElement('p', null, ...richText(sentence, components)));

describe('richText', () => {
  it('turns each tag into its element around the tagged text, keeping the text between', () => {
    expect(html('<on>153</on> of 676 cells fire', { on: createElement('strong') })).toBe('<p><strong>153</strong> of 676 cells fire</p>');
    expect(
      html('sum = <sum>5</sum>; 5 ≥ 2 → output <out>1 (fires)</out>', { sum: createElement('strong'), out: createElement('strong', { className: 'fires' }) }),
    ).toBe('<p>sum = <strong>5</strong>; 5 ≥ 2 → output <strong class="fires">1 (fires)</strong></p>');
  });

  it('leaves a sentence with no tags as it is, and a tag with no component as plain text', () => {
    expect(html('no tags here', {})).toBe('<p>no tags here</p>');
    expect(html('a <x>b</x> c', {})).toBe('<p>a &lt;x&gt;b&lt;/x&gt; c</p>');
  });

  it('never lets the sentence make HTML: markup inside a tag stays text', () => {
    expect(html('<b><img src=x onerror=alert(1)></b>', { b: createElement('strong') })).toBe('<p>&lt;b&gt;&lt;img src=x onerror=alert(1)&gt;&lt;/b&gt;</p>');
  });
});
