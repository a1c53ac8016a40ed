/**
 * The installable, offline app: the web app manifest and the service worker's precache.
 *
 * Workbox precaches only files under 2 MiB with a few extensions by default; ConvLens needs
 * its MNIST asset (public/data/mnist.bin, about 7.5 MB), the shipped model (JSON + .bin) and
 * the tfjs bundle cached too, so the patterns and the size limit are widened here. Every URL
 * is relative to the service worker, which sits beside index.html, so the app works offline
 * under any sub-path.
 */
import type { VitePWAOptions } from 'vite-plugin-pwa';

/** Larger than the biggest file the app needs (the MNIST asset), with room to grow. */
export const MAX_PRECACHED_FILE_BYTES = 24 * 1024 * 1024;

export const offlineApp: Partial<VitePWAOptions> = {
  // Registered from the app (src/pwa/), in the production build only.
  injectRegister: false,
  registerType: 'prompt',
  manifestFilename: 'manifest.webmanifest',
  // The manifest and its icons are added to the precache by the plugin itself.
  includeManifestIcons: true,
  manifest: {
    name: 'ConvLens — how a CNN sees a digit',
    short_name: 'ConvLens',
    description: 'See how a convolutional neural network extracts features from handwritten digits.',
    lang: 'en',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#181820',
    theme_color: '#181820',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{html,js,css,svg,png,json,bin,woff2,wasm}'],
    globIgnores: ['icons/**'],
    maximumFileSizeToCacheInBytes: MAX_PRECACHED_FILE_BYTES,
    navigateFallback: 'index.html',
    // The page is controlled as soon as the first visit has cached everything; an update
    // waits until the user accepts it, so a drawing in progress is never reloaded away.
    clientsClaim: true,
    skipWaiting: false,
    cleanupOutdatedCaches: true,
  },
};
