/// <reference types="vite-plugin-pwa/vanillajs" />
import { registerSW } from 'virtual:pwa-register';
import { offlineStore } from './offlineState';

/**
 * Registers the service worker that precaches the whole app (code, MNIST data, model,
 * icons), quietly: nothing is shown until everything is cached. Production build only
 * (main.tsx imports this module lazily behind `import.meta.env.PROD`).
 */
export function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const applyUpdate = registerSW({
    onOfflineReady: () => offlineStore.set('ready'),
    onNeedRefresh: () => offlineStore.set('update'),
    onRegisteredSW(_url, registration) {
      // A later visit: an active worker controlling the page finished its precache when it installed.
      if (registration?.active && navigator.serviceWorker.controller) offlineStore.set('ready');
    },
    onRegisterError: (error) => console.info('ConvLens works online only here: the service worker did not register.', error),
  });
  offlineStore.setUpdater(() => {
    // Reload once the new version has taken over. (The plugin reloads only for updates found
    // while the page registers; one found later, by the browser's own checks, needs this.)
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void applyUpdate();
  });
}
