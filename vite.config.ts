import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { contentSecurityPolicy } from './scripts/csp.ts';
import { offlineApp } from './scripts/pwa.ts';

// `base: './'` makes every asset URL relative, so the built `dist/` works from any
// static host and any sub-path (for example https://example.org/teaching/convlens/).
export default defineConfig({
  base: './',
  plugins: [react(), VitePWA(offlineApp), contentSecurityPolicy()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
