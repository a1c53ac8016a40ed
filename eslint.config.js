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
    files: ['scripts/**', 'e2e/**'],
    rules: { 'no-console': 'off' },
  },
);
