/**
 * Fails when the JavaScript the first paint waits for (index.html's module scripts, their
 * preloads and static imports, gzip level 6) is over the budget. Run after `npm run build`.
 */
import { buildWeight, totalGzip } from './bench/weight';

/** The budget of the initial JavaScript, gzip bytes (150 KB). */
export const INITIAL_JS_BUDGET = 150_000;

const dist = process.argv[2] ?? 'dist';
const { initialJs } = buildWeight(dist);
const total = totalGzip(initialJs);
const list = initialJs.map((f) => `  ${f.path}: ${(f.gzipBytes / 1000).toFixed(1)} KB`).join('\n');
if (initialJs.length === 0) {
  console.error(`No initial JavaScript found in ${dist}/index.html: is the build there?`);
  process.exit(1);
}
if (total > INITIAL_JS_BUDGET) {
  console.error(`Initial JavaScript is ${(total / 1000).toFixed(1)} KB gzip, over the ${INITIAL_JS_BUDGET / 1000} KB budget:\n${list}`);
  process.exit(1);
}
console.info(`Initial JavaScript: ${(total / 1000).toFixed(1)} KB gzip (budget ${INITIAL_JS_BUDGET / 1000} KB)\n${list}`);
