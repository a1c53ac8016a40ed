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
  // The training worker loads the wasm backend with dynamic imports: only ES module workers split chunks.
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      // d3-scale-chromatic builds every colour scheme at the top of its module without
      // marking the calls pure, so the schemes the app never uses would all stay in the first
      // chunk (the edge lab needs only PuOr and cividis). These are its scheme builders; no
      // other module in the bundle calls functions of these names.
      treeshake: { manualPureFunctions: ['colors', 'ramp$1', 'ramp'] },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // Setups load the shipped model and run it over the held-out digits: seconds on a quiet
    // machine, more on a busy one, never a reason to fail.
    hookTimeout: 60_000,
    // Two test files at a time, one per core of a 2-core machine (Vitest's default leaves one
    // core idle): the files are pure CPU work, and their time limits allow for the sharing.
    maxWorkers: 2,
  },
});
