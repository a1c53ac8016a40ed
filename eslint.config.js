import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Modules that `src/core/` must never import: it is pure maths on typed arrays. */
const CORE_FORBIDDEN = [
  { group: ['react', 'react-dom', 'react-dom/*', 'react/*'], message: 'src/core is framework-free: no React.' },
  { group: ['@tensorflow/*'], message: 'src/core is framework-free: tfjs belongs in src/model.' },
  { group: ['d3-selection', 'd3'], message: 'src/core may not touch the DOM (d3-selection).' },
  { group: ['**/components/*', '**/render/*', '**/charts/*', '**/model/*', '**/state/*'], message: 'src/core may not import the app.' },
];

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
  {
    files: ['src/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: CORE_FORBIDDEN }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'HTMLElement', 'HTMLCanvasElement', 'CanvasRenderingContext2D', 'fetch'],
    },
  },
  {
    files: ['src/core/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['scripts/**', 'e2e/**', 'e2e-engines/**'],
    rules: { 'no-console': 'off' },
  },
);
