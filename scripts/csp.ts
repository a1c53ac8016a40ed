/**
 * The Content-Security-Policy of the built app, shared by the build (a <meta> tag in
 * index.html) and the static server (a response header).
 *
 * - Scripts only from the app's own origin; 'wasm-unsafe-eval' lets WebAssembly compile
 *   (tfjs's dependencies probe for it) without allowing eval() or new Function().
 * - Styles only from the app's own stylesheet: React sets style props through the CSSOM,
 *   which CSP does not restrict, so no 'unsafe-inline' is needed.
 * - Every connection (data, model, service worker precache) goes to the own origin.
 * - No `manifest-src`: the web app manifest falls back to `default-src 'self'`, the same rule,
 *   and WebKit (Safari) does not know the directive and reports it as a console error.
 */
import type { Plugin } from 'vite';

export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, sources]) => `${name} ${sources.join(' ')}`)
  .join('; ');

/** The policy as a <meta> element. */
export const CSP_META = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replaceAll("'", '&#39;')}" />`;

/**
 * Puts the policy into the built index.html right after <meta charset>, before any script
 * or stylesheet it must govern. Build only: Vite's dev server injects inline scripts of its
 * own (hot reload), which the policy forbids.
 */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'convlens:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('index.html needs a <meta charset> for the Content-Security-Policy to follow.');
        const at = charset.index + charset[0].length;
        return `${html.slice(0, at)}\n    ${CSP_META}${html.slice(at)}`;
      },
    },
  };
}
