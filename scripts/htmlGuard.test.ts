import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it were a file of the app, with the project's own configuration. */
async function ruleIds(code: string, filePath = 'src/components/Probe.tsx'): Promise<string[]> {
  const [result] = await new ESLint().lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('lint guard against HTML built from text', () => {
  it('refuses every HTML string sink in the app', async () => {
    const cases = [
      'export function f(el: HTMLElement, s: string) { el.innerHTML = s; }',
      'export function f(el: HTMLElement, s: string) { el.outerHTML = s; }',
      "export function f(el: HTMLElement, s: string) { el.insertAdjacentHTML('beforeend', s); }",
      'export function f(s: string) { document.write(s); }',
      'export function f(s: string) { return document.createRange().createContextualFragment(s); }',
      'export function F({ s }: { s: string }) { return <div dangerouslySetInnerHTML={{ __html: s }} />; }',
      "import { select } from 'd3';\nexport function f(s: string) { select('body').html(s); }",
      'export function f(s: string) { return new Function(s); }',
    ];
    for (const code of cases) {
      const ids = await ruleIds(code);
      expect(
        ids.some((id) => /no-restricted-(properties|syntax)|no-new-func/.test(id)),
        code,
      ).toBe(true);
    }
  });

  it('lets text through', async () => {
    const ids = await ruleIds(
      'export function F({ s }: { s: string }) { return <p title={s}>{s}</p>; }\nexport function g(el: HTMLElement, s: string) { el.textContent = s; }',
    );
    expect(ids).toEqual([]);
  });
});
