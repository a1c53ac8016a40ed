import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * No HTML is ever built from text: every DOM string sink is forbidden in the app, so text a
 * user supplies (file names, uploads, typed values) can only ever reach the page as text.
 */
const HTML_SINKS = [
  ...['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'createContextualFragment', 'srcdoc'].map((property) => ({
    property,
    message: 'Builds HTML from a string: render elements with React or set textContent instead.',
  })),
  { object: 'document', property: 'write', message: 'document.write builds HTML from a string.' },
  { object: 'document', property: 'writeln', message: 'document.writeln builds HTML from a string.' },
];
const HTML_SYNTAX = [
  { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'dangerouslySetInnerHTML builds HTML from a string: render elements instead.' },
  { selector: "CallExpression[callee.property.name='html']", message: "d3's selection.html() sets innerHTML: use .text() instead." },
];

/**
 * The layers of src/ (README, Architecture) and the folders each may import. Nothing imports a
 * layer above it: core imports nothing of the app; data, model, render and state build on core
 * (state also keeps the network spec and the language of a link); charts draw with render;
 * components wire them all together. src/worker is where tfjs may run off the main thread.
 */
const LAYERS = {
  core: [],
  data: ['core'],
  i18n: [],
  model: ['core', 'data'],
  worker: ['core', 'data', 'model'],
  render: ['core'],
  state: ['core', 'data', 'model', 'i18n'],
  charts: ['core', 'render'],
  pwa: ['core', 'i18n'],
  components: ['core', 'data', 'i18n', 'model', 'worker', 'render', 'state', 'charts', 'pwa'],
};
/** The layers that may use React (and so does main.tsx, and the i18n set-up, src/i18n/index.ts). */
const REACT_LAYERS = ['components', 'charts', 'pwa'];
/** The layers that may use tfjs. */
const TFJS_LAYERS = ['model', 'worker'];

const REACT = {
  regex: '^(react|react-dom|react-i18next)(/|$)',
  message: 'React belongs in src/components, src/charts, src/pwa, src/main.tsx and the i18n set-up (src/i18n/index.ts).',
};
const TFJS = { regex: '^@tensorflow/', message: 'tfjs belongs in src/model (or src/worker): everything else gets plain arrays.' };
const DOM = { regex: '^d3(-selection)?$', message: 'src/core may not touch the DOM (d3-selection).' };

/** The other layers `layer` may not import (none for the entry, main.tsx), as import patterns. */
function layerRefusals(layer) {
  const allowed = layer ? LAYERS[layer] : Object.keys(LAYERS);
  const may = allowed.length > 0 ? `may import only ${allowed.map((l) => `src/${l}`).join(', ')}` : 'imports nothing of the app';
  return Object.keys(LAYERS)
    .filter((other) => other !== layer && !allowed.includes(other))
    .map((other) => ({ regex: `^(\\.\\./)+${other}(/|$)`, message: `src/${layer} ${may}, not src/${other} (README, Architecture).` }));
}

/** The same refusals for `import()`, which no-restricted-imports does not see. */
function dynamicImportRefusal({ regex, message }) {
  return { selector: `ImportExpression[source.value=/${regex.replaceAll('/', '\\x2F')}/u]`, message };
}

/** What src/core may not use: it is the same maths in node, in a worker and on the page. */
const CORE_GLOBALS = [
  'window',
  'document',
  'navigator',
  'self',
  'HTMLElement',
  'HTMLCanvasElement',
  'CanvasRenderingContext2D',
  'OffscreenCanvas',
  'ImageData',
  'fetch',
  'localStorage',
  'indexedDB',
];

const NO_JSX = ['JSXElement', 'JSXFragment'].map((selector) => ({ selector, message: 'JSX is React: it belongs in src/components, src/charts or src/pwa.' }));

/** What the files of one layer may import: other layers, React, tfjs (static and dynamic imports). */
function boundaries(files, layer, { react, tfjs }) {
  const refused = [...layerRefusals(layer), ...(react ? [] : [REACT]), ...(tfjs ? [] : [TFJS]), ...(layer === 'core' ? [DOM] : [])];
  return {
    files,
    rules: {
      'no-restricted-imports': ['error', { patterns: refused }],
      'no-restricted-syntax': ['error', ...HTML_SYNTAX, ...refused.map(dynamicImportRefusal), ...(react ? [] : NO_JSX)],
    },
  };
}

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'bench-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-properties': ['error', ...HTML_SINKS],
      'no-restricted-syntax': ['error', ...HTML_SYNTAX],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  ...Object.keys(LAYERS).map((layer) =>
    boundaries([`src/${layer}/**/*.{ts,tsx}`], layer, { react: REACT_LAYERS.includes(layer), tfjs: TFJS_LAYERS.includes(layer) }),
  ),
  boundaries(['src/i18n/index.ts'], 'i18n', { react: true, tfjs: false }),
  boundaries(['src/main.tsx'], null, { react: true, tfjs: false }),
  {
    files: ['src/core/**/*.{ts,tsx}'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-properties': ['error', ...HTML_SINKS, ...CORE_GLOBALS.map((property) => ({ object: 'globalThis', property }))],
    },
  },
  {
    // Tests may reach across layers (a panel's messages against the catalogues) and check
    // the maths against tfjs; they are not part of the app.
    files: ['src/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': ['error', ...HTML_SYNTAX] },
  },
  {
    files: ['scripts/**', 'e2e/**', 'e2e-engines/**'],
    rules: { 'no-console': 'off' },
  },
);
