/**
 * Weight of the production build, from the files in dist/: what the page needs before
 * anything shows (index.html's scripts and styles plus their static imports) and what it
 * loads later (lazy chunks, the model, the data asset). Sizes are gzip at zlib's default
 * level (6), what a typical static host serves.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

/** One file of the build. */
export interface BuildFile {
  /** Path relative to dist/, with forward slashes. */
  readonly path: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BuildWeight {
  /** JavaScript the first paint waits for: the entry module and its static imports. */
  readonly initialJs: BuildFile[];
  readonly initialCss: BuildFile[];
  /** Everything else the app fetches: lazy chunks (with their static imports), model files, data. */
  readonly later: BuildFile[];
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes).length;
}

function describe(dist: string, path: string): BuildFile {
  const bytes = readFileSync(join(dist, path));
  return { path, bytes: bytes.length, gzipBytes: gzipSize(bytes) };
}

/** Attribute values of `attribute` on tags matching `tag` in the HTML (good enough for Vite's output). */
function htmlRefs(html: string, tag: RegExp, attribute: string): string[] {
  const refs: string[] = [];
  for (const match of html.matchAll(new RegExp(tag.source, 'g'))) {
    const value = new RegExp(`${attribute}="([^"]+)"`).exec(match[0]);
    if (value) refs.push(posix.normalize(value[1]));
  }
  return refs;
}

/** The relative modules a built chunk imports statically (`import ... from "./x.js"`, `import "./x.js"`). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+\.js)["'`]/g)) found.add(m[1]);
  return [...found];
}

/** Every chunk reachable from `entries` by static imports (paths relative to dist/). */
function closure(dist: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const code = readFileSync(join(dist, path), 'utf8');
    for (const spec of staticImports(code)) queue.push(posix.join(posix.dirname(path), spec));
  }
  return [...seen];
}

function filesUnder(dist: string, dir: string): string[] {
  const full = join(dist, dir);
  return readdirSync(full).flatMap((name) => {
    const rel = posix.join(dir, name);
    return statSync(join(full, name)).isDirectory() ? filesUnder(dist, rel) : [rel];
  });
}

/**
 * Splits dist/ into the initial JS and CSS (from index.html) and what is loaded later: the
 * other chunks under assets/, the shipped model and the MNIST asset. (models/*\/metrics.json
 * and the favicon are not counted: the app never fetches the former, the latter is tiny.)
 */
export function buildWeight(dist: string): BuildWeight {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entries = [...htmlRefs(html, /<script[^>]*type="module"[^>]*>/, 'src'), ...htmlRefs(html, /<link[^>]*rel="modulepreload"[^>]*>/, 'href')];
  const initial = closure(dist, entries);
  const css = htmlRefs(html, /<link[^>]*rel="stylesheet"[^>]*>/, 'href');
  const lazyJs = filesUnder(dist, 'assets').filter((p) => p.endsWith('.js') && !initial.includes(p));
  const fetched = [...filesUnder(dist, 'models'), ...filesUnder(dist, 'data')].filter((p) => !p.endsWith('metrics.json'));
  return {
    initialJs: initial.map((p) => describe(dist, p)),
    initialCss: css.map((p) => describe(dist, p)),
    later: [...lazyJs, ...fetched].map((p) => describe(dist, p)),
  };
}

/** Sum of gzip sizes. */
export function totalGzip(files: readonly BuildFile[]): number {
  return files.reduce((sum, f) => sum + f.gzipBytes, 0);
}
