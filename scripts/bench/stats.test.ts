import { describe, expect, it } from 'vitest';
import { distribution, percentile } from './stats';
import { staticImports } from './weight';

describe('percentile (nearest rank)', () => {
  it('picks the smallest sample with at least p% at or below it', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises a distribution', () => {
    expect(distribution([1, 2, 3, 4])).toEqual({ count: 4, p50: 2, p95: 4, mean: 2.5, max: 4 });
  });
});

describe('staticImports', () => {
  it('finds minified static imports and ignores dynamic ones', () => {
    const code = 'import{a as e,b as t}from"./index-A1.js";import"./side-B2.js";const s=()=>import(`./session-C3.js`);';
    expect(staticImports(code)).toEqual(['./index-A1.js', './side-B2.js']);
  });
});
