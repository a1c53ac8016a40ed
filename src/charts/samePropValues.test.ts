import { describe, expect, it } from 'vitest';
import { samePropValues } from './samePropValues';

describe('samePropValues', () => {
  const f = () => 0;
  it('treats arrays with identical elements as equal, and identical values as equal', () => {
    expect(samePropValues({ domain: [0, 1], title: 'a', f }, { domain: [0, 1], title: 'a', f })).toBe(true);
  });
  it('sees any changed value, element, length, function or key', () => {
    expect(samePropValues({ domain: [0, 1] }, { domain: [0, 2] })).toBe(false);
    expect(samePropValues({ domain: [0, 1] }, { domain: [0, 1, 2] })).toBe(false);
    expect(samePropValues({ title: 'a' }, { title: 'b' })).toBe(false);
    expect(samePropValues({ f }, { f: () => 0 })).toBe(false);
    expect(samePropValues<{ a?: number; b?: number }>({ a: 1 }, { b: 1 })).toBe(false);
    expect(samePropValues<{ a?: number; b?: number }>({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(samePropValues({ o: { x: 1 } }, { o: { x: 1 } })).toBe(false);
  });
});
