import { describe, expect, it } from 'vitest';
import { decodeMnist, encodeMnist } from './mnistFormat';
import { DEFAULT_SAMPLE, digitImage, isHeldOut, sampleIndex, splitIndices, TEST_PER_CLASS } from './split';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const assetPath = fileURLToPath(new URL('../../public/data/mnist.bin', import.meta.url));

function fakeClasses(perClass: (d: number) => number): Uint8Array[] {
  return Array.from({ length: 10 }, (_, d) => {
    const px = new Uint8Array(perClass(d) * 784);
    for (let i = 0; i < px.length; i++) px[i] = (i * 7 + d * 13) % 256;
    return px;
  });
}

describe('MNIST asset format', () => {
  it('round-trips labels and pixels class by class', () => {
    const classes = fakeClasses((d) => d + 1);
    const data = decodeMnist(encodeMnist(classes));
    expect(data.count).toBe(55);
    expect(data.classCount).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(data.classStart[3]).toBe(1 + 2 + 3);
    expect(data.labels[data.classStart[7]]).toBe(7);
    expect(data.labels[data.classStart[7] - 1]).toBe(6);
    const i = data.classStart[4] + 2;
    expect(Array.from(data.pixels.subarray(i * 784, i * 784 + 5))).toEqual(Array.from(classes[4].subarray(2 * 784, 2 * 784 + 5)));
  });

  it('refuses a file that is not the asset, or is cut short', () => {
    const bytes = encodeMnist(fakeClasses(() => 1));
    expect(() => decodeMnist(bytes.subarray(0, 20))).toThrow(/truncated/);
    expect(() => decodeMnist(bytes.subarray(0, bytes.length - 1))).toThrow(/wrong length/);
    const wrong = bytes.slice();
    wrong[0] = 0x58;
    expect(() => decodeMnist(wrong)).toThrow(/not in ConvLens format/);
  });
});

describe('the shipped asset and its split', () => {
  const data = decodeMnist(new Uint8Array(readFileSync(assetPath)));

  it('holds the 10,000 digits of the mnist package, by class', () => {
    expect(data.count).toBe(10_000);
    expect(data.classCount).toEqual([1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978]);
  });

  it('stores Math.round(grey * 255) of the package, so the first "2" matches its source', () => {
    const require = createRequire(import.meta.url);
    const grey = (JSON.parse(readFileSync(require.resolve('mnist/src/digits/2.json'), 'utf8')) as { data: number[] }).data;
    const img = digitImage(data, sampleIndex(data, DEFAULT_SAMPLE));
    for (let p = 0; p < 784; p++) expect(Math.round(img.data[p] * 255)).toBe(Math.round(grey[p] * 255));
  });

  it('holds out the last 100 digits of each class: 9,000 train, 1,000 test, disjoint', () => {
    const { train, test } = splitIndices(data);
    expect(train.length).toBe(9000);
    expect(test.length).toBe(1000);
    const seen = new Set<number>(train);
    for (const t of test) expect(seen.has(t)).toBe(false);
    const perClass = new Array(10).fill(0);
    for (const t of test) perClass[data.labels[t]]++;
    expect(perClass).toEqual(new Array(10).fill(TEST_PER_CLASS));
    expect(isHeldOut(data, { digit: 0, index: 900 })).toBe(false);
    expect(isHeldOut(data, { digit: 0, index: 901 })).toBe(true);
    expect(test[0]).toBe(data.classStart[0] + 901);
  });

  it('rejects sample ids that do not exist', () => {
    expect(sampleIndex(data, { digit: 10, index: 0 })).toBe(-1);
    expect(sampleIndex(data, { digit: 5, index: 863 })).toBe(-1);
    expect(sampleIndex(data, { digit: 5, index: 862 })).toBe(data.classStart[5] + 862);
    expect(sampleIndex(data, { digit: 1.5, index: 0 })).toBe(-1);
  });
});
