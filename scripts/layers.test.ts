import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

/** The messages of linting a snippet as if it were the file at `filePath`, with the project's own configuration. */
async function lint(filePath: string, code: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map(({ ruleId, message }) => ({ ruleId, message }));
}

/** The rules a snippet breaks. */
async function ruleIds(filePath: string, code: string): Promise<string[]> {
  return (await lint(filePath, code)).map((m) => m.ruleId ?? m.message);
}

const TFJS = "import * as tf from '@tensorflow/tfjs';\nexport const probe = tf.tensor1d;\n";
const TFJS_LATER = "export const probe = () => import('@tensorflow/tfjs');\n";
const REACT = "import { useState } from 'react';\nexport const probe = useState;\n";
const REACT_I18N = "import { useTranslation } from 'react-i18next';\nexport const probe = useTranslation;\n";
const JSX = 'export const probe = <p>text</p>;\n';

/** A snippet that imports the module `spec` (a path relative to the probe file). */
const importing = (spec: string) => `import * as m from '${spec}';\nexport const probe = m;\n`;

describe('lint keeps tfjs in src/model', () => {
  it('refuses tfjs anywhere else in the app, imported or loaded later', async () => {
    for (const file of [
      'src/components/network/Probe.tsx',
      'src/core/probe.ts',
      'src/render/probe.ts',
      'src/state/probe.ts',
      'src/charts/Probe.tsx',
      'src/main.tsx',
    ]) {
      expect(await ruleIds(file, TFJS), file).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/components/training/Probe.tsx', TFJS_LATER)).toContain('no-restricted-syntax');
  });

  it('lets src/model and src/worker use it', async () => {
    for (const file of ['src/model/probe.ts', 'src/worker/probe.ts']) {
      expect(await ruleIds(file, TFJS), file).toEqual([]);
      expect(await ruleIds(file, TFJS_LATER), file).toEqual([]);
    }
  });
});

describe('lint keeps React in the views', () => {
  it('refuses React, react-i18next and JSX outside them', async () => {
    for (const file of [
      'src/core/probe.ts',
      'src/model/probe.ts',
      'src/data/probe.ts',
      'src/render/probe.ts',
      'src/state/probe.ts',
      'src/worker/probe.ts',
      'src/i18n/catalogue.ts',
    ]) {
      expect(await ruleIds(file, REACT), file).toContain('no-restricted-imports');
      expect(await ruleIds(file, REACT_I18N), file).toContain('no-restricted-imports');
    }
    expect(await ruleIds('src/model/Probe.tsx', JSX)).toContain('no-restricted-syntax');
  });

  it('lets the components, the charts, the offline status, the entry and the i18n set-up use it', async () => {
    for (const file of ['src/components/shell/Probe.tsx', 'src/charts/Probe.tsx', 'src/pwa/Probe.tsx', 'src/main.tsx', 'src/i18n/index.ts']) {
      expect(await ruleIds(file, REACT), file).toEqual([]);
      expect(await ruleIds(file, REACT_I18N), file).toEqual([]);
    }
    expect(await ruleIds('src/components/common/Probe.tsx', JSX)).toEqual([]);
  });
});

describe('lint refuses imports of a higher layer', () => {
  // [probe file, imported module, refused]
  const cases: [string, string, boolean][] = [
    ['src/charts/Probe.tsx', '../components/common/FeatureMap', true],
    ['src/charts/Probe.tsx', '../state/labState', true],
    ['src/charts/Probe.tsx', '../model/spec', true],
    ['src/charts/Probe.tsx', '../render/palette', false],
    ['src/charts/Probe.tsx', '../core/grid', false],
    ['src/render/probe.ts', '../state/labState', true],
    ['src/render/probe.ts', '../charts/ColourLegend', true],
    ['src/render/probe.ts', '../core/stroke', false],
    ['src/state/probe.ts', '../components/share/useShareLink', true],
    ['src/state/probe.ts', '../render/strokes', true],
    ['src/state/probe.ts', '../model/spec', false],
    ['src/state/probe.ts', '../i18n', false],
    ['src/model/probe.ts', '../state/labState', true],
    ['src/model/probe.ts', '../components/network/useModelSession', true],
    ['src/model/probe.ts', '../data/split', false],
    ['src/data/probe.ts', '../model/spec', true],
    ['src/data/probe.ts', '../core/grid', false],
    ['src/core/probe.ts', '../data/split', true],
    ['src/core/probe.ts', '../i18n', true],
    ['src/core/exercises/probe.ts', '../../state/lesson', true],
    ['src/core/exercises/probe.ts', '../grid', false],
    ['src/i18n/probe.ts', '../components/training/ArchitectureEditor', true],
    ['src/pwa/Probe.tsx', '../components/shell/App', true],
    ['src/model/probe.ts', '../worker/workerTrainer', true],
    ['src/worker/probe.ts', '../model/train', false],
    ['src/worker/probe.ts', '../data/split', false],
    ['src/worker/probe.ts', '../state/labState', true],
    ['src/worker/probe.ts', '../components/network/useModelSession', true],
    ['src/components/network/Probe.tsx', '../../worker/workerTrainer', false],
    ['src/components/shell/Probe.tsx', '../../model/session', false],
    ['src/components/shell/Probe.tsx', '../../pwa/OfflineStatus', false],
  ];

  it.each(cases)('%s importing %s (refused: %s)', async (file, spec, refused) => {
    const ids = await ruleIds(file, importing(spec));
    if (refused) expect(ids).toContain('no-restricted-imports');
    else expect(ids).toEqual([]);
  });

  it('names the layers the importing folder may use', async () => {
    const [problem] = await lint('src/charts/Probe.tsx', importing('../components/common/FeatureMap'));
    expect(problem.message).toContain('src/charts may import only src/core, src/render, not src/components');
  });

  it('sees imports that load later, and re-exports', async () => {
    expect(await ruleIds('src/charts/Probe.tsx', "export const probe = () => import('../components/common/FeatureMap');\n")).toContain('no-restricted-syntax');
    expect(await ruleIds('src/render/probe.ts', "export { labReducer } from '../state/labState';\n")).toContain('no-restricted-imports');
  });
});

describe('lint keeps src/core free of the browser', () => {
  it('refuses storage, canvases, images and the worker scope', async () => {
    const uses = [
      "export const probe = () => localStorage.getItem('k');",
      "export const probe = () => indexedDB.open('k');",
      'export const probe = () => new OffscreenCanvas(1, 1);',
      'export const probe = () => new ImageData(1, 1);',
      'export const probe = () => self;',
      "export const probe = () => globalThis.localStorage.getItem('k');",
    ];
    for (const code of uses) {
      const ids = await ruleIds('src/core/probe.ts', code);
      expect(
        ids.some((id) => /no-restricted-(globals|properties)/.test(id)),
        code,
      ).toBe(true);
      // The same code is fine where the browser is expected.
      expect(await ruleIds('src/render/probe.ts', code), code).toEqual([]);
    }
  });
});
